// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "p11/pkcs11.h"

#include <QByteArray>
#include <QString>

#include <optional>
#include <vector>

// A key type and size the key generation wizard can offer.
struct KeyAlgorithm {
    enum class Family { Rsa, Ec, Ed25519 };

    Family family = Family::Rsa;
    int bits = 2048;        // RSA: modulus bits; EC/Ed25519: field size (256, 384, 521)
    QByteArray curve;       // EC: OpenSSL short name ("prime256v1", "secp384r1", "brainpoolP256r1"); else empty
    // RSA-1024: offered only behind a "legacy" warning (KeyGenSpec::acceptLegacy).
    bool legacy = false;
    // PKCS#11 lists key-size ranges, not curves. P-256/384/521 are what every EC
    // token implements; for secp256k1 and brainpool the mechanism list cannot say,
    // so they carry false here and the wizard says the token may refuse them.
    bool certainlySupported = true;

    // A sentence the wizard shows next to the choice, empty when there is nothing to say.
    QString caveat() const;

    QString id() const;            // stable: "rsa-2048", "ec-prime256v1", "ed25519"
    QString displayName() const;   // "RSA 2048 bits", "EC P-256", "EC secp256k1", "Ed25519"
    CK_KEY_TYPE keyType() const;   // CKK_RSA, CKK_EC, CKK_EC_EDWARDS
    CK_MECHANISM_TYPE generationMechanism() const;
    // CKA_EC_PARAMS for generation: the DER OID of the curve (Ed25519: 1.3.101.112,
    // the form PKCS#11 3.0 and SoftHSM accept). Empty for RSA.
    QByteArray ecParams() const;

    bool operator==(const KeyAlgorithm &o) const { return id() == o.id(); }

    static KeyAlgorithm rsa(int bits);
    static KeyAlgorithm ec(const QByteArray &curve);   // throws KeyOperationError for unknown curves
    static KeyAlgorithm ed25519();
    static std::optional<KeyAlgorithm> fromId(const QString &id);

    // What the token's mechanism list supports, in the order the wizard lists them:
    // RSA 2048/3072/4096 (1024 marked legacy), EC P-256/384/521, then secp256k1 and
    // brainpool when EC generation covers 256 bits, then Ed25519 when
    // CKM_EC_EDWARDS_KEY_PAIR_GEN is there. Pure: works on TokenSnapshot::mechanisms.
    static std::vector<KeyAlgorithm> offeredBy(const std::vector<MechanismInfo> &mechanisms);
};
