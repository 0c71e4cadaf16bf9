// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QString>

#include <vector>

// One problem the token health check found, naming the objects involved.
struct HealthFinding {
    enum class Kind {
        // A certificate carries a key's public key under another CKA_ID: Java drops the
        // key entry, NSS loses the trust. Repair: give the certificate the key's ID and label.
        CertificateIdMismatch,
        // A certificate shares a key's CKA_ID but carries another public key: programs
        // pair them and signing fails later. No automatic repair (delete or re-import it).
        WrongCertificate,
        // Several private keys share one CKA_ID: programs cannot tell them apart.
        // Repair: every key but the one its certificate belongs to gets the ID derived
        // from its public key, with its public key and certificates.
        DuplicateId,
        // A private key without a public-key object: some tools list keys only through it.
        // Repair: create it from the key's own attributes or its certificate.
        MissingPublicKey,
        // Key, public key and certificate of one pair carry different labels.
        // Repair: give all of them the private key's label.
        LabelDrift,
    };

    Kind kind = Kind::LabelDrift;
    QString sentence;                 // what is wrong, naming the objects
    std::vector<ObjectInfo> objects;  // the objects involved; objects[0] is the one the finding is about
    bool repairable = false;
    QString repair;                   // what the repair will do (for the confirmation), or why none is offered

    QString code() const;             // "certificate-id-mismatch", "wrong-certificate", "duplicate-id",
                                      // "missing-public-key", "label-drift"
};
