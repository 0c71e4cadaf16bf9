// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core/x509: ownership wrappers for OpenSSL objects and the few
// conversions every file here needs. Not installed, not for ui/.

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include "ossl/owned_p.h"

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace x509detail {

template <typename T>
using OsslPtr = ossl::Owned<T>;

inline const unsigned char *bytes(const QByteArray &b)
{
    return reinterpret_cast<const unsigned char *>(b.constData());
}
inline QByteArray toByteArray(const unsigned char *p, qsizetype n)
{
    return n > 0 && p ? QByteArray(reinterpret_cast<const char *>(p), n) : QByteArray();
}

// i2d_* into a QByteArray; empty on failure.
template <typename T, typename F>
QByteArray der(const T *obj, F i2d)
{
    unsigned char *out = nullptr;
    const int n = i2d(const_cast<T *>(obj), &out); // several i2d_ take non-const in 3.0
    QByteArray result = n > 0 ? toByteArray(out, n) : QByteArray();
    OPENSSL_free(out);
    return result;
}

QString colonHex(const QByteArray &b);          // "0A:1B:…", upper case (as openssl -fingerprint)
QString bioText(BIO *bio);                      // contents of a memory BIO as UTF-8
QString asn1StringToQString(const ASN1_STRING *s);
QString oidText(const ASN1_OBJECT *obj);        // always dotted: "1.2.840.10045.3.1.7"
// Drains OpenSSL's thread-local error queue into one line, for X509Error::detail()
// and logs. Every failure path calls it so a stale error cannot leak into the next call.
QString takeOpensslErrors();

// Display name of a named curve: "P-256 (prime256v1)" where NIST has a name,
// otherwise OpenSSL's short name ("secp256k1", "brainpoolP256r1").
QString curveDisplayName(int nid);

} // namespace x509detail

namespace x509detail {

// d2i_X509 that tolerates trailing bytes (see the quirk note in opensslutil.cpp);
// *consumed receives the certificate's own length. Throws X509Error(InvalidCertificate).
OsslPtr<X509> parseCertificate(const QByteArray &der, qsizetype *consumed = nullptr);

// Translation context shared by every user-facing sentence of core/x509.
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(X509)
};

} // namespace x509detail
