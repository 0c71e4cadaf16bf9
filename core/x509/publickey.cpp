// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/publickey.h"

#include "p11/ckrname.h"
#include "x509/ecparams_p.h"
#include "x509/opensslutil_p.h"
#include "x509/x509error.h"
#include "x509/x509logging.h"

#include <openssl/core_names.h>
#include <openssl/obj_mac.h>
#include <openssl/objects.h>

#include <QList>

using namespace x509detail;

namespace {

[[noreturn]] void invalidKey(const QString &message, const QString &detail = takeOpensslErrors())
{
    throw X509Error(X509Error::Kind::InvalidPublicKey, message, detail);
}

// EVP_PKEY_fromdata for a public key; nullptr (errors drained) when OpenSSL rejects the data.
EVP_PKEY *fromData(const char *keyType, OSSL_PARAM_BLD *bld)
{
    OsslPtr<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld));
    OsslPtr<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) <= 0
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) <= 0) {
        EVP_PKEY_free(key);
        takeOpensslErrors();
        return nullptr;
    }
    return key;
}

struct PointCandidate {
    QByteArray point;
    bool bare; // true: CKA_EC_POINT was not DER-wrapped
};

// PKCS#11 says CKA_EC_POINT is the DER encoding of an OCTET STRING holding the
// point (SoftHSM and OpenSC do that). Vendor quirk: some modules return the bare
// point instead - common enough that OpenSC's pkcs11-tool carries a build switch
// (EC_POINT_NO_ASN1_OCTET_STRING) for "non-compliant cards". Both readings are
// offered; OpenSSL's on-curve check (or the fixed EdDSA key length) picks the
// right one, so a bare point that happens to parse as DER is not mistaken for a
// wrapped one.
QList<PointCandidate> pointCandidates(const QByteArray &ecPoint)
{
    QList<PointCandidate> out;
    const unsigned char *p = bytes(ecPoint);
    OsslPtr<ASN1_STRING> wrapped(d2i_ASN1_OCTET_STRING(nullptr, &p, long(ecPoint.size())));
    if (wrapped && p == bytes(ecPoint) + ecPoint.size())
        out.append({toByteArray(ASN1_STRING_get0_data(wrapped.get()), ASN1_STRING_length(wrapped.get())), false});
    takeOpensslErrors();
    out.append({ecPoint, true});
    return out;
}

void noteBarePoint(const PointCandidate &c)
{
    if (c.bare)
        qCDebug(lcX509) << "CKA_EC_POINT holds a bare point instead of a DER OCTET STRING (vendor quirk); accepted";
}

EVP_PKEY *rsaKey(const PublicKeyAttributes &a)
{
    if (a.modulus.isEmpty())
        invalidKey(Tr::tr("The token did not return the RSA key's modulus (CKA_MODULUS)."), {});
    if (a.publicExponent.isEmpty())
        invalidKey(Tr::tr("The token did not return the RSA key's public exponent (CKA_PUBLIC_EXPONENT)."), {});
    // BN_bin2bn ignores leading zero bytes, which some tokens prepend to CKA_MODULUS.
    OsslPtr<BIGNUM> n(BN_bin2bn(bytes(a.modulus), int(a.modulus.size()), nullptr));
    OsslPtr<BIGNUM> e(BN_bin2bn(bytes(a.publicExponent), int(a.publicExponent.size()), nullptr));
    if (!n || !e)
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    // fromdata accepts any numbers; catch the obviously broken ones here so the
    // user sees it at the key, not as a mysterious signature failure later.
    if (!BN_is_odd(n.get()) || BN_num_bits(n.get()) < 256 || !BN_is_odd(e.get()) || BN_is_one(e.get()))
        invalidKey(Tr::tr("The token's RSA public key is malformed."), {});
    OsslPtr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get())
        || !OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()))
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    EVP_PKEY *key = fromData("RSA", bld.get());
    if (!key)
        invalidKey(Tr::tr("The token's RSA public key is malformed."), {});
    return key;
}

// Named curve: the OSSL_PARAM route (group name + encoded point).
EVP_PKEY *ecNamedKey(const EcParams &params, const QByteArray &point)
{
    if (point.isEmpty() || point.at(0) == 0) // 0x00 is the point at infinity: never a public key
        return nullptr;
    OsslPtr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(params.nid), 0)
        || !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point.constData(), size_t(point.size())))
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    return fromData("EC", bld.get()); // decoding the point checks that it lies on the curve
}

// Explicit parameters: OpenSSL 3.0 has no OSSL_PARAM form for a DER ECParameters
// (EC_GROUP_to_params arrived in 3.2), so wrap parameters and point into a
// SubjectPublicKeyInfo exactly as they came and let the SPKI decoder read it.
EVP_PKEY *ecExplicitKey(const EcParams &params, const QByteArray &point)
{
    if (point.isEmpty() || point.at(0) == 0)
        return nullptr;
    OsslPtr<X509_PUBKEY> spki(X509_PUBKEY_new());
    OsslPtr<ASN1_STRING> paramSeq(ASN1_STRING_new());
    auto *pointCopy = static_cast<unsigned char *>(OPENSSL_memdup(point.constData(), size_t(point.size())));
    if (!spki || !paramSeq || !pointCopy || !ASN1_STRING_set(paramSeq.get(), params.der.constData(), int(params.der.size()))) {
        OPENSSL_free(pointCopy);
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    }
    // set0 takes ownership of paramSeq and pointCopy on success only.
    if (!X509_PUBKEY_set0_param(spki.get(), OBJ_nid2obj(NID_X9_62_id_ecPublicKey), V_ASN1_SEQUENCE, paramSeq.get(),
                                pointCopy, int(point.size()))) {
        OPENSSL_free(pointCopy);
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    }
    paramSeq.release();
    const QByteArray spkiDer = der(spki.get(), i2d_X509_PUBKEY);
    const unsigned char *p = bytes(spkiDer);
    EVP_PKEY *key = spkiDer.isEmpty() ? nullptr : d2i_PUBKEY(nullptr, &p, long(spkiDer.size()));
    takeOpensslErrors();
    return key;
}

EVP_PKEY *rawKey(const char *type, const QByteArray &key, qsizetype expectedLength)
{
    if (key.size() != expectedLength)
        return nullptr;
    OsslPtr<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (!bld || !OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, key.constData(), size_t(key.size())))
        throw X509Error(X509Error::Kind::Internal, Tr::tr("OpenSSL could not allocate memory."), takeOpensslErrors());
    return fromData(type, bld.get());
}

// CKK_EC_EDWARDS / CKK_EC_MONTGOMERY. CKA_EC_PARAMS may be missing on some
// early EdDSA implementations; the key length then tells the curve.
EVP_PKEY *rawCurveKey(const PublicKeyAttributes &a, bool edwards, const EcParams *params)
{
    if (a.ecPoint.isEmpty())
        invalidKey(Tr::tr("The token did not return the key's public point (CKA_EC_POINT)."), {});
    for (const PointCandidate &c : pointCandidates(a.ecPoint)) {
        int nid = params ? params->nid : NID_undef;
        if (nid == NID_undef) {
            const qsizetype n = c.point.size();
            nid = edwards ? (n == 32 ? NID_ED25519 : n == 57 ? NID_ED448 : NID_undef)
                          : (n == 32 ? NID_X25519 : n == 56 ? NID_X448 : NID_undef);
        }
        EVP_PKEY *key = nullptr;
        switch (nid) {
        case NID_ED25519: key = rawKey("ED25519", c.point, 32); break;
        case NID_ED448: key = rawKey("ED448", c.point, 57); break;
        case NID_X25519: key = rawKey("X25519", c.point, 32); break;
        case NID_X448: key = rawKey("X448", c.point, 56); break;
        default: break;
        }
        if (key) {
            noteBarePoint(c);
            return key;
        }
    }
    invalidKey(Tr::tr("The token's public key (CKA_EC_POINT) does not have the length its curve requires."), {});
}

EVP_PKEY *ecKey(const PublicKeyAttributes &a)
{
    const EcParams params = parseEcParams(a.ecParams);
    if (params.family != EcParams::Family::Weierstrass) {
        // Vendor quirk: pre-3.0 modules (and some current HSM firmware) label EdDSA keys CKK_EC.
        qCDebug(lcX509) << "CKK_EC key with an Edwards/Montgomery curve; reading it as" << params.display;
        return rawCurveKey(a, params.family == EcParams::Family::Edwards, &params);
    }
    if (a.ecPoint.isEmpty())
        invalidKey(Tr::tr("The token did not return the EC key's public point (CKA_EC_POINT)."), {});
    for (const PointCandidate &c : pointCandidates(a.ecPoint)) {
        EVP_PKEY *key = params.form == EcParams::Form::Explicit ? ecExplicitKey(params, c.point)
                                                                : ecNamedKey(params, c.point);
        if (key) {
            noteBarePoint(c);
            return key;
        }
    }
    invalidKey(Tr::tr("The token's EC public key is not a valid point on curve %1.").arg(params.display), {});
}

} // namespace

PublicKey::PublicKey(EVP_PKEY *owned) : m_key(owned, EVP_PKEY_free) {}

PublicKey PublicKey::fromSubjectPublicKeyInfo(const QByteArray &spkiDer)
{
    const unsigned char *p = bytes(spkiDer);
    EVP_PKEY *key = spkiDer.isEmpty() ? nullptr : d2i_PUBKEY(nullptr, &p, long(spkiDer.size()));
    if (!key || p != bytes(spkiDer) + spkiDer.size()) {
        EVP_PKEY_free(key);
        invalidKey(Tr::tr("This is not a valid public key (SubjectPublicKeyInfo)."));
    }
    return PublicKey(key);
}

PublicKey PublicKey::shared(EVP_PKEY *key)
{
    if (!key || !EVP_PKEY_up_ref(key))
        return {};
    return PublicKey(key);
}

PublicKey PublicKey::fromCertificate(const QByteArray &certificateDer)
{
    const OsslPtr<X509> cert = parseCertificate(certificateDer);
    EVP_PKEY *key = X509_get_pubkey(cert.get()); // up-referenced copy
    if (!key)
        throw X509Error(X509Error::Kind::UnsupportedKeyType,
                        Tr::tr("The certificate's public key uses an algorithm TokenDesk cannot read."), takeOpensslErrors());
    return PublicKey(key);
}

PublicKey PublicKey::fromAttributes(const PublicKeyAttributes &a)
{
    const bool hasComponents = a.keyType == CKK_RSA ? !a.modulus.isEmpty() : !a.ecPoint.isEmpty();
    if (!a.publicKeyInfo.isEmpty()) {
        try {
            return fromSubjectPublicKeyInfo(a.publicKeyInfo);
        } catch (const X509Error &e) {
            if (!hasComponents)
                throw;
            // Some modules fill CKA_PUBLIC_KEY_INFO with zeros for keys they imported; the components still work.
            qCDebug(lcX509) << "CKA_PUBLIC_KEY_INFO unusable, using the key components instead:" << e.detail();
        }
    }
    switch (a.keyType) {
    case CKK_RSA: return PublicKey(rsaKey(a));
    case CKK_EC: return PublicKey(ecKey(a));
    case CKK_EC_EDWARDS:
    case CKK_EC_MONTGOMERY: {
        const bool edwards = a.keyType == CKK_EC_EDWARDS;
        if (a.ecParams.isEmpty())
            return PublicKey(rawCurveKey(a, edwards, nullptr));
        const EcParams params = parseEcParams(a.ecParams);
        if (params.family != (edwards ? EcParams::Family::Edwards : EcParams::Family::Montgomery))
            invalidKey(Tr::tr("The key's type does not match its curve (%1).").arg(params.display), {});
        return PublicKey(rawCurveKey(a, edwards, &params));
    }
    default:
        throw X509Error(X509Error::Kind::UnsupportedKeyType,
                        Tr::tr("TokenDesk cannot read public keys of type %1.").arg(ckkName(a.keyType)));
    }
}

PublicKey::Algorithm PublicKey::algorithm() const
{
    if (!m_key)
        return Algorithm::None;
    switch (EVP_PKEY_get_base_id(m_key.get())) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: return Algorithm::Rsa;
    case EVP_PKEY_EC: return Algorithm::Ec;
    case EVP_PKEY_ED25519: return Algorithm::Ed25519;
    case EVP_PKEY_ED448: return Algorithm::Ed448;
    case EVP_PKEY_X25519: return Algorithm::X25519;
    case EVP_PKEY_X448: return Algorithm::X448;
    default: return Algorithm::Other;
    }
}

QString PublicKey::algorithmName(Algorithm algorithm)
{
    switch (algorithm) {
    case Algorithm::Rsa: return QStringLiteral("RSA");
    case Algorithm::Ec: return QStringLiteral("EC");
    case Algorithm::Ed25519: return QStringLiteral("Ed25519");
    case Algorithm::Ed448: return QStringLiteral("Ed448");
    case Algorithm::X25519: return QStringLiteral("X25519");
    case Algorithm::X448: return QStringLiteral("X448");
    case Algorithm::None:
    case Algorithm::Other: break;
    }
    return {};
}

QString PublicKey::algorithmName() const
{
    const Algorithm alg = algorithm();
    if (alg != Algorithm::Other)
        return algorithmName(alg);
    const char *name = EVP_PKEY_get0_type_name(m_key.get());
    return name ? QString::fromLatin1(name) : QStringLiteral("unknown");
}

int PublicKey::bits() const
{
    return m_key ? EVP_PKEY_get_bits(m_key.get()) : 0;
}

QString PublicKey::curveName() const
{
    if (algorithm() != Algorithm::Ec)
        return {};
    char name[80];
    size_t len = 0;
    if (EVP_PKEY_get_utf8_string_param(m_key.get(), OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len)) {
        int nid = OBJ_sn2nid(name);
        if (nid == NID_undef)
            nid = EC_curve_nist2nid(name);
        if (nid != NID_undef)
            return curveDisplayName(nid);
        return QString::fromLatin1(name, qsizetype(len));
    }
    takeOpensslErrors();
    return Tr::tr("explicit parameters");
}

QString PublicKey::description(Algorithm algorithm, const QString &name, int bits, const QString &curve)
{
    switch (algorithm) {
    case Algorithm::None: return {};
    case Algorithm::Rsa: return Tr::tr("RSA %1 bits").arg(bits);
    case Algorithm::Ec: return Tr::tr("EC %1").arg(curve);
    default: return name;
    }
}

QString PublicKey::description() const
{
    const Algorithm alg = algorithm();
    if (alg == Algorithm::None)
        return {};
    return description(alg, algorithmName(), alg == Algorithm::Rsa ? bits() : 0, curveName());
}

QByteArray PublicKey::subjectPublicKeyInfo() const
{
    return m_key ? der(m_key.get(), i2d_PUBKEY) : QByteArray();
}

QByteArray PublicKey::rsaModulus() const
{
    if (algorithm() != Algorithm::Rsa)
        return {};
    BIGNUM *n = nullptr;
    if (!EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_RSA_N, &n)) {
        takeOpensslErrors();
        return {};
    }
    const OsslPtr<BIGNUM> owned(n);
    QByteArray out(BN_num_bytes(n), '\0');
    BN_bn2bin(n, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray PublicKey::rawPublicKey() const
{
    const Algorithm alg = algorithm();
    if (alg == Algorithm::None || alg == Algorithm::Rsa || alg == Algorithm::Other)
        return {};
    size_t len = 0;
    if (!EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY, nullptr, 0, &len) || len == 0) {
        takeOpensslErrors();
        return {};
    }
    QByteArray out(qsizetype(len), '\0');
    if (!EVP_PKEY_get_octet_string_param(m_key.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                         reinterpret_cast<unsigned char *>(out.data()), len, &len)) {
        takeOpensslErrors();
        return {};
    }
    out.truncate(qsizetype(len));
    const auto form = out.isEmpty() ? 0 : static_cast<unsigned char>(out.at(0));
    if (alg == Algorithm::Ec && (form == 0x02 || form == 0x03)) {
        // A key read from a certificate keeps the certificate's compressed form;
        // callers (CKA_ID computation, comparisons) want 04‖X‖Y, so add Y.
        BIGNUM *y = nullptr;
        if (!EVP_PKEY_get_bn_param(m_key.get(), OSSL_PKEY_PARAM_EC_PUB_Y, &y)) {
            takeOpensslErrors();
            return {};
        }
        const OsslPtr<BIGNUM> owned(y);
        const qsizetype fieldLength = out.size() - 1;
        QByteArray yBytes(fieldLength, '\0');
        BN_bn2binpad(y, reinterpret_cast<unsigned char *>(yBytes.data()), int(fieldLength));
        out[0] = 0x04;
        out += yBytes;
    }
    return out;
}

bool PublicKey::sameKeyAs(const PublicKey &other) const
{
    if (!m_key || !other.m_key)
        return false;
    const bool same = EVP_PKEY_eq(m_key.get(), other.m_key.get()) == 1;
    takeOpensslErrors(); // a type mismatch (-1) leaves an error behind; it just means "different"
    return same;
}
