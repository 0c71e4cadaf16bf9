// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/tokensigner.h"

#include "inventory/scanner.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/ossl_p.h"
#include "p11/ckrname.h"
#include "p11/modulecontract.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QCoreApplication>

#include <openssl/core_names.h>
#include <openssl/rsa.h>

#include <algorithm>

using namespace keysdetail;

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(TokenSigner) };

const EVP_MD *evpMd(DigestAlgorithm d)
{
    switch (d) {
    case DigestAlgorithm::Sha256: return EVP_sha256();
    case DigestAlgorithm::Sha384: return EVP_sha384();
    case DigestAlgorithm::Sha512: return EVP_sha512();
    }
    return EVP_sha256();
}

struct DigestMechs {
    CK_MECHANISM_TYPE hash;       // CKM_SHA256 …
    CK_RSA_PKCS_MGF_TYPE mgf;     // CKG_MGF1_SHA256 …
    CK_MECHANISM_TYPE rsaPkcs;    // CKM_SHA256_RSA_PKCS …
    CK_MECHANISM_TYPE rsaPss;     // CKM_SHA256_RSA_PKCS_PSS …
    CK_ULONG length;
};
DigestMechs digestMechs(DigestAlgorithm d)
{
    switch (d) {
    case DigestAlgorithm::Sha256: return {CKM_SHA256, CKG_MGF1_SHA256, CKM_SHA256_RSA_PKCS, CKM_SHA256_RSA_PKCS_PSS, 32};
    case DigestAlgorithm::Sha384: return {CKM_SHA384, CKG_MGF1_SHA384, CKM_SHA384_RSA_PKCS, CKM_SHA384_RSA_PKCS_PSS, 48};
    case DigestAlgorithm::Sha512: return {CKM_SHA512, CKG_MGF1_SHA512, CKM_SHA512_RSA_PKCS, CKM_SHA512_RSA_PKCS_PSS, 64};
    }
    return {CKM_SHA256, CKG_MGF1_SHA256, CKM_SHA256_RSA_PKCS, CKM_SHA256_RSA_PKCS_PSS, 32};
}

// DER DigestInfo prefixes from RFC 8017 section 9.2, note 1: CKM_RSA_PKCS signs
// whatever it is given, so for a host-side digest we must wrap it ourselves.
QByteArray digestInfoPrefix(DigestAlgorithm d)
{
    switch (d) {
    case DigestAlgorithm::Sha256: return QByteArray::fromHex("3031300d060960864801650304020105000420");
    case DigestAlgorithm::Sha384: return QByteArray::fromHex("3041300d060960864801650304020205000430");
    case DigestAlgorithm::Sha512: return QByteArray::fromHex("3051300d060960864801650304020305000440");
    }
    return {};
}

QByteArray digest(DigestAlgorithm d, const QByteArray &data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    ensure(EVP_Digest(data.constData(), std::size_t(data.size()), md, &len, evpMd(d), nullptr), "EVP_Digest");
    return QByteArray(reinterpret_cast<const char *>(md), int(len));
}

// PKCS#11 returns ECDSA signatures as r‖s; X.509 wants SEQUENCE { r INTEGER, s INTEGER }.
QByteArray ecdsaRawToDer(const QByteArray &raw)
{
    if (raw.isEmpty() || raw.size() % 2)
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The token returned an ECDSA signature of unexpected length (%1 bytes).")
                                    .arg(raw.size()));
    const int half = int(raw.size() / 2);
    Owned<BIGNUM> r(BN_bin2bn(bytes(raw), half, nullptr));
    Owned<BIGNUM> sv(BN_bin2bn(bytes(raw) + half, half, nullptr));
    Owned<ECDSA_SIG> sig(ECDSA_SIG_new());
    if (!r || !sv || !sig || !ECDSA_SIG_set0(sig.get(), r.get(), sv.get()))
        opensslFailed("ECDSA_SIG_set0");
    r.release(); // owned by sig now
    sv.release();
    return toDer(sig.get(), i2d_ECDSA_SIG);
}

// A verification context set up exactly as the signature will be made; OpenSSL
// then encodes the AlgorithmIdentifier and checks signatures from the same setup.
Owned<EVP_MD_CTX> verifyContext(const PublicKey &key, const SignatureScheme &scheme, bool pss, bool eddsa)
{
    Owned<EVP_MD_CTX> ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX *pctx = nullptr;
    if (!ctx)
        opensslFailed("EVP_MD_CTX_new");
    ensure(EVP_DigestVerifyInit(ctx.get(), &pctx, eddsa ? nullptr : evpMd(scheme.digest), nullptr, key.get()),
           "EVP_DigestVerifyInit");
    if (pss) {
        ensure(EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING), "EVP_PKEY_CTX_set_rsa_padding");
        ensure(EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST), "EVP_PKEY_CTX_set_rsa_pss_saltlen");
        ensure(EVP_PKEY_CTX_set_rsa_mgf1_md(pctx, evpMd(scheme.digest)), "EVP_PKEY_CTX_set_rsa_mgf1_md");
    }
    return ctx;
}

QByteArray algorithmIdentifierOf(EVP_MD_CTX *ctx)
{
    unsigned char buf[256];
    OSSL_PARAM params[] = {OSSL_PARAM_construct_octet_string(OSSL_SIGNATURE_PARAM_ALGORITHM_ID, buf, sizeof buf),
                           OSSL_PARAM_construct_end()};
    ensure(EVP_PKEY_CTX_get_params(EVP_MD_CTX_get_pkey_ctx(ctx), params), "OSSL_SIGNATURE_PARAM_ALGORITHM_ID");
    if (params[0].return_size == 0 || params[0].return_size > sizeof buf)
        opensslFailed("OSSL_SIGNATURE_PARAM_ALGORITHM_ID");
    return QByteArray(reinterpret_cast<const char *>(buf), qsizetype(params[0].return_size));
}
} // namespace

TokenSigner::TokenSigner(Session &session, const CK_TOKEN_INFO &token, const TokenKey &key, SignatureScheme scheme)
    : m_session(session), m_protectedPath(token.flags & CKF_PROTECTED_AUTHENTICATION_PATH), m_key(key),
      m_scheme(scheme)
{
    if (m_key.publicKey.isNull())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                Tr::tr("The public key of “%1” is not on the token (no public-key object or certificate "
                                   "with its ID), so its signatures cannot be checked. Run the token health check.")
                                    .arg(m_key.label()));
    std::vector<MechanismInfo> mechs;
    try {
        mechs = Scanner::readMechanisms(session.module(), session.slot());
    } catch (const Pkcs11Error &e) {
        qCInfo(lcKeys) << "mechanism list unavailable, assuming the basic mechanisms:" << e.what();
    }
    auto has = [&](CK_MECHANISM_TYPE t) {
        return std::any_of(mechs.begin(), mechs.end(), [t](const MechanismInfo &m) {
            return m.type == t && (m.info.flags == 0 || (m.info.flags & CKF_SIGN));
        });
    };
    const DigestMechs dm = digestMechs(scheme.digest);
    const QString keyName = m_key.publicKey.description();
    switch (m_key.publicKey.algorithm()) {
    case PublicKey::Algorithm::Rsa:
        m_kind = scheme.rsaPss ? Kind::RsaPss : Kind::RsaPkcs1;
        if (scheme.rsaPss) {
            m_hashOnHost = !has(dm.rsaPss);
            m_mechanism = m_hashOnHost ? CKM_RSA_PKCS_PSS : dm.rsaPss;
        } else {
            m_hashOnHost = !has(dm.rsaPkcs);
            m_mechanism = m_hashOnHost ? CKM_RSA_PKCS : dm.rsaPkcs;
        }
        break;
    case PublicKey::Algorithm::Ec:
        if (scheme.rsaPss)
            throw KeyOperationError(KeyOperationError::Kind::InvalidInput, Tr::tr("RSA-PSS needs an RSA key."));
        m_kind = Kind::Ecdsa;
        m_mechanism = CKM_ECDSA;
        m_hashOnHost = true;
        break;
    case PublicKey::Algorithm::Ed25519:
        if (scheme.rsaPss)
            throw KeyOperationError(KeyOperationError::Kind::InvalidInput, Tr::tr("RSA-PSS needs an RSA key."));
        m_kind = Kind::EdDsa;
        m_mechanism = CKM_EDDSA;
        break;
    default:
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("TokenDesk cannot sign with %1 keys.").arg(keyName));
    }
    if (!mechs.empty() && !has(m_mechanism))
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("This token cannot sign with %1 using %2.").arg(keyName, ckmName(m_mechanism)));

    Owned<EVP_MD_CTX> ctx = verifyContext(m_key.publicKey, m_scheme, m_kind == Kind::RsaPss, m_kind == Kind::EdDsa);
    m_algorithmId = algorithmIdentifierOf(ctx.get());
}

void TokenSigner::contextLogin()
{
    Module &m = m_session.module();
    CK_RV rv;
    if (m_contextPin) {
        rv = P11CALL(m, C_Login, m_session.handle(), CKU_CONTEXT_SPECIFIC, m_contextPin->data(), m_contextPin->size());
        m_contextPin.reset(); // for this one signature only (SecureBytes wipes itself)
    } else {
        rv = P11CALL(m, C_Login, m_session.handle(), CKU_CONTEXT_SPECIFIC, nullptr, 0); // PIN pad
    }
    if (rv != CKR_OK) {
        // C_Sign ends the active operation on any failure other than a length query;
        // without it the next C_SignInit would find CKR_OPERATION_ACTIVE.
        CK_BYTE dummy[8];
        CK_BYTE out[1024];
        CK_ULONG len = sizeof out;
        P11CALL(m, C_Sign, m_session.handle(), dummy, sizeof dummy, out, &len);
        throw Pkcs11Error("C_Login", rv);
    }
}

QByteArray TokenSigner::tokenSign(const QByteArray &input, CK_MECHANISM &mech)
{
    Module &m = m_session.module();
    if (m_key.alwaysAuthenticate() && !m_contextPin && !m_protectedPath)
        throw KeyOperationError(KeyOperationError::Kind::ContextPinRequired,
                                Tr::tr("The key “%1” asks for the PIN again for every signature. Enter the PIN to sign.")
                                    .arg(m_key.label()));
    check(P11CALL(m, C_SignInit, m_session.handle(), &mech, m_key.privateKey.handle), "C_SignInit");
    if (m_key.alwaysAuthenticate())
        contextLogin();
    // Enough for RSA-8192 and every curve; the token says so if it needs more
    // (CKR_BUFFER_TOO_SMALL keeps the operation active).
    QByteArray sig(1024, Qt::Uninitialized);
    CK_ULONG len = CK_ULONG(sig.size());
    auto *in = reinterpret_cast<CK_BYTE_PTR>(const_cast<char *>(input.constData()));
    CK_RV rv = P11CALL(m, C_Sign, m_session.handle(), in, CK_ULONG(input.size()),
                       reinterpret_cast<CK_BYTE_PTR>(sig.data()), &len);
    if (rv == CKR_BUFFER_TOO_SMALL) {
        checkCount(m, "C_Sign", len, ModuleLimits::kMaxSignature);
        sig.resize(qsizetype(len));
        len = CK_ULONG(sig.size());
        rv = P11CALL(m, C_Sign, m_session.handle(), in, CK_ULONG(input.size()),
                     reinterpret_cast<CK_BYTE_PTR>(sig.data()), &len);
    }
    check(rv, "C_Sign");
    checkCount(m, "C_Sign", len, CK_ULONG(sig.size())); // never more than the buffer it was given
    sig.resize(qsizetype(len));
    return sig;
}

QByteArray TokenSigner::sign(const QByteArray &data)
{
    const DigestMechs dm = digestMechs(m_scheme.digest);
    CK_MECHANISM mech{m_mechanism, nullptr, 0};
    CK_RSA_PKCS_PSS_PARAMS pss{dm.hash, dm.mgf, dm.length};
    QByteArray input = data;
    QByteArray signature;
    switch (m_kind) {
    case Kind::RsaPkcs1:
        if (m_hashOnHost)
            input = digestInfoPrefix(m_scheme.digest) + digest(m_scheme.digest, data);
        signature = tokenSign(input, mech);
        break;
    case Kind::RsaPss:
        mech.pParameter = &pss;
        mech.ulParameterLen = sizeof pss;
        if (m_hashOnHost)
            input = digest(m_scheme.digest, data);
        signature = tokenSign(input, mech);
        break;
    case Kind::Ecdsa: {
        input = digest(m_scheme.digest, data);
        // ECDSA uses the leftmost order-size bits of the digest. Tokens disagree on
        // whether they truncate a longer digest themselves; doing it here works
        // everywhere (whole bytes suffice: no supported curve whose order bits are
        // fewer than the digest's is off a byte boundary).
        const int orderBytes = (m_key.publicKey.bits() + 7) / 8;
        if (input.size() > orderBytes && m_key.publicKey.bits() % 8 == 0)
            input.truncate(orderBytes);
        signature = ecdsaRawToDer(tokenSign(input, mech));
        break;
    }
    case Kind::EdDsa: signature = tokenSign(data, mech); break;
    }
    if (!verify(data, signature))
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The token's signature does not verify with the public key of “%1”: the key and "
                                   "its public key or certificate do not belong together.")
                                    .arg(m_key.label()));
    return signature;
}

bool TokenSigner::verify(const QByteArray &data, const QByteArray &signature) const
{
    Owned<EVP_MD_CTX> ctx = verifyContext(m_key.publicKey, m_scheme, m_kind == Kind::RsaPss, m_kind == Kind::EdDsa);
    const int ok = EVP_DigestVerify(ctx.get(), bytes(signature), std::size_t(signature.size()), bytes(data),
                                    std::size_t(data.size()));
    clearErrors();
    return ok == 1;
}
