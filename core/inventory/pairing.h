// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QString>

#include <vector>

// Key ↔ certificate pairing as the consumers see it. Java's SunPKCS11, NSS,
// OpenSSL's engine and browsers pair a private key and a certificate by CKA_ID
// alone; we also compare the public keys, so a pair that merely shares an ID,
// or a certificate stored under the wrong ID, is shown as the problem it is.
enum class PairState {
    Paired,          // same CKA_ID, public keys compared and equal
    PairedById,      // same CKA_ID; the public keys could not be compared (e.g. EC key without public-key object)
    WrongPartner,    // same CKA_ID, but the certificate's public key is not this key's
    IdMismatch,      // the public keys match, but the CKA_IDs differ: consumers will not pair them
    Unpaired,        // no partner at all (a key without certificate, or a CA/other certificate)
    NotApplicable,   // public keys, secret keys, data objects
};

struct PairInfo {
    PairState state = PairState::NotApplicable;
    QString partnerKey;     // ObjectInfo::key() of the partner (Paired/PairedById/WrongPartner/IdMismatch)
    CK_OBJECT_HANDLE partnerHandle = CK_INVALID_HANDLE; // the partner object itself, within the snapshot
    static constexpr std::size_t kNoPartner = std::size_t(-1);
    std::size_t partnerIndex = kNoPartner; // the partner's index in the contents.objects it was computed from
    QByteArray partnerId;   // its CKA_ID
    QString partnerLabel;
    bool isProblem() const { return state == PairState::WrongPartner || state == PairState::IdMismatch; }
    QString summary() const; // one translated sentence for the detail pane and --list
    QString code() const;    // stable token for JSON: "paired", "paired-by-id", "wrong-partner", "id-mismatch", "unpaired"
};

// One entry per object of contents.objects, at the same index (computed per object,
// never per class + ID + label, which two objects may share). Private keys,
// certificates and public keys get a state (a public key stands in for its hidden
// private key before login); the others are NotApplicable.
std::vector<PairInfo> computePairing(const TokenContents &contents);
// The entry of `object`, which must be an element of contents.objects.
const PairInfo &pairingOf(const std::vector<PairInfo> &pairing, const TokenContents &contents, const ObjectInfo &object);
