// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core/keys: owners for the OpenSSL objects used here (core/x509
// keeps its own helpers private to that folder) and the error handling every
// OpenSSL step shares.

#include <QByteArray>
#include <QString>

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace keysdetail {

struct OsslFree {
    void operator()(X509 *p) const noexcept { X509_free(p); }
    void operator()(X509_REQ *p) const noexcept { X509_REQ_free(p); }
    void operator()(X509_NAME *p) const noexcept { X509_NAME_free(p); }
    void operator()(X509_ALGOR *p) const noexcept { X509_ALGOR_free(p); }
    void operator()(X509_EXTENSION *p) const noexcept { X509_EXTENSION_free(p); }
    void operator()(STACK_OF(X509_EXTENSION) *p) const noexcept { sk_X509_EXTENSION_pop_free(p, X509_EXTENSION_free); }
    void operator()(STACK_OF(X509) *p) const noexcept { sk_X509_pop_free(p, X509_free); }
    void operator()(GENERAL_NAMES *p) const noexcept { GENERAL_NAMES_free(p); }
    void operator()(EVP_PKEY *p) const noexcept { EVP_PKEY_free(p); }
    void operator()(EVP_MD_CTX *p) const noexcept { EVP_MD_CTX_free(p); }
    void operator()(BIO *p) const noexcept { BIO_free_all(p); }
    void operator()(BIGNUM *p) const noexcept { BN_clear_free(p); } // may hold private key parts
    void operator()(ECDSA_SIG *p) const noexcept { ECDSA_SIG_free(p); }
    void operator()(ASN1_STRING *p) const noexcept { ASN1_STRING_free(p); } // INTEGER, OCTET STRING, BIT STRING…
    void operator()(PKCS12 *p) const noexcept { PKCS12_free(p); }
    void operator()(STACK_OF(PKCS7) *p) const noexcept { sk_PKCS7_pop_free(p, PKCS7_free); }
    void operator()(STACK_OF(PKCS12_SAFEBAG) *p) const noexcept { sk_PKCS12_SAFEBAG_pop_free(p, PKCS12_SAFEBAG_free); }
    void operator()(PBEPARAM *p) const noexcept { PBEPARAM_free(p); }
    void operator()(PBE2PARAM *p) const noexcept { PBE2PARAM_free(p); }
    void operator()(PBKDF2PARAM *p) const noexcept { PBKDF2PARAM_free(p); }
    void operator()(SCRYPT_PARAMS *p) const noexcept { SCRYPT_PARAMS_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, OsslFree>;

inline const unsigned char *bytes(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }

// Throws TokenDeskError naming the step, after draining OpenSSL's thread-local
// error queue (executors are reused: no stale error may leak into the next job).
[[noreturn]] void opensslFailed(const char *step);
inline void ensure(long ok, const char *step)
{
    if (ok <= 0)
        opensslFailed(step);
}
void clearErrors();

template <typename T, typename F>
QByteArray toDer(const T *obj, F i2d)
{
    unsigned char *out = nullptr;
    const int n = i2d(const_cast<T *>(obj), &out); // several i2d_ take non-const in 3.0
    if (n <= 0)
        opensslFailed("DER encoding");
    QByteArray result(reinterpret_cast<const char *>(out), n);
    OPENSSL_free(out);
    return result;
}

// PEM armour ("-----BEGIN <type>-----", base64 in 64-character lines).
QByteArray pem(const QByteArray &der, const char *type);

} // namespace keysdetail
