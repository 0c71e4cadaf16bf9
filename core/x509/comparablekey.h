// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/publickey.h"
#include "x509/publickeyattributes.h"

#include <QByteArray>

#include <optional>

typedef struct X509_pubkey_st X509_PUBKEY;

// A public key in a form that compares by its bytes, for pairing thousands of
// keys and certificates without an OpenSSL key object per comparison.
//
// The canonical form is the key itself, normalized so that equal keys give equal
// bytes: RSA as (n, e) without leading zeros; an EC key as its named curve and
// uncompressed point; EdDSA/X25519/X448 as algorithm and raw key. Two keys that
// both have it are the same key exactly when the bytes are equal, which is what
// EVP_PKEY_eq decides for them. Keys without one (explicit curve parameters that
// match no named curve, RSA-PSS, algorithms TokenDesk only names) are compared
// by OpenSSL as before: sameKeyAs() then builds or uses the PublicKey.
//
// A key made from attributes accepts exactly what PublicKey::fromAttributes
// accepts (malformed RSA numbers, points off the curve, wrong EdDSA lengths give a
// null key), checked without building an EVP_PKEY for the common cases.
class ComparableKey {
public:
    ComparableKey() = default; // null: no key, or one that cannot be read
    static ComparableKey fromAttributes(const PublicKeyAttributes &attributes);
    // From a key OpenSSL has already decoded (a certificate's): its canonical form, if it has one.
    static ComparableKey fromPublicKey(const PublicKey &key);

    // What PublicKey says about a key (algorithm(), algorithmName(), bits(), curveName(), description()).
    struct Facts {
        PublicKey::Algorithm algorithm = PublicKey::Algorithm::None;
        QString algorithmName;
        int bits = 0;
        QString curveName;
        QString description;
    };
    // A certificate's key read from its SubjectPublicKeyInfo without OpenSSL's key
    // decoders, whose set-up in OpenSSL 3.0 costs more than all the rest of listing a
    // certificate. Only the common shapes are read here: RSA (NULL parameters, odd
    // modulus of 512 to 16,384 bits, odd exponent), EC on a named curve (not SM2,
    // which OpenSSL gives a key type of its own) with a compressed or uncompressed
    // point on the curve, and Ed25519, Ed448, X25519, X448 without parameters. For
    // those, the key and *facts equal what PublicKey::fromSubjectPublicKeyInfo gives
    // (test_object_decoding checks every curve OpenSSL knows). Anything else: nullopt,
    // and the caller lets OpenSSL decode it. spkiDer is the same key's DER, kept
    // for comparisons with keys that have no canonical form.
    static std::optional<ComparableKey> fromSubjectPublicKeyInfo(const X509_PUBKEY *spki, const QByteArray &spkiDer,
                                                                 Facts *facts);

    bool isNull() const { return m_canonical.isEmpty() && m_key.isNull(); }
    // Same answer as PublicKey::sameKeyAs on the keys these stand for.
    bool sameKeyAs(const ComparableKey &other) const;
    // Empty for keys only OpenSSL can compare (see above).
    const QByteArray &canonical() const { return m_canonical; }
    // For a hash index of keys with a canonical form.
    bool operator==(const ComparableKey &) const = delete;

private:
    PublicKey openSslKey() const;

    QByteArray m_canonical;
    PublicKey m_key; // set when made from a PublicKey, or when there is no canonical form
    // Made from attributes on the fast path: kept to build m_key's equivalent only
    // when compared with a key that has no canonical form.
    std::optional<PublicKeyAttributes> m_attributes;
};
