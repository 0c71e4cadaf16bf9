// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/publickeyattributes.h"

#include <QByteArray>
#include <QString>

#include <memory>

typedef struct evp_pkey_st EVP_PKEY;

// An immutable public key (OpenSSL EVP_PKEY underneath). Cheap to copy: copies
// share the key, which is never modified after construction, so copies may be
// used from several threads (OpenSSL allows concurrent read-only use).
// Every factory throws X509Error with a plain sentence on bad input.
class PublicKey {
public:
    enum class Algorithm { None, Rsa, Ec, Ed25519, Ed448, X25519, X448, Other };

    PublicKey() = default; // null key

    static PublicKey fromSubjectPublicKeyInfo(const QByteArray &spkiDer);
    static PublicKey fromCertificate(const QByteArray &certificateDer);
    // RSA: CKA_MODULUS + CKA_PUBLIC_EXPONENT. EC: CKA_EC_PARAMS + CKA_EC_POINT.
    // EdDSA/Montgomery: CKA_EC_PARAMS (optional) + CKA_EC_POINT. CKA_PUBLIC_KEY_INFO wins when present.
    static PublicKey fromAttributes(const PublicKeyAttributes &attributes);
    // Shares a key OpenSSL has decoded already (a parsed certificate's): takes a reference, no copy.
    static PublicKey shared(EVP_PKEY *key);

    bool isNull() const { return !m_key; }
    Algorithm algorithm() const;
    QString algorithmName() const;  // "RSA", "EC", "Ed25519", …
    int bits() const;               // RSA modulus bits, EC group order bits; OpenSSL's figure otherwise (Ed25519: 256, X25519: 253)
    QString curveName() const;      // EC only: "P-256 (prime256v1)", "secp256k1"; "explicit parameters" if unnamed
    QString description() const;    // "RSA 2048 bits", "EC P-256 (prime256v1)", "Ed25519"
    // The same texts from the parts, for keys read without an EVP_PKEY (ComparableKey).
    // algorithmName(Other) is empty: OpenSSL's name for the key is used then.
    static QString algorithmName(Algorithm algorithm);
    static QString description(Algorithm algorithm, const QString &name, int bits, const QString &curve);

    QByteArray subjectPublicKeyInfo() const; // DER, as `openssl pkey -pubout -outform DER`
    QByteArray rsaModulus() const;           // big-endian, no leading zero; empty unless RSA
    // The public point/key as raw bytes: uncompressed EC point (04‖X‖Y), or the
    // 32/57-byte EdDSA key. Empty for RSA.
    QByteArray rawPublicKey() const;

    // Mathematical comparison (EVP_PKEY_eq): an EC point given compressed on
    // one side and uncompressed on the other still matches.
    bool sameKeyAs(const PublicKey &other) const;

    // Borrowed; for OpenSSL calls such as building a CSR. Do not modify or free.
    EVP_PKEY *get() const { return m_key.get(); }

private:
    explicit PublicKey(EVP_PKEY *owned);
    std::shared_ptr<EVP_PKEY> m_key;
};
