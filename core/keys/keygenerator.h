// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/keygenspec.h"
#include "p11/pkcs11.h"
#include "x509/publickey.h"

#include <QByteArray>
#include <QString>

class Session;

// The key pair generateKeyPair() left on the token.
struct GeneratedKey {
    QByteArray id;            // CKA_ID of both objects
    QString label;
    PublicKey publicKey;
    bool idDerived = false;   // true: the ID was derived from the public key (OpenSC style)
    QString privateKeyUri;    // RFC 7512, ready for openssl -key / Java / NSS configurations
    QString publicKeyUri;
};

// C_GenerateKeyPair with the spec's attributes (KeyGenSpec has the safe
// defaults), then names both objects by the spec's CKA_ID or, when none was
// given, by the ID derived from the new public key (x509/keyid.h, OpenSC
// style). The public key is only known after generation, so the pair is
// generated without CKA_ID and the ID is set on both objects with
// C_SetAttributeValue; a temporary ID would need the same second step and could
// collide. If the ID cannot be set, or collides with an object that appeared
// meanwhile, the new pair is destroyed again (nothing half-made stays behind).
//
// Every usage (sign/verify, decrypt/encrypt, unwrap/wrap, derive, and the
// recover variants) and the private, sensitive and extractable flags are named
// in the template, true or false, whatever the key type. After generation the
// token is asked what it made; a pair whose shown attributes differ from the
// spec is destroyed, and the KeyOperationError (VerificationFailed) names each
// difference ("the private key has CKA_DECRYPT, which was not asked for").
//
// Blocking: runs on the token's executor (Inventory::withSession); RSA-4096 can
// take a minute on a smart card. The session must be logged in as the user and
// read-write. Checks the spec with KeyGenValidator first (mechanisms read from
// the token). Throws KeyOperationError or Pkcs11Error.
GeneratedKey generateKeyPair(Session &session, const CK_TOKEN_INFO &token, const KeyGenSpec &spec);
