// SPDX-License-Identifier: GPL-3.0-or-later
#include "listingfiller.h"

#include "p11/attributes.h"
#include "p11/pkcs11error.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <stdexcept>
#include <vector>

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

CK_ATTRIBUTE bytesAttr(CK_ATTRIBUTE_TYPE t, const QByteArray &b) { return attr(t, b.constData(), CK_ULONG(b.size())); }

struct Certificate {
    QByteArray value, subject, issuer, serial;
};
} // namespace

struct ListingFiller::State {
    Owned<EVP_PKEY> caKey = generate(false);
    std::vector<Owned<EVP_PKEY>> rsaPool;
    long serial = 1;
    int index = 0;

    Certificate issue(EVP_PKEY *subjectKey, const QString &cn)
    {
        Owned<X509> x(X509_new());
        ensure(x && X509_set_version(x.get(), X509_VERSION_3), "X509_new");
        ASN1_INTEGER_set(X509_get_serialNumber(x.get()), serial++);
        const QByteArray o = QByteArrayLiteral("TokenDesk listing benchmark");
        const QByteArray c = cn.toUtf8();
        X509_NAME *subject = X509_get_subject_name(x.get());
        X509_NAME_add_entry_by_txt(subject, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(o.constData()), -1, -1, 0);
        X509_NAME_add_entry_by_txt(subject, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(c.constData()), -1, -1, 0);
        X509_NAME *issuer = X509_get_issuer_name(x.get());
        const QByteArray ca = QByteArrayLiteral("Benchmark CA");
        X509_NAME_add_entry_by_txt(issuer, "O", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(o.constData()), -1, -1, 0);
        X509_NAME_add_entry_by_txt(issuer, "CN", MBSTRING_UTF8, reinterpret_cast<const unsigned char *>(ca.constData()), -1, -1, 0);
        X509_gmtime_adj(X509_getm_notBefore(x.get()), 0);
        X509_time_adj_ex(X509_getm_notAfter(x.get()), 365, 0, nullptr);
        ensure(X509_set_pubkey(x.get(), subjectKey) && X509_sign(x.get(), caKey.get(), EVP_sha256()) > 0, "X509_sign");
        return Certificate{derOf(x.get(), i2d_X509), derOf(X509_get_subject_name(x.get()), i2d_X509_NAME),
                           derOf(X509_get_issuer_name(x.get()), i2d_X509_NAME),
                           derOf(X509_get0_serialNumber(x.get()), i2d_ASN1_INTEGER)};
    }
};

ListingFiller::ListingFiller(Session &session) : m_state(std::make_unique<State>()), m_session(session)
{
    for (int i = 0; i < 4; ++i)
        m_state->rsaPool.push_back(generate(true));
}

ListingFiller::~ListingFiller() = default;

namespace {
void create(Session &s, std::vector<CK_ATTRIBUTE> &tmpl)
{
    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    check(P11CALL(s.module(), C_CreateObject, s.handle(), tmpl.data(), CK_ULONG(tmpl.size()), &h), "C_CreateObject");
}

void storeCertificate(Session &s, const Certificate &c, const QByteArray &id, const QByteArray &label)
{
    const CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
    const CK_CERTIFICATE_TYPE x509 = CKC_X_509;
    std::vector<CK_ATTRIBUTE> t{attrOf(CKA_CLASS, cls),         attrOf(CKA_CERTIFICATE_TYPE, x509),
                                attrOf(CKA_TOKEN, kTrue),       attrOf(CKA_PRIVATE, kFalse),
                                bytesAttr(CKA_ID, id),          bytesAttr(CKA_LABEL, label),
                                bytesAttr(CKA_VALUE, c.value),  bytesAttr(CKA_SUBJECT, c.subject),
                                bytesAttr(CKA_ISSUER, c.issuer), bytesAttr(CKA_SERIAL_NUMBER, c.serial)};
    create(s, t);
}

QByteArray idOf(int index) { return QByteArray::number(index, 16).rightJustified(8, '0'); }
} // namespace

void ListingFiller::addCertificates(int count)
{
    for (int i = 0; i < count; ++i) {
        const int n = m_state->index++;
        const bool rsa = n % 10 == 0;
        Owned<EVP_PKEY> ec = rsa ? nullptr : generate(false);
        EVP_PKEY *key = rsa ? m_state->rsaPool[std::size_t(n / 10) % m_state->rsaPool.size()].get() : ec.get();
        const QString name = QStringLiteral("listing cert %1").arg(n, 5, 10, QLatin1Char('0'));
        storeCertificate(m_session, m_state->issue(key, name), idOf(n), name.toUtf8());
    }
}

void ListingFiller::addKeyPairs(int count)
{
    for (int i = 0; i < count; ++i) {
        const int n = m_state->index++;
        const bool rsa = n % 10 == 0;
        Owned<EVP_PKEY> key = generate(rsa);
        const QString name = QStringLiteral("listing pair %1").arg(n, 5, 10, QLatin1Char('0'));
        const QByteArray label = name.toUtf8();
        const QByteArray id = idOf(n);
        const Certificate cert = m_state->issue(key.get(), name);

        const CK_OBJECT_CLASS privClass = CKO_PRIVATE_KEY, pubClass = CKO_PUBLIC_KEY;
        const CK_KEY_TYPE keyType = rsa ? CKK_RSA : CKK_EC;
        std::vector<CK_ATTRIBUTE> priv{attrOf(CKA_CLASS, privClass), attrOf(CKA_KEY_TYPE, keyType),
                                       attrOf(CKA_TOKEN, kTrue),     attrOf(CKA_PRIVATE, kFalse),
                                       attrOf(CKA_SENSITIVE, kTrue), attrOf(CKA_SIGN, kTrue),
                                       bytesAttr(CKA_ID, id),        bytesAttr(CKA_LABEL, label),
                                       bytesAttr(CKA_SUBJECT, cert.subject)};
        std::vector<CK_ATTRIBUTE> pub{attrOf(CKA_CLASS, pubClass), attrOf(CKA_KEY_TYPE, keyType),
                                      attrOf(CKA_TOKEN, kTrue),    attrOf(CKA_PRIVATE, kFalse),
                                      attrOf(CKA_VERIFY, kTrue),   bytesAttr(CKA_ID, id),
                                      bytesAttr(CKA_LABEL, label), bytesAttr(CKA_SUBJECT, cert.subject)};
        std::vector<QByteArray> values; // the templates point into these until both objects exist
        values.reserve(8);
        if (rsa) {
            const char *names[] = {OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,         OSSL_PKEY_PARAM_RSA_D,
                                   OSSL_PKEY_PARAM_RSA_FACTOR1,   OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
                                   OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
            const CK_ATTRIBUTE_TYPE types[] = {CKA_MODULUS, CKA_PUBLIC_EXPONENT, CKA_PRIVATE_EXPONENT, CKA_PRIME_1,
                                               CKA_PRIME_2, CKA_EXPONENT_1,      CKA_EXPONENT_2,       CKA_COEFFICIENT};
            for (std::size_t k = 0; k < std::size(names); ++k) {
                values.push_back(bnParam(key.get(), names[k]));
                priv.push_back(bytesAttr(types[k], values.back()));
            }
            pub.push_back(bytesAttr(CKA_MODULUS, values[0]));
            pub.push_back(bytesAttr(CKA_PUBLIC_EXPONENT, values[1]));
        } else {
            values.push_back(bnParam(key.get(), OSSL_PKEY_PARAM_PRIV_KEY, 32));
            unsigned char point[133];
            std::size_t len = 0;
            ensure(EVP_PKEY_get_octet_string_param(key.get(), OSSL_PKEY_PARAM_PUB_KEY, point, sizeof point, &len), "EC point");
            QByteArray wrapped; // CKA_EC_POINT: the DER OCTET STRING around the point
            wrapped.append(char(0x04)).append(char(len)).append(reinterpret_cast<const char *>(point), qsizetype(len));
            values.push_back(wrapped);
            values.push_back(QByteArray(reinterpret_cast<const char *>(kP256Params), sizeof kP256Params));
            priv.push_back(bytesAttr(CKA_EC_PARAMS, values[2]));
            priv.push_back(bytesAttr(CKA_VALUE, values[0]));
            pub.push_back(bytesAttr(CKA_EC_PARAMS, values[2]));
            pub.push_back(bytesAttr(CKA_EC_POINT, values[1]));
        }
        create(m_session, priv);
        create(m_session, pub);
        storeCertificate(m_session, cert, id, label);
    }
}
