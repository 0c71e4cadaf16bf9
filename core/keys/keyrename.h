// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <vector>

class Session;

// A new label and/or CKA_ID for a key pair and its certificate, changed together
// so that Java (alias = the certificate's label), NSS and OpenSSL keep pairing them.
struct KeyRename {
    QByteArray keyId;      // the private key's current CKA_ID
    QString newLabel;      // empty: keep the labels
    QString newIdHex;      // empty: keep the ID
};

// The objects a rename touches: the private key, its public-key objects and its
// certificates (same CKA_ID and carrying the key's public key; a certificate that
// only shares the ID is left alone, so a new ID also unpairs it).
struct KeyRenamePlan {
    std::vector<ObjectInfo> objects;
    QStringList notes;
};

class KeyRenameValidator {
public:
    // Pure: one sentence, empty when fine. A new ID may not be used by any object
    // outside the pair.
    static QString check(const TokenContents &contents, const KeyRename &rename);
    static KeyRenamePlan plan(const TokenContents &contents, const KeyRename &rename);
};

// Applies the rename in one transaction (any failure restores the old values),
// then re-reads the objects and checks they carry the new label/ID. Returns the
// objects as they are now. Blocking: executor only, logged-in read-write session.
// Throws KeyOperationError (validation, NoSuchKey, VerificationFailed), Pkcs11Error
// (e.g. CKR_ATTRIBUTE_READ_ONLY on tokens that fix the ID at creation).
std::vector<ObjectInfo> renameKeyPair(Session &session, const CK_TOKEN_INFO &token, const KeyRename &rename);
