// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QString>
#include <QStringList>

#include <vector>

class Session;

// Exactly what a deletion removes, for the confirmation that names it.
struct DeletionPlan {
    std::vector<ObjectInfo> objects; // in deletion order: certificates, public keys, private key
    QStringList notes;               // related objects that stay, and why

    // "private key “Web” (ID 01ab)", … one per object, for the confirmation list.
    QStringList descriptions() const;
};

// Pure. target: an object as Inventory::readObjects listed it. For a private key
// with withPartners, its public-key objects (same CKA_ID) and the certificates
// that carry its public key (same CKA_ID, or another ID — a certificate whose key
// is gone is of no use) go with it; a certificate that merely shares the ID but
// carries another key stays (noted). Other classes: the object alone.
DeletionPlan planDeletion(const TokenContents &contents, const ObjectInfo &target, bool withPartners);

// Destroys the planned objects. Each is first checked to still be what the
// confirmation showed (class, CKA_ID, label, certificate value); if any is not,
// nothing is deleted (KeyOperationError TokenChanged). Afterwards the token is
// searched again to confirm they are gone. The handles must come from this
// session (the token's persistent session, as Inventory::readObjects uses).
// Blocking: executor only, logged-in read-write session. Throws
// KeyOperationError, Pkcs11Error (a failure part-way names what was already deleted).
void deleteObjects(Session &session, const CK_TOKEN_INFO &token, const DeletionPlan &plan);
