// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core: the one owner for OpenSSL objects. Every folder that calls OpenSSL
// (x509, keys, dkek, schsm) uses ossl::Owned<T>, so a type gets its free function once, and
// objects that may hold key material are always cleared before they are freed.

#include <openssl/asn1.h>
#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace ossl {

struct Free {
    // May hold private key parts, DKEK shares or primes of a secret sharing: cleared first.
    void operator()(BIGNUM *p) const noexcept { BN_clear_free(p); }
    void operator()(EC_POINT *p) const noexcept { EC_POINT_clear_free(p); }

    void operator()(BN_CTX *p) const noexcept { BN_CTX_free(p); }
    void operator()(EC_GROUP *p) const noexcept { EC_GROUP_free(p); }
    void operator()(ECDSA_SIG *p) const noexcept { ECDSA_SIG_free(p); }
    void operator()(EVP_PKEY *p) const noexcept { EVP_PKEY_free(p); }
    void operator()(EVP_PKEY_CTX *p) const noexcept { EVP_PKEY_CTX_free(p); }
    void operator()(EVP_MD_CTX *p) const noexcept { EVP_MD_CTX_free(p); }
    void operator()(EVP_CIPHER_CTX *p) const noexcept { EVP_CIPHER_CTX_free(p); }
    void operator()(EVP_MAC *p) const noexcept { EVP_MAC_free(p); }
    void operator()(EVP_MAC_CTX *p) const noexcept { EVP_MAC_CTX_free(p); }
    void operator()(OSSL_PARAM_BLD *p) const noexcept { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM *p) const noexcept { OSSL_PARAM_free(p); }
    void operator()(BIO *p) const noexcept { BIO_free_all(p); }

    void operator()(X509 *p) const noexcept { X509_free(p); }
    void operator()(X509_PUBKEY *p) const noexcept { X509_PUBKEY_free(p); }
    void operator()(X509_REQ *p) const noexcept { X509_REQ_free(p); }
    void operator()(X509_NAME *p) const noexcept { X509_NAME_free(p); }
    void operator()(X509_ALGOR *p) const noexcept { X509_ALGOR_free(p); }
    void operator()(X509_EXTENSION *p) const noexcept { X509_EXTENSION_free(p); }
    void operator()(STACK_OF(X509_EXTENSION) *p) const noexcept { sk_X509_EXTENSION_pop_free(p, X509_EXTENSION_free); }
    void operator()(STACK_OF(X509) *p) const noexcept { sk_X509_pop_free(p, X509_free); }
    void operator()(GENERAL_NAMES *p) const noexcept { GENERAL_NAMES_free(p); }
    void operator()(EXTENDED_KEY_USAGE *p) const noexcept { EXTENDED_KEY_USAGE_free(p); }
    void operator()(BASIC_CONSTRAINTS *p) const noexcept { BASIC_CONSTRAINTS_free(p); }
    void operator()(ASN1_OBJECT *p) const noexcept { ASN1_OBJECT_free(p); }
    void operator()(ASN1_STRING *p) const noexcept { ASN1_STRING_free(p); } // INTEGER, OCTET/BIT/PRINTABLE STRING…
    void operator()(ASN1_TYPE *p) const noexcept { ASN1_TYPE_free(p); }

    void operator()(PKCS7 *p) const noexcept { PKCS7_free(p); }
    void operator()(STACK_OF(PKCS7) *p) const noexcept { sk_PKCS7_pop_free(p, PKCS7_free); }
    void operator()(PKCS12 *p) const noexcept { PKCS12_free(p); }
    void operator()(STACK_OF(PKCS12_SAFEBAG) *p) const noexcept { sk_PKCS12_SAFEBAG_pop_free(p, PKCS12_SAFEBAG_free); }
    void operator()(PBEPARAM *p) const noexcept { PBEPARAM_free(p); }
    void operator()(PBE2PARAM *p) const noexcept { PBE2PARAM_free(p); }
    void operator()(PBKDF2PARAM *p) const noexcept { PBKDF2PARAM_free(p); }
    void operator()(SCRYPT_PARAMS *p) const noexcept { SCRYPT_PARAMS_free(p); }
};

template <typename T>
using Owned = std::unique_ptr<T, Free>;

} // namespace ossl
