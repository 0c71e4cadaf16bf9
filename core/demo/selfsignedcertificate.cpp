// SPDX-License-Identifier: GPL-3.0-or-later
#include "demo/selfsignedcertificate.h"

#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "x509/publickey.h"

#include <QCoreApplication>

#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>
#include <vector>

namespace {
QString tr(const char *s) { return QCoreApplication::translate("SelfSignedCertificate", s); }

struct OsslFree {
    void operator()(X509 *p) const noexcept { X509_free(p); }
    void operator()(X509_EXTENSION *p) const noexcept { X509_EXTENSION_free(p); }
    void operator()(BIGNUM *p) const noexcept { BN_free(p); }
    void operator()(ECDSA_SIG *p) const noexcept { ECDSA_SIG_free(p); }
    void operator()(ASN1_INTEGER *p) const noexcept { ASN1_INTEGER_free(p); }
};
template <typename T>
using Owned = std::unique_ptr<T, OsslFree>;

[[noreturn]] void opensslFailed(const char *step)
{
    // The queue is per thread and executors are reused: leave nothing behind for the next job.
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    char buf[256] = {};
    if (e)
        ERR_error_string_n(e, buf, sizeof buf);
    throw TokenDeskError(tr("OpenSSL could not build the certificate (%1: %2).")
                             .arg(QLatin1String(step), QString::fromLatin1(buf)));
}

void ensure(int ok, const char *step)
{
    if (ok <= 0)
        opensslFailed(step);
}

template <typename T, typename F>
QByteArray toDer(T *obj, F i2d)
{
    unsigned char *out = nullptr;
    const int n = i2d(obj, &out);
    if (n <= 0)
        opensslFailed("DER encoding");
    QByteArray result(reinterpret_cast<const char *>(out), n);
    OPENSSL_free(out);
    return result;
}

void addName(X509_NAME *name, int nid, const QString &value)
{
    if (value.isEmpty())
        return;
    const QByteArray utf8 = value.toUtf8();
    ensure(X509_NAME_add_entry_by_NID(name, nid, MBSTRING_UTF8,
                                      reinterpret_cast<const unsigned char *>(utf8.constData()), int(utf8.size()),
                                      -1, 0),
           "X509_NAME_add_entry_by_NID");
}

void addExtension(X509 *cert, X509V3_CTX *ctx, int nid, const QString &value)
{
    if (value.isEmpty())
        return;
    const QByteArray v = value.toLatin1();
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, v.constData()));
    if (!ext)
        opensslFailed(OBJ_nid2sn(nid));
    ensure(X509_add_ext(cert, ext.get(), -1), "X509_add_ext");
}

// A random positive 127-bit serial: unique without a counter, as RFC 5280 asks of self-signed issuers too.
Owned<ASN1_INTEGER> randomSerial()
{
    unsigned char bytes[16];
    ensure(RAND_bytes(bytes, sizeof bytes), "RAND_bytes");
    bytes[0] &= 0x7f;
    bytes[0] |= 0x40; // no leading zero byte, so every serial has the same length
    Owned<BIGNUM> bn(BN_bin2bn(bytes, sizeof bytes, nullptr));
    if (!bn)
        opensslFailed("BN_bin2bn");
    Owned<ASN1_INTEGER> serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    if (!serial)
        opensslFailed("BN_to_ASN1_INTEGER");
    return serial;
}

QByteArray tokenSign(Session &s, CK_OBJECT_HANDLE key, CK_MECHANISM_TYPE type, const QByteArray &data)
{
    CK_MECHANISM mech{type, nullptr, 0};
    check(P11CALL(s.module(), C_SignInit, s.handle(), &mech, key), "C_SignInit");
    // Big enough for RSA-8192 and any ECDSA curve: one C_Sign, no separate length query.
    QByteArray sig(1024, Qt::Uninitialized);
    CK_ULONG len = CK_ULONG(sig.size());
    check(P11CALL(s.module(), C_Sign, s.handle(),
                  reinterpret_cast<CK_BYTE_PTR>(const_cast<char *>(data.constData())), CK_ULONG(data.size()),
                  reinterpret_cast<CK_BYTE_PTR>(sig.data()), &len),
          "C_Sign");
    sig.resize(qsizetype(len));
    return sig;
}

// PKCS#11 returns an ECDSA signature as r‖s (each half the order's size); X.509
// wants the DER ECDSA-Sig-Value SEQUENCE { r INTEGER, s INTEGER }.
QByteArray ecdsaRawToDer(const QByteArray &raw)
{
    if (raw.isEmpty() || raw.size() % 2)
        throw TokenDeskError(tr("The token returned an ECDSA signature of unexpected length (%1 bytes).")
                                 .arg(raw.size()));
    const int half = int(raw.size() / 2);
    const auto *p = reinterpret_cast<const unsigned char *>(raw.constData());
    Owned<BIGNUM> r(BN_bin2bn(p, half, nullptr));
    Owned<BIGNUM> sv(BN_bin2bn(p + half, half, nullptr));
    Owned<ECDSA_SIG> sig(ECDSA_SIG_new());
    if (!r || !sv || !sig || !ECDSA_SIG_set0(sig.get(), r.get(), sv.get()))
        opensslFailed("ECDSA_SIG_set0");
    r.release(); // owned by sig now
    sv.release();
    return toDer(sig.get(), i2d_ECDSA_SIG);
}

QByteArray sha256(const QByteArray &data)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    ensure(EVP_Digest(data.constData(), std::size_t(data.size()), md, &len, EVP_sha256(), nullptr), "EVP_Digest");
    return QByteArray(reinterpret_cast<const char *>(md), int(len));
}
} // namespace

SignedCertificate signSelfSignedCertificate(Session &session, CK_OBJECT_HANDLE privateKey, const PublicKey &publicKey,
                                            const SelfSignedSpec &spec)
{
    const bool rsa = publicKey.algorithm() == PublicKey::Algorithm::Rsa;
    if (!rsa && publicKey.algorithm() != PublicKey::Algorithm::Ec)
        throw TokenDeskError(tr("Self-signed certificates can be made for RSA and EC keys only, not for %1 keys.")
                                 .arg(publicKey.algorithmName()));

    Owned<X509> cert(X509_new());
    if (!cert)
        opensslFailed("X509_new");
    X509 *x = cert.get();
    ensure(X509_set_version(x, X509_VERSION_3), "X509_set_version");
    Owned<ASN1_INTEGER> serial = randomSerial();
    ensure(X509_set_serialNumber(x, serial.get()), "X509_set_serialNumber");

    X509_NAME *name = X509_get_subject_name(x);
    addName(name, NID_organizationName, spec.organization);
    addName(name, NID_organizationalUnitName, spec.organizationalUnit);
    addName(name, NID_commonName, spec.commonName);
    ensure(X509_set_issuer_name(x, name), "X509_set_issuer_name");

    // An hour back: a clock that is a little behind must not call a fresh certificate "not yet valid".
    ensure(X509_gmtime_adj(X509_getm_notBefore(x), -3600) != nullptr, "X509_gmtime_adj");
    ensure(X509_time_adj_ex(X509_getm_notAfter(x), spec.validDays, 0, nullptr) != nullptr, "X509_time_adj_ex");
    ensure(X509_set_pubkey(x, publicKey.get()), "X509_set_pubkey");

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    addExtension(x, &ctx, NID_basic_constraints, QStringLiteral("critical,CA:FALSE"));
    addExtension(x, &ctx, NID_key_usage, spec.keyUsage);
    addExtension(x, &ctx, NID_ext_key_usage, spec.extendedKeyUsage);
    addExtension(x, &ctx, NID_subject_key_identifier, QStringLiteral("hash"));
    addExtension(x, &ctx, NID_authority_key_identifier, QStringLiteral("keyid:always"));

    // OpenSSL 3.0 offers no setter for an X509's signature algorithm (only
    // X509_REQ_set1_signature_algo): X509_sign() sets it, but needs the private
    // key in an EVP_PKEY, and ours never leaves the token. So both copies (inside
    // the TBSCertificate and outside it) are set through the getters; they are
    // owned by the X509 and stay valid while it lives.
    const int sigNid = rsa ? NID_sha256WithRSAEncryption : NID_ecdsa_with_SHA256;
    const int paramType = rsa ? V_ASN1_NULL : V_ASN1_UNDEF; // RFC 4055 NULL for RSA, absent for ECDSA (RFC 5758)
    const ASN1_BIT_STRING *sigConst = nullptr;
    const X509_ALGOR *outerConst = nullptr;
    X509_get0_signature(&sigConst, &outerConst, x);
    auto *tbsAlg = const_cast<X509_ALGOR *>(X509_get0_tbs_sigalg(x));
    auto *outerAlg = const_cast<X509_ALGOR *>(outerConst);
    auto *sigBits = const_cast<ASN1_BIT_STRING *>(sigConst);
    ensure(X509_ALGOR_set0(tbsAlg, OBJ_nid2obj(sigNid), paramType, nullptr), "X509_ALGOR_set0");
    ensure(X509_ALGOR_set0(outerAlg, OBJ_nid2obj(sigNid), paramType, nullptr), "X509_ALGOR_set0");

    // i2d_re_X509_tbs re-encodes: the cached encoding predates the algorithm we just set.
    const QByteArray tbs = toDer(x, i2d_re_X509_tbs);
    const QByteArray signature = rsa ? tokenSign(session, privateKey, CKM_SHA256_RSA_PKCS, tbs)
                                     : ecdsaRawToDer(tokenSign(session, privateKey, CKM_ECDSA, sha256(tbs)));
    ensure(ASN1_BIT_STRING_set(sigBits, reinterpret_cast<unsigned char *>(const_cast<char *>(signature.constData())),
                               int(signature.size())),
           "ASN1_BIT_STRING_set");
    // A signature is whole bytes. Without this flag OpenSSL derives "unused bits"
    // from trailing zero bits of the last byte, and verifiers reject the result
    // (ASN1_item_sign sets the same flags for the same reason).
    sigBits->flags &= ~(ASN1_STRING_FLAG_BITS_LEFT | 0x07);
    sigBits->flags |= ASN1_STRING_FLAG_BITS_LEFT;

    SignedCertificate out;
    out.der = toDer(x, i2d_X509);

    // Check the bytes we are about to store, not the struct we built them from.
    const auto *p = reinterpret_cast<const unsigned char *>(out.der.constData());
    Owned<X509> parsed(d2i_X509(nullptr, &p, long(out.der.size())));
    if (!parsed || X509_verify(parsed.get(), publicKey.get()) != 1) {
        ERR_clear_error();
        throw TokenDeskError(tr("The certificate signed by the token does not verify with the token's public key."));
    }
    out.subjectDer = toDer(X509_get_subject_name(parsed.get()), i2d_X509_NAME);
    out.issuerDer = toDer(X509_get_issuer_name(parsed.get()), i2d_X509_NAME);
    out.serialDer = toDer(X509_get0_serialNumber(parsed.get()), i2d_ASN1_INTEGER);
    return out;
}
