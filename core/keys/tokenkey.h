// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "x509/publickey.h"

#include <QByteArray>

#include <optional>
#include <vector>

class Session;

// One private key on a token and the objects that go with it by CKA_ID, as
// the consumers pair them, plus its public key.
struct TokenKey {
    ObjectInfo privateKey;
    std::vector<ObjectInfo> publicKeyObjects;  // same CKA_ID, CKO_PUBLIC_KEY
    std::vector<ObjectInfo> certificates;      // same CKA_ID, CKO_CERTIFICATE
    // From the private key's own attributes, else its public-key object, else a
    // same-ID certificate. Null when none of them carries it (an EC private key
    // alone). Signatures made with the key are checked against it.
    PublicKey publicKey;
    enum class PublicKeySource { None, PrivateKey, PublicKeyObject, Certificate };
    PublicKeySource publicKeySource = PublicKeySource::None;

    const QByteArray &id() const { return privateKey.id; }
    QString label() const { return privateKey.labelText(); }
    bool alwaysAuthenticate() const { return privateKey.attrs.boolean(CKA_ALWAYS_AUTHENTICATE).value_or(false); }
    CK_KEY_TYPE keyType() const { return privateKey.attrs.ulong(CKA_KEY_TYPE).value_or(CKK_RSA); }

    // Builds the key from objects already read (pure). others: any objects of the
    // token; those with the private key's CKA_ID become its partners.
    static TokenKey assemble(const ObjectInfo &privateKey, const std::vector<ObjectInfo> &others);
    // Reads the private key with this CKA_ID and its partners (executor only; the
    // session must be logged in for private keys to be visible). Throws
    // KeyOperationError(NoSuchKey) when there is none, (InvalidInput) when several
    // private keys share the ID.
    static TokenKey load(Session &session, const CK_TOKEN_INFO &token, const QByteArray &id);
};
