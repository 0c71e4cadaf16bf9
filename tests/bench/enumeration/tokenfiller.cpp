// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenfiller.h"

#include "p11/attributes.h"
#include "p11/pkcs11error.h"
#include "x509/keyid.h"
#include "x509/publickey.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <memory>
#include <stdexcept>

namespace {
struct OsslFree {
    void operator()(EVP_PKEY *p) const noexcept { EVP_PKEY_free(p); }
    void operator()(X509 *p) const noexcept { X509_free(p); }
    void operator()(BIGNUM *p) const noexcept { BN_clear_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, OsslFree>;

const unsigned char kP256Params[] = {0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07};

void ensure(bool ok, const char *what)
{
    if (!ok)
        throw std::runtime_error(std::string("OpenSSL failed: ") + what);
}

Owned<EVP_PKEY> generate(bool rsa)
{
    EVP_PKEY *k = rsa ? EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t(2048))
                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
    ensure(k, "key generation");
    return Owned<EVP_PKEY>(k);
}

// A BIGNUM parameter as unsigned big-endian bytes; `width` pads (EC private scalars are fixed-size).
QByteArray bnParam(const EVP_PKEY *k, const char *name, int width = 0)
{
    BIGNUM *raw = nullptr;
    ensure(EVP_PKEY_get_bn_param(k, name, &raw), name);
    Owned<BIGNUM> bn(raw);
    const int n = std::max(width, BN_num_bytes(bn.get()));
    QByteArray out(n, '\0');
    ensure(BN_bn2binpad(bn.get(), reinterpret_cast<unsigned char *>(out.data()), n) == n, name);
    return out;
}

template <typename T, typename F>
QByteArray derOf(const T *obj, F i2d)
{
    unsigned char *p = nullptr;
    const int n = i2d(obj, &p);
    ensure(n > 0, "i2d");
    QByteArray out(reinterpret_cast<const char *>(p), n);
    OPENSSL_free(p);
    return out;
}

QByteArray certificate(EVP_PKEY *key, const QString &cn, long serial)
{
    Owned<X509> x(X509_new());
    ensure(x && X509_set_version(x.get(), X509_VERSION_3), "X509_new");
    ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial);
    X509_NAME *name = X509_get_subject_name(x.get());
    const QByteArray o = QByteArrayLiteral("TokenDesk benchmark");
    const QByteArray c = cn.toUtf8();
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(o.constData()), -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(c.constData()), -1, -1, 0);
    X509_set_issuer_name(x.get(), name);
    X509_gmtime_adj(X509_getm_notBefore(x.get()), 0);
    X509_time_adj_ex(X509_getm_notAfter(x.get()), 365, 0, nullptr);
    ensure(X509_set_pubkey(x.get(), key) && X509_sign(x.get(), key, EVP_sha256()) > 0, "X509_sign");
    return derOf(x.get(), i2d_X509);
}

struct CertAttrs {
    QByteArray value, subject, issuer, serial;
};

CertAttrs certAttrs(const QByteArray &value)
{
    const auto *p = reinterpret_cast<const unsigned char *>(value.constData());
    Owned<X509> x(d2i_X509(nullptr, &p, long(value.size())));
    ensure(bool(x), "d2i_X509");
    return CertAttrs{value, derOf(X509_get_subject_name(x.get()), i2d_X509_NAME),
                     derOf(X509_get_issuer_name(x.get()), i2d_X509_NAME),
                     derOf(X509_get0_serialNumber(x.get()), i2d_ASN1_INTEGER)};
}

CK_ATTRIBUTE bytesAttr(CK_ATTRIBUTE_TYPE t, const QByteArray &b) { return attr(t, b.constData(), CK_ULONG(b.size())); }
} // namespace

void TokenFiller::create(std::vector<CK_ATTRIBUTE> &tmpl)
{
    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    check(P11CALL(m_session.module(), C_CreateObject, m_session.handle(), tmpl.data(), CK_ULONG(tmpl.size()), &h),
          "C_CreateObject");
}

void TokenFiller::addUnit(int index)
{
    const bool rsa = index % 5 == 0;
    Owned<EVP_PKEY> key = generate(rsa);
    const QString name = QStringLiteral("bench %1 %2").arg(rsa ? QStringLiteral("RSA") : QStringLiteral("EC")).arg(index, 4, 10, QLatin1Char('0'));
    const QByteArray label = name.toUtf8();

    unsigned char *spkiRaw = nullptr;
    const int spkiLen = i2d_PUBKEY(key.get(), &spkiRaw);
    ensure(spkiLen > 0, "i2d_PUBKEY");
    const QByteArray spki(reinterpret_cast<const char *>(spkiRaw), spkiLen);
    OPENSSL_free(spkiRaw);
    const QByteArray id = defaultKeyId(PublicKey::fromSubjectPublicKeyInfo(spki));

    const CertAttrs cert = certAttrs(certificate(key.get(), name, 1000 + index));
    const CK_OBJECT_CLASS privClass = CKO_PRIVATE_KEY, pubClass = CKO_PUBLIC_KEY, certClass = CKO_CERTIFICATE;
    const CK_KEY_TYPE keyType = rsa ? CKK_RSA : CKK_EC;
    const CK_CERTIFICATE_TYPE x509 = CKC_X_509;

    std::vector<CK_ATTRIBUTE> priv{attrOf(CKA_CLASS, privClass), attrOf(CKA_KEY_TYPE, keyType),
                                   attrOf(CKA_TOKEN, kTrue),     attrOf(CKA_PRIVATE, kTrue),
                                   attrOf(CKA_SENSITIVE, kTrue), attrOf(CKA_SIGN, kTrue),
                                   bytesAttr(CKA_ID, id),        bytesAttr(CKA_LABEL, label),
                                   bytesAttr(CKA_SUBJECT, cert.subject)};
    std::vector<CK_ATTRIBUTE> pub{attrOf(CKA_CLASS, pubClass),  attrOf(CKA_KEY_TYPE, keyType),
                                  attrOf(CKA_TOKEN, kTrue),     attrOf(CKA_PRIVATE, kFalse),
                                  attrOf(CKA_VERIFY, kTrue),    bytesAttr(CKA_ID, id),
                                  bytesAttr(CKA_LABEL, label),  bytesAttr(CKA_SUBJECT, cert.subject)};
    // Kept alive until both C_CreateObject calls are done: the templates point into them.
    std::vector<QByteArray> values;
    values.reserve(8);
    if (rsa) {
        const char *names[] = {OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,         OSSL_PKEY_PARAM_RSA_D,
                               OSSL_PKEY_PARAM_RSA_FACTOR1,   OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
                               OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
        const CK_ATTRIBUTE_TYPE types[] = {CKA_MODULUS, CKA_PUBLIC_EXPONENT, CKA_PRIVATE_EXPONENT, CKA_PRIME_1,
                                           CKA_PRIME_2, CKA_EXPONENT_1,      CKA_EXPONENT_2,       CKA_COEFFICIENT};
        for (std::size_t i = 0; i < std::size(names); ++i) {
            values.push_back(bnParam(key.get(), names[i]));
            priv.push_back(bytesAttr(types[i], values.back()));
        }
        pub.push_back(bytesAttr(CKA_MODULUS, values[0]));
        pub.push_back(bytesAttr(CKA_PUBLIC_EXPONENT, values[1]));
        priv.push_back(attrOf(CKA_DECRYPT, kTrue));
        pub.push_back(attrOf(CKA_ENCRYPT, kTrue));
    } else {
        values.push_back(bnParam(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, 32));
        unsigned char point[133];
        std::size_t len = 0;
        ensure(EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &len), "EC point");
        // CKA_EC_POINT is the DER OCTET STRING around the point (PKCS#11 2.40 §2.3.3).
        QByteArray wrapped;
        wrapped.append(char(0x04)).append(char(len)).append(reinterpret_cast<const char *>(point), qsizetype(len));
        values.push_back(wrapped);
        const QByteArray params(reinterpret_cast<const char *>(kP256Params), sizeof kP256Params);
        values.push_back(params);
        priv.push_back(bytesAttr(CKA_EC_PARAMS, values[2]));
        priv.push_back(bytesAttr(CKA_VALUE, values[0]));
        priv.push_back(attrOf(CKA_DERIVE, kTrue));
        pub.push_back(bytesAttr(CKA_EC_PARAMS, values[2]));
        pub.push_back(bytesAttr(CKA_EC_POINT, values[1]));
    }
    create(priv);
    create(pub);

    std::vector<CK_ATTRIBUTE> c{attrOf(CKA_CLASS, certClass),   attrOf(CKA_CERTIFICATE_TYPE, x509),
                                attrOf(CKA_TOKEN, kTrue),       attrOf(CKA_PRIVATE, kFalse),
                                bytesAttr(CKA_ID, id),          bytesAttr(CKA_LABEL, label),
                                bytesAttr(CKA_VALUE, cert.value), bytesAttr(CKA_SUBJECT, cert.subject),
                                bytesAttr(CKA_ISSUER, cert.issuer), bytesAttr(CKA_SERIAL_NUMBER, cert.serial)};
    create(c);

    // A certificate whose key is elsewhere (a CA in the chain): same ID scheme, no key object.
    Owned<EVP_PKEY> caKey = generate(false);
    const QString caName = QStringLiteral("bench CA %1").arg(index, 4, 10, QLatin1Char('0'));
    const QByteArray caLabel = caName.toUtf8();
    unsigned char *caSpkiRaw = nullptr;
    const int caSpkiLen = i2d_PUBKEY(caKey.get(), &caSpkiRaw);
    ensure(caSpkiLen > 0, "i2d_PUBKEY");
    const QByteArray caSpki(reinterpret_cast<const char *>(caSpkiRaw), caSpkiLen);
    OPENSSL_free(caSpkiRaw);
    const QByteArray caId = defaultKeyId(PublicKey::fromSubjectPublicKeyInfo(caSpki));
    const CertAttrs ca = certAttrs(certificate(caKey.get(), caName, 100000 + index));
    std::vector<CK_ATTRIBUTE> cc{attrOf(CKA_CLASS, certClass),  attrOf(CKA_CERTIFICATE_TYPE, x509),
                                 attrOf(CKA_TOKEN, kTrue),      attrOf(CKA_PRIVATE, kFalse),
                                 bytesAttr(CKA_ID, caId),       bytesAttr(CKA_LABEL, caLabel),
                                 bytesAttr(CKA_VALUE, ca.value), bytesAttr(CKA_SUBJECT, ca.subject),
                                 bytesAttr(CKA_ISSUER, ca.issuer), bytesAttr(CKA_SERIAL_NUMBER, ca.serial)};
    create(cc);
}

int TokenFiller::fillTo(int objects, int alreadyThere)
{
    int total = alreadyThere;
    for (int unit = alreadyThere / 4; total < objects; ++unit) {
        addUnit(unit);
        total += 4;
    }
    return total;
}
