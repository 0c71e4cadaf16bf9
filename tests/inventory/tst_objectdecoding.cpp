// SPDX-License-Identifier: GPL-3.0-or-later
// The inventory's fast path (each value decoded once, keys compared by their
// canonical bytes, issue 11) against the way it was done before: every
// certificate fact, every key's presence, every key comparison and every pairing
// result must be the same, for every object of a SoftHSM token full of odd ones.
// And, counted rather than timed, a refresh of an unchanged token decodes no
// certificate again and reads no mechanism list (the recording module counts calls).
#include "recorder.h"
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "inventory/objectfacts.h"
#include "inventory/pairing.h"
#include "inventory/scanner.h"
#include "p11/ckrname.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "x509/certificatedecoder.h"
#include "x509/x509error.h"

#include <QTest>

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <dlfcn.h>

#include <algorithm>
#include <map>
#include <memory>

namespace {
const QString kRecordModule = ModuleRegistry::canonicalPath(QStringLiteral(TOKENDESK_RECORD_MODULE));

struct OsslFree {
    void operator()(EVP_PKEY *p) const noexcept { EVP_PKEY_free(p); }
    void operator()(X509 *p) const noexcept { X509_free(p); }
    void operator()(BIGNUM *p) const noexcept { BN_free(p); }
    void operator()(EC_GROUP *p) const noexcept { EC_GROUP_free(p); }
    void operator()(OSSL_PARAM_BLD *p) const noexcept { OSSL_PARAM_BLD_free(p); }
    void operator()(OSSL_PARAM *p) const noexcept { OSSL_PARAM_free(p); }
    void operator()(EVP_PKEY_CTX *p) const noexcept { EVP_PKEY_CTX_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, OsslFree>;

template <typename T, typename F>
QByteArray derOf(T *obj, F i2d)
{
    unsigned char *p = nullptr;
    const int n = i2d(obj, &p);
    QByteArray out = n > 0 ? QByteArray(reinterpret_cast<const char *>(p), n) : QByteArray();
    OPENSSL_free(p);
    return out;
}

QByteArray bn(const EVP_PKEY *k, const char *name)
{
    BIGNUM *raw = nullptr;
    if (!EVP_PKEY_get_bn_param(k, name, &raw))
        return {};
    Owned<BIGNUM> b(raw);
    QByteArray out(BN_num_bytes(b.get()), '\0');
    BN_bn2bin(b.get(), reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray octets(const EVP_PKEY *k, const char *name)
{
    unsigned char buf[200];
    std::size_t len = 0;
    return EVP_PKEY_get_octet_string_param(k, name, buf, sizeof buf, &len)
        ? QByteArray(reinterpret_cast<const char *>(buf), qsizetype(len)) : QByteArray();
}

QByteArray octetString(const QByteArray &content) // DER OCTET STRING, content < 128 bytes
{
    return QByteArray(1, '\x04') + char(content.size()) + content;
}

QByteArray curveOid(int nid) { return derOf(OBJ_nid2obj(nid), i2d_ASN1_OBJECT); }

Owned<EVP_PKEY> rsaFromNumbers(const BIGNUM *n, const BIGNUM *e)
{
    Owned<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n);
    OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e);
    Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld.get()));
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA", nullptr));
    EVP_PKEY *k = nullptr;
    if (EVP_PKEY_fromdata_init(ctx.get()) <= 0 || EVP_PKEY_fromdata(ctx.get(), &k, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0)
        return nullptr;
    return Owned<EVP_PKEY>(k);
}

// Old pairing (before issue 11), kept verbatim but for names: every key an
// OpenSSL EVP_PKEY (ObjectFacts::publicKey), every comparison EVP_PKEY_eq.
std::vector<PairInfo> referencePairing(const TokenContents &c)
{
    struct Entry {
        const ObjectInfo *object;
        PublicKey key;
    };
    auto keyOf = [](const ObjectInfo &o) { return ObjectFacts::publicKey(o); };
    std::vector<Entry> keys, certs;
    std::map<QByteArray, std::vector<PublicKey>> publicById;
    for (const ObjectInfo &o : c.objects) {
        if (o.cls == CKO_PUBLIC_KEY && !o.id.isEmpty()) {
            PublicKey k = keyOf(o);
            if (!k.isNull())
                publicById[o.id].push_back(k);
        }
    }
    for (const ObjectInfo &o : c.objects) {
        if (o.cls == CKO_PRIVATE_KEY) {
            PublicKey k = keyOf(o);
            if (k.isNull())
                if (auto it = publicById.find(o.id); it != publicById.end() && it->second.size() == 1)
                    k = it->second.front();
            keys.push_back({&o, k});
        } else if (o.cls == CKO_CERTIFICATE) {
            certs.push_back({&o, keyOf(o)});
        }
    }
    for (const ObjectInfo &o : c.objects)
        if (o.cls == CKO_PUBLIC_KEY)
            keys.push_back({&o, keyOf(o)});
    auto info = [](PairState s, const Entry &partner) {
        PairInfo p;
        p.state = s;
        p.partnerKey = partner.object->key();
        p.partnerHandle = partner.object->handle;
        p.partnerId = partner.object->id;
        p.partnerLabel = partner.object->labelText();
        return p;
    };
    auto same = [](const Entry &a, const Entry &b) { return !a.key.isNull() && !b.key.isNull() && a.key.sameKeyAs(b.key); };
    auto comparable = [](const Entry &a, const Entry &b) { return !a.key.isNull() && !b.key.isNull(); };
    std::vector<PairInfo> out(c.objects.size());
    auto slot = [&](const ObjectInfo *o) -> PairInfo & { return out[std::size_t(o - c.objects.data())]; };
    auto pairSide = [&](const std::vector<Entry> &mine, const std::vector<Entry> &theirs) {
        for (const Entry &m : mine) {
            PairInfo result;
            result.state = PairState::Unpaired;
            const Entry *byId = nullptr;
            for (const Entry &t : theirs)
                if (!m.object->id.isEmpty() && t.object->id == m.object->id && (!byId || (!same(m, *byId) && same(m, t))))
                    byId = &t;
            if (byId) {
                if (!comparable(m, *byId))
                    result = info(PairState::PairedById, *byId);
                else if (same(m, *byId))
                    result = info(PairState::Paired, *byId);
                else
                    result = info(PairState::WrongPartner, *byId);
            }
            if (result.state != PairState::Paired && result.state != PairState::PairedById) {
                for (const Entry &t : theirs) {
                    if (t.object->id != m.object->id && same(m, t)) {
                        result = info(PairState::IdMismatch, t);
                        break;
                    }
                }
            }
            slot(m.object) = result;
        }
    };
    pairSide(keys, certs);
    pairSide(certs, keys);
    return out;
}

// Every field of CertificateInfo, so a fast-path fact that differs in any of them fails.
QStringList differences(const CertificateInfo &a, const CertificateInfo &b)
{
    QStringList d;
#define SAME(f) if (!(a.f == b.f)) d << QStringLiteral(#f)
    SAME(der); SAME(trailingBytes); SAME(subject); SAME(issuer); SAME(subjectOneLine); SAME(issuerOneLine);
    SAME(subjectDer); SAME(issuerDer); SAME(commonName); SAME(version); SAME(serialHex); SAME(serial); SAME(serialDer);
    SAME(notBefore); SAME(notAfter); SAME(signatureAlgorithm); SAME(hasKeyUsage); SAME(keyUsageBits); SAME(keyUsage);
    SAME(extendedKeyUsage); SAME(subjectAltNames); SAME(hasBasicConstraints); SAME(isCa); SAME(pathLength);
    SAME(subjectKeyIdentifier); SAME(authorityKeyIdentifier); SAME(sha1Fingerprint); SAME(sha256Fingerprint);
    SAME(selfIssued); SAME(selfSigned); SAME(publicKeyAlgorithm); SAME(publicKeyBits); SAME(curveName);
    SAME(publicKeyDescription); SAME(subjectPublicKeyInfo);
#undef SAME
    return d;
}
} // namespace

class TestObjectDecoding : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    void *m_library = nullptr;
    Recorder *m_rec = nullptr;
    Owned<EVP_PKEY> m_ca;
    std::unique_ptr<ModuleRegistry> m_registry;
    std::unique_ptr<Inventory> m_inventory;
    std::shared_ptr<Module> m_writer; // SoftHSM loaded through the recorder, for writing the objects
    std::optional<Session> m_session;
    long m_serial = 1;
    // Certificate label → the pairing state each certificate of that label was built to show
    // (nullopt: left to the reference path alone).
    std::multimap<QString, std::optional<PairState>> m_expectedCert;

    QByteArray issue(EVP_PKEY *subjectKey, const QString &cn, bool compressed = false)
    {
        Owned<X509> x(X509_new());
        X509_set_version(x.get(), X509_VERSION_3);
        ASN1_INTEGER_set(X509_get_serialNumber(x.get()), m_serial++);
        const QByteArray c = cn.toUtf8();
        X509_NAME_add_entry_by_txt(X509_get_subject_name(x.get()), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>(c.constData()), -1, -1, 0);
        X509_NAME_add_entry_by_txt(X509_get_issuer_name(x.get()), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("Odd CA"), -1, -1, 0);
        X509_gmtime_adj(X509_getm_notBefore(x.get()), 0);
        X509_time_adj_ex(X509_getm_notAfter(x.get()), 30, 0, nullptr);
        Owned<EVP_PKEY> key(EVP_PKEY_dup(subjectKey));
        if (compressed)
            EVP_PKEY_set_utf8_string_param(key.get(), OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "compressed");
        if (!X509_set_pubkey(x.get(), key.get()) || X509_sign(x.get(), m_ca.get(), EVP_sha256()) <= 0)
            qFatal("could not issue %s", qPrintable(cn));
        return derOf(x.get(), i2d_X509);
    }

    void create(std::vector<CK_ATTRIBUTE> t, const char *what)
    {
        CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
        const CK_RV rv = P11CALL(*m_writer, C_CreateObject, m_session->handle(), t.data(), CK_ULONG(t.size()), &h);
        if (rv != CKR_OK)
            qFatal("C_CreateObject %s: %s", what, ckrName(rv));
    }
    static CK_ATTRIBUTE bytesAttr(CK_ATTRIBUTE_TYPE t, const QByteArray &b) { return attr(t, b.constData(), CK_ULONG(b.size())); }

    void certificate(const QByteArray &id, const QString &label, const QByteArray &value,
                     std::optional<PairState> expected)
    {
        const CK_OBJECT_CLASS cls = CKO_CERTIFICATE;
        const CK_CERTIFICATE_TYPE x509 = CKC_X_509;
        const QByteArray l = label.toUtf8();
        const QByteArray subject("\x30\x00", 2); // SoftHSM wants CKA_SUBJECT; nothing here reads it
        create({attrOf(CKA_CLASS, cls), attrOf(CKA_CERTIFICATE_TYPE, x509), attrOf(CKA_TOKEN, kTrue),
                attrOf(CKA_PRIVATE, kFalse), bytesAttr(CKA_ID, id), bytesAttr(CKA_LABEL, l), bytesAttr(CKA_VALUE, value),
                bytesAttr(CKA_SUBJECT, subject)},
               "certificate");
        m_expectedCert.emplace(label, expected);
    }
    // A public-key object; extra: the key attributes (modulus… or params and point).
    void publicKey(const QByteArray &id, const QString &label, CK_KEY_TYPE type, const std::vector<CK_ATTRIBUTE> &extra)
    {
        const CK_OBJECT_CLASS cls = CKO_PUBLIC_KEY;
        const QByteArray l = label.toUtf8();
        std::vector<CK_ATTRIBUTE> t{attrOf(CKA_CLASS, cls), attrOf(CKA_KEY_TYPE, type), attrOf(CKA_TOKEN, kTrue),
                                    attrOf(CKA_PRIVATE, kFalse), bytesAttr(CKA_ID, id), bytesAttr(CKA_LABEL, l)};
        t.insert(t.end(), extra.begin(), extra.end());
        create(t, "public key");
    }
    void privateKey(const QByteArray &id, const QString &label, CK_KEY_TYPE type, const std::vector<CK_ATTRIBUTE> &extra)
    {
        const CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
        const QByteArray l = label.toUtf8();
        std::vector<CK_ATTRIBUTE> t{attrOf(CKA_CLASS, cls), attrOf(CKA_KEY_TYPE, type), attrOf(CKA_TOKEN, kTrue),
                                    attrOf(CKA_PRIVATE, kFalse), attrOf(CKA_SENSITIVE, kFalse), bytesAttr(CKA_ID, id),
                                    bytesAttr(CKA_LABEL, l)};
        t.insert(t.end(), extra.begin(), extra.end());
        create(t, "private key");
    }
    void ecPublicKey(const QByteArray &id, const QString &label, const QByteArray &params, const QByteArray &point,
                     CK_KEY_TYPE type = CKK_EC)
    {
        publicKey(id, label, type, {bytesAttr(CKA_EC_PARAMS, params), bytesAttr(CKA_EC_POINT, point)});
    }

    TokenRef tokenRef(const QString &label)
    {
        const ModuleSnapshot snap = m_inventory->scan(ModuleSpec{kRecordModule, QStringLiteral("rec"), false}).result();
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->label == label)
                return TokenRef{snap.path, s.id, s.token->id};
        qFatal("token %s not found", qPrintable(label));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Odd"));
        qputenv("TOKENDESK_RECORD_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        m_library = dlopen(QFile::encodeName(kRecordModule).constData(), RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(m_library, dlerror());
        auto access = reinterpret_cast<RecorderAccess>(dlsym(m_library, "recp11_recorder"));
        QVERIFY(access);
        m_rec = access();
        m_registry = std::make_unique<ModuleRegistry>();
        m_inventory = std::make_unique<Inventory>(*m_registry);
        m_ca.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        QVERIFY(m_ca);
    }

    void cleanupTestCase()
    {
        m_session.reset();
        m_writer.reset();
        m_inventory.reset();
        m_registry.reset();
    }

    // Writes the odd objects with C_CreateObject, through a module instance of this test.
    void fillToken()
    {
        const TokenRef odd = tokenRef(QStringLiteral("Odd"));
        m_writer = m_registry->load(kRecordModule);
        m_session.emplace(m_writer, odd.slot, true);
        m_session->login(CKU_USER, SecureBytes::fromUtf8("1234"));

        // RSA-2048, private + public + certificate under one ID.
        Owned<EVP_PKEY> rsa(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", std::size_t(2048)));
        const QByteArray n = bn(rsa.get(), OSSL_PKEY_PARAM_RSA_N), e = bn(rsa.get(), OSSL_PKEY_PARAM_RSA_E);
        const QByteArray d = bn(rsa.get(), OSSL_PKEY_PARAM_RSA_D);
        privateKey("\x01", QStringLiteral("rsa"), CKK_RSA,
                   {bytesAttr(CKA_MODULUS, QByteArray(1, '\0') + n), // a leading zero, as some tokens store it
                    bytesAttr(CKA_PUBLIC_EXPONENT, e), bytesAttr(CKA_PRIVATE_EXPONENT, d)});
        publicKey("\x01", QStringLiteral("rsa"), CKK_RSA, {bytesAttr(CKA_MODULUS, n), bytesAttr(CKA_PUBLIC_EXPONENT, e)});
        const QByteArray rsaCert = issue(rsa.get(), QStringLiteral("rsa"));
        certificate("\x01", QStringLiteral("rsa"), rsaCert, PairState::Paired);
        // The same certificate padded with 17 bytes, under an ID no key has: the key still matches.
        certificate("\x07", QStringLiteral("padded"), rsaCert + QByteArray(17, '\xFF'), PairState::IdMismatch);

        // EC P-256: the private key has no point, its public-key object stands in.
        Owned<EVP_PKEY> p256(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        const QByteArray p256Point = octets(p256.get(), OSSL_PKEY_PARAM_PUB_KEY);
        privateKey("\x02", QStringLiteral("p256"), CKK_EC,
                   {bytesAttr(CKA_EC_PARAMS, curveOid(NID_X9_62_prime256v1)),
                    bytesAttr(CKA_VALUE, bn(p256.get(), OSSL_PKEY_PARAM_PRIV_KEY))});
        ecPublicKey("\x02", QStringLiteral("p256"), curveOid(NID_X9_62_prime256v1), octetString(p256Point));
        certificate("\x02", QStringLiteral("p256"), issue(p256.get(), QStringLiteral("p256")), PairState::Paired);

        // secp256k1, the certificate's point compressed, the key's not.
        Owned<EVP_PKEY> k1(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "secp256k1"));
        ecPublicKey("\x03", QStringLiteral("k1"), curveOid(NID_secp256k1), octetString(octets(k1.get(), OSSL_PKEY_PARAM_PUB_KEY)));
        certificate("\x03", QStringLiteral("k1"), issue(k1.get(), QStringLiteral("k1"), true), PairState::Paired);

        // brainpoolP384r1.
        Owned<EVP_PKEY> bp(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "brainpoolP384r1"));
        ecPublicKey("\x04", QStringLiteral("bp"), curveOid(NID_brainpoolP384r1), octetString(octets(bp.get(), OSSL_PKEY_PARAM_PUB_KEY)));
        certificate("\x04", QStringLiteral("bp"), issue(bp.get(), QStringLiteral("bp")), PairState::Paired);

        // Ed25519 (CKK_EC_EDWARDS, CKA_EC_PARAMS the curve OID).
        Owned<EVP_PKEY> ed(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
        ecPublicKey("\x05", QStringLiteral("ed"), curveOid(NID_ED25519), octetString(octets(ed.get(), OSSL_PKEY_PARAM_PUB_KEY)),
                    CKK_EC_EDWARDS);
        certificate("\x05", QStringLiteral("ed"), issue(ed.get(), QStringLiteral("ed")), PairState::Paired);

        // RSA-8192: an odd 8,192-bit modulus (the certificate and the key object only
        // carry the public half, so it need not be a product of two primes).
        Owned<BIGNUM> bigN(BN_new()), bigE(BN_new());
        BN_rand(bigN.get(), 8192, BN_RAND_TOP_ONE, BN_RAND_BOTTOM_ODD);
        BN_set_word(bigE.get(), 65537);
        Owned<EVP_PKEY> rsa8k = rsaFromNumbers(bigN.get(), bigE.get());
        QVERIFY(rsa8k);
        publicKey("\x06", QStringLiteral("rsa8k"), CKK_RSA,
                  {bytesAttr(CKA_MODULUS, bn(rsa8k.get(), OSSL_PKEY_PARAM_RSA_N)), bytesAttr(CKA_PUBLIC_EXPONENT, e)});
        certificate("\x06", QStringLiteral("rsa8k"), issue(rsa8k.get(), QStringLiteral("rsa8k")), PairState::Paired);

        // Not a certificate at all.
        certificate("\x08", QStringLiteral("garbage"), QByteArray("\x30\x82\x01\x00 not DER", 12), PairState::Unpaired);

        // Two certificates with the same ID and label, for different keys: one is the key's.
        Owned<EVP_PKEY> twin(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256")), other(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        ecPublicKey("\x09", QStringLiteral("twin"), curveOid(NID_X9_62_prime256v1), octetString(octets(twin.get(), OSSL_PKEY_PARAM_PUB_KEY)));
        certificate("\x09", QStringLiteral("twin"), issue(other.get(), QStringLiteral("twin")), PairState::WrongPartner);
        certificate("\x09", QStringLiteral("twin"), issue(twin.get(), QStringLiteral("twin")), PairState::Paired);

        // Explicit P-256 parameters on the key, a named curve in the certificate.
        Owned<EVP_PKEY> expl(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        Owned<EC_GROUP> group(EC_GROUP_new_by_curve_name(NID_X9_62_prime256v1));
        EC_GROUP_set_asn1_flag(group.get(), OPENSSL_EC_EXPLICIT_CURVE);
        ecPublicKey("\x0a", QStringLiteral("explicit"), derOf(group.get(), i2d_ECPKParameters),
                    octetString(octets(expl.get(), OSSL_PKEY_PARAM_PUB_KEY)));
        // Whether OpenSSL takes explicit P-256 for the named curve decides Paired or WrongPartner: the reference says.
        certificate("\x0a", QStringLiteral("explicit"), issue(expl.get(), QStringLiteral("explicit")), std::nullopt);

        // A bare point (vendor quirk: no OCTET STRING around it).
        Owned<EVP_PKEY> bare(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        ecPublicKey("\x0b", QStringLiteral("bare"), curveOid(NID_X9_62_prime256v1), octets(bare.get(), OSSL_PKEY_PARAM_PUB_KEY));
        certificate("\x0b", QStringLiteral("bare"), issue(bare.get(), QStringLiteral("bare")), PairState::Paired);

        // A point off the curve: no key, so only the ID pairs.
        Owned<EVP_PKEY> off(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        QByteArray offPoint = octets(off.get(), OSSL_PKEY_PARAM_PUB_KEY);
        offPoint[offPoint.size() - 1] = char(offPoint.at(offPoint.size() - 1) ^ 1);
        ecPublicKey("\x0c", QStringLiteral("offcurve"), curveOid(NID_X9_62_prime256v1), octetString(offPoint));
        certificate("\x0c", QStringLiteral("offcurve"), issue(off.get(), QStringLiteral("offcurve")), PairState::PairedById);

        // An even RSA modulus: not a key PublicKey accepts from attributes; OpenSSL reads it in the certificate.
        Owned<BIGNUM> evenN(BN_dup(bigN.get()));
        BN_clear_bit(evenN.get(), 0);
        BN_clear_bit(evenN.get(), 8191);
        BN_set_bit(evenN.get(), 2047);
        BN_mask_bits(evenN.get(), 2048);
        Owned<EVP_PKEY> evenKey = rsaFromNumbers(evenN.get(), bigE.get());
        QVERIFY(evenKey);
        publicKey("\x0d", QStringLiteral("even"), CKK_RSA,
                  {bytesAttr(CKA_MODULUS, bn(evenKey.get(), OSSL_PKEY_PARAM_RSA_N)), bytesAttr(CKA_PUBLIC_EXPONENT, e)});
        certificate("\x0d", QStringLiteral("even"), issue(evenKey.get(), QStringLiteral("even")), PairState::PairedById);

        // A certificate without a key on the token, and one of the P-256 key without any CKA_ID.
        Owned<EVP_PKEY> lone(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-384"));
        certificate("\x0e", QStringLiteral("lone"), issue(lone.get(), QStringLiteral("lone")), PairState::Unpaired);
        certificate(QByteArray(), QStringLiteral("no id"), issue(p256.get(), QStringLiteral("p256 again")), PairState::IdMismatch);

        // A data object: nothing to decode, no pairing.
        const CK_OBJECT_CLASS data = CKO_DATA;
        const QByteArray value("hello");
        create({attrOf(CKA_CLASS, data), attrOf(CKA_TOKEN, kTrue), attrOf(CKA_PRIVATE, kFalse), bytesAttr(CKA_VALUE, value)},
               "data");
    }

    // The fast path and the old one agree on every object and every pair of objects.
    void fastPathEqualsOldPath()
    {
        const TokenContents c = m_inventory->readObjects(tokenRef(QStringLiteral("Odd"))).result();
        QCOMPARE(int(c.objects.size()), 30);
        int keyed = 0, certs = 0;
        for (const ObjectInfo &o : c.objects) {
            QVERIFY2(o.decoded, "Inventory::readObjects decodes on the worker");
            const QString what = QStringLiteral("%1 \"%2\"").arg(ObjectFacts::className(o.cls), o.labelText());
            // Facts: the fast path's certificate is the reference decoding, field by field.
            if (o.cls == CKO_CERTIFICATE) {
                ++certs;
                QString fastError, oldError;
                const auto fast = ObjectFacts::certificate(o, &fastError);
                std::optional<CertificateInfo> old;
                try {
                    old = decodeCertificate(o.attrs.bytes(CKA_VALUE));
                } catch (const std::exception &ex) {
                    oldError = QString::fromUtf8(ex.what());
                }
                QCOMPARE(bool(fast), bool(old));
                QCOMPARE(fastError, oldError);
                if (old) {
                    QVERIFY2(differences(*fast, *old).isEmpty(), qPrintable(what + differences(*fast, *old).join(u',')));
                    // The key facts as the old decoder made them, from a second decoding of the SubjectPublicKeyInfo.
                    const PublicKey k = PublicKey::fromSubjectPublicKeyInfo(old->subjectPublicKeyInfo);
                    QCOMPARE(fast->publicKeyAlgorithm, k.algorithmName());
                    QCOMPARE(fast->publicKeyBits, k.bits());
                    QCOMPARE(fast->curveName, k.curveName());
                    QCOMPARE(fast->publicKeyDescription, k.description());
                }
            }
            // Keys: present exactly when the old EVP_PKEY is.
            QCOMPARE(ObjectFacts::comparableKey(o).isNull(), ObjectFacts::publicKey(o).isNull());
            keyed += !ObjectFacts::publicKey(o).isNull();
        }
        QCOMPARE(certs, 16);
        QCOMPARE(keyed, 25);
        // Every comparison of two keys gives what EVP_PKEY_eq gives.
        int same = 0;
        for (const ObjectInfo &a : c.objects) {
            for (const ObjectInfo &b : c.objects) {
                const bool fast = ObjectFacts::comparableKey(a).sameKeyAs(ObjectFacts::comparableKey(b));
                const bool old = ObjectFacts::publicKey(a).sameKeyAs(ObjectFacts::publicKey(b));
                QVERIFY2(fast == old, qPrintable(QStringLiteral("%1 vs %2").arg(a.labelText(), b.labelText())));
                same += old && &a != &b;
            }
        }
        QVERIFY(same > 20);
        // Pairing: identical for every object, and what each case was built to show.
        const auto fast = computePairing(c);
        const auto old = referencePairing(c);
        for (std::size_t k = 0; k < c.objects.size(); ++k) {
            const QString what = QStringLiteral("%1 \"%2\"").arg(ObjectFacts::className(c.objects[k].cls), c.objects[k].labelText());
            QVERIFY2(fast[k].state == old[k].state, qPrintable(what + QStringLiteral(": ") + fast[k].code() + u'/' + old[k].code()));
            QCOMPARE(fast[k].partnerKey, old[k].partnerKey);
            QCOMPARE(fast[k].partnerHandle, old[k].partnerHandle);
            QCOMPARE(fast[k].partnerId, old[k].partnerId);
            QCOMPARE(fast[k].partnerLabel, old[k].partnerLabel);
        }
        std::multimap<QString, PairState> seen;
        for (std::size_t k = 0; k < c.objects.size(); ++k)
            if (c.objects[k].cls == CKO_CERTIFICATE)
                seen.emplace(c.objects[k].labelText(), fast[k].state);
        QCOMPARE(seen.size(), m_expectedCert.size());
        for (auto it = m_expectedCert.begin(); it != m_expectedCert.end(); it = m_expectedCert.upper_bound(it->first)) {
            std::vector<int> want, got;
            const auto [b, e] = m_expectedCert.equal_range(it->first);
            const auto [gb, ge] = seen.equal_range(it->first);
            for (auto x = b; x != e; ++x)
                if (x->second)
                    want.push_back(int(*x->second));
            for (auto x = gb; x != ge; ++x)
                got.push_back(int(x->second));
            std::sort(want.begin(), want.end());
            std::sort(got.begin(), got.end());
            if (want.size() == got.size())
                QVERIFY2(want == got, qPrintable(it->first));
            else
                QVERIFY2(want.empty(), qPrintable(it->first)); // only nullopt expectations
        }
    }

    // Certificate by certificate, without a token: the fast decoding (the key read from
    // the SubjectPublicKeyInfo's bytes, issue 11) against the full OpenSSL one, for every
    // named curve OpenSSL knows (each point compressed and not), RSA of odd shapes,
    // EdDSA and Montgomery keys, and the shapes that must go OpenSSL's way.
    void everyKeyShapeAsOpenSslReadsIt_data()
    {
        QTest::addColumn<QByteArray>("der");
        QTest::addColumn<bool>("fast"); // expected to be read without OpenSSL's key decoders
        std::vector<EC_builtin_curve> curves(EC_get_builtin_curves(nullptr, 0));
        EC_get_builtin_curves(curves.data(), curves.size());
        int curvesTried = 0;
        for (const EC_builtin_curve &c : curves) {
            const char *sn = OBJ_nid2sn(c.nid);
            Owned<EVP_PKEY> k(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", sn));
            if (!k) {
                ERR_clear_error();
                continue; // a curve OpenSSL lists but will not generate keys on
            }
            ++curvesTried;
            // OpenSSL makes an SM2 key of that curve, and writes curves without an OID
            // (Oakley-EC2N-3/4) as explicit parameters: both go OpenSSL's way.
            const bool fast = c.nid != NID_sm2 && OBJ_length(OBJ_nid2obj(c.nid)) > 0;
            QTest::addRow("%s", sn) << issue(k.get(), QString::fromLatin1(sn)) << fast;
            QTest::addRow("%s compressed", sn) << issue(k.get(), QString::fromLatin1(sn), true) << fast;
        }
        QVERIFY(curvesTried > 60);
        Owned<BIGNUM> e(BN_new()), three(BN_new());
        BN_set_word(e.get(), 65537);
        BN_set_word(three.get(), 3);
        auto rsa = [&](int bits, bool odd, const BIGNUM *exponent) {
            Owned<BIGNUM> n(BN_new());
            BN_rand(n.get(), bits, BN_RAND_TOP_ONE, odd ? BN_RAND_BOTTOM_ODD : BN_RAND_BOTTOM_ANY);
            if (!odd)
                BN_clear_bit(n.get(), 0);
            return rsaFromNumbers(n.get(), exponent);
        };
        for (int bits : {512, 1024, 2048, 2049, 3072, 4096, 8192})
            QTest::addRow("RSA-%d", bits) << issue(rsa(bits, true, e.get()).get(), QStringLiteral("rsa")) << true;
        QTest::addRow("RSA-2048 e=3") << issue(rsa(2048, true, three.get()).get(), QStringLiteral("rsa3")) << true;
        QTest::addRow("RSA-2048 even modulus") << issue(rsa(2048, false, e.get()).get(), QStringLiteral("even")) << false;
        QTest::addRow("RSA-384") << issue(rsa(384, true, e.get()).get(), QStringLiteral("small")) << false;
        Owned<EVP_PKEY_CTX> pssCtx(EVP_PKEY_CTX_new_from_name(nullptr, "RSA-PSS", nullptr));
        EVP_PKEY *pss = nullptr;
        QVERIFY(pssCtx && EVP_PKEY_keygen_init(pssCtx.get()) > 0 && EVP_PKEY_CTX_set_rsa_keygen_bits(pssCtx.get(), 1024) > 0
                && EVP_PKEY_generate(pssCtx.get(), &pss) > 0);
        Owned<EVP_PKEY> pssOwned(pss);
        QTest::addRow("RSA-PSS") << issue(pss, QStringLiteral("pss")) << false;
        for (const char *type : {"ED25519", "ED448", "X25519", "X448"}) {
            Owned<EVP_PKEY> k(EVP_PKEY_Q_keygen(nullptr, nullptr, type));
            QTest::addRow("%s", type) << issue(k.get(), QString::fromLatin1(type)) << true;
        }
        Owned<EVP_PKEY> p256(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        const QByteArray plain = issue(p256.get(), QStringLiteral("plain"));
        QTest::addRow("trailing bytes") << plain + QByteArray(9, '\0') << true;
        // Explicit parameters in the certificate: OpenSSL's way.
        Owned<EVP_PKEY> explicitKey(EVP_PKEY_dup(p256.get()));
        QVERIFY(EVP_PKEY_set_utf8_string_param(explicitKey.get(), OSSL_PKEY_PARAM_EC_ENCODING, OSSL_PKEY_EC_ENCODING_EXPLICIT));
        const QByteArray explicitCert = issue(explicitKey.get(), QStringLiteral("explicit"));
        QVERIFY(decodeCertificate(explicitCert).subjectPublicKeyInfo.size() > 200); // the curve is spelt out
        QTest::addRow("explicit P-256 parameters") << explicitCert << false;
        // Self-issued and self-signed: "self-signed" needs the signature checked, OpenSSL's way.
        Owned<X509> self(X509_new());
        X509_set_version(self.get(), X509_VERSION_3);
        ASN1_INTEGER_set(X509_get_serialNumber(self.get()), 7);
        X509_NAME_add_entry_by_txt(X509_get_subject_name(self.get()), "CN", MBSTRING_UTF8,
                                   reinterpret_cast<const unsigned char *>("self"), -1, -1, 0);
        X509_set_issuer_name(self.get(), X509_get_subject_name(self.get()));
        X509_gmtime_adj(X509_getm_notBefore(self.get()), 0);
        X509_time_adj_ex(X509_getm_notAfter(self.get()), 30, 0, nullptr);
        X509_set_pubkey(self.get(), p256.get());
        X509_sign(self.get(), p256.get(), EVP_sha256());
        QTest::addRow("self-signed") << derOf(self.get(), i2d_X509) << false;
        // Self-issued by another key (a re-keyed CA): not self-signed, still OpenSSL's way.
        X509_sign(self.get(), m_ca.get(), EVP_sha256());
        QTest::addRow("self-issued, signed by another key") << derOf(self.get(), i2d_X509) << false;
        QTest::addRow("not a certificate") << QByteArray("\x30\x03\x02\x01\x01", 5) << false;
    }

    void everyKeyShapeAsOpenSslReadsIt()
    {
        QFETCH(QByteArray, der);
        QFETCH(bool, fast);
        const quint64 before = certificateKeyDecoderCount();
        const CertificateDecoding d = decodeCertificateAndKey(der);
        QCOMPARE(certificateKeyDecoderCount() - before, quint64(fast ? 0 : 1));
        std::optional<CertificateInfo> old;
        QString oldError;
        try {
            old = decodeCertificate(der);
        } catch (const std::exception &ex) {
            oldError = QString::fromUtf8(ex.what());
        }
        QCOMPARE(bool(d.info), bool(old));
        QCOMPARE(d.error, oldError);
        PublicKey oldKey;
        try {
            oldKey = PublicKey::fromCertificate(der);
        } catch (const X509Error &) {
        }
        QCOMPARE(d.key.isNull(), oldKey.isNull());
        if (old) {
            QVERIFY2(differences(*d.info, *old).isEmpty(), qPrintable(differences(*d.info, *old).join(u',')));
            QCOMPARE(d.info->publicKeyAlgorithm, oldKey.algorithmName());
            QCOMPARE(d.info->publicKeyBits, oldKey.bits());
            QCOMPARE(d.info->curveName, oldKey.curveName());
            QCOMPARE(d.info->publicKeyDescription, oldKey.description());
        }
        if (!oldKey.isNull()) {
            const ComparableKey reference = ComparableKey::fromPublicKey(oldKey);
            QCOMPARE(d.key.canonical(), reference.canonical());
            QVERIFY(d.key.sameKeyAs(reference) && reference.sameKeyAs(d.key));
        }
    }

    // Counted, not timed: the second read of an unchanged token decodes no certificate
    // and the second scan asks for no mechanism list; a new certificate is decoded alone.
    void refreshOfUnchangedTokenDecodesNothing()
    {
        const TokenRef odd = tokenRef(QStringLiteral("Odd"));
        m_inventory->readObjects(odd).waitForFinished();
        const quint64 decodes = certificateDecodeCount();
        const int mechanismLists = m_rec->calls("C_GetMechanismList");
        const int mechanismInfos = m_rec->calls("C_GetMechanismInfo");
        QVERIFY(mechanismLists > 0); // the first scan read them
        const TokenRef again = tokenRef(QStringLiteral("Odd"));
        const TokenContents c = m_inventory->readObjects(again).result();
        QCOMPARE(certificateDecodeCount(), decodes);
        QCOMPARE(m_rec->calls("C_GetMechanismList"), mechanismLists);
        QCOMPARE(m_rec->calls("C_GetMechanismInfo"), mechanismInfos);
        QVERIFY(ObjectFacts::certificate(*std::find_if(c.objects.begin(), c.objects.end(), [](const ObjectInfo &o) {
            return o.cls == CKO_CERTIFICATE && o.labelText() == QLatin1String("rsa");
        })));
        QCOMPARE(certificateDecodeCount(), decodes); // the facts come from the worker's decoding

        // One new certificate: exactly one decoding.
        Owned<EVP_PKEY> k(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
        certificate("\x0f", QStringLiteral("new"), issue(k.get(), QStringLiteral("new")), PairState::Unpaired);
        const TokenContents after = m_inventory->readObjects(tokenRef(QStringLiteral("Odd"))).result();
        QCOMPARE(after.objects.size(), c.objects.size() + 1);
        QCOMPARE(certificateDecodeCount(), decodes + 1);
        QCOMPARE(m_rec->calls("C_GetMechanismList"), mechanismLists);
    }

    // A token that goes and comes back has its mechanisms read again (nothing stale).
    void tokenThatComesBackIsReadAgain()
    {
        const TokenRef odd = tokenRef(QStringLiteral("Odd"));
        const int before = m_rec->calls("C_GetMechanismList");
        m_rec->hideSlot(odd.slot, true);
        const ModuleSnapshot gone = m_inventory->scan(ModuleSpec{kRecordModule, QStringLiteral("rec"), false}).result();
        QVERIFY(std::none_of(gone.slots.begin(), gone.slots.end(),
                             [](const SlotSnapshot &s) { return s.token && s.token->label == QLatin1String("Odd"); }));
        QCOMPARE(m_rec->calls("C_GetMechanismList"), before); // the free token's list is still known
        m_rec->hideSlot(odd.slot, false);
        tokenRef(QStringLiteral("Odd"));
        QCOMPARE(m_rec->calls("C_GetMechanismList"), before + 2); // its size, then the list
    }
};

QTEST_GUILESS_MAIN(TestObjectDecoding)
#include "tst_objectdecoding.moc"
