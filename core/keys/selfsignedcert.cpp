// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/selfsignedcert.h"

#include "keys/certificatewriter.h"
#include "keys/csrvalidator.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "keys/ossl_p.h"
#include "keys/requestextensions_p.h"
#include "keys/tokenkey.h"
#include "keys/tokensigner.h"
#include "p11/session.h"
#include "x509/certificatedecoder.h"

#include <QCoreApplication>

#include <openssl/rand.h>

using namespace keysdetail;

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(SelfSignedCertificate) };

// A random positive 127-bit serial: unique without a counter, as RFC 5280 asks of every issuer.
Owned<ASN1_INTEGER> randomSerial()
{
    unsigned char b[16];
    ensure(RAND_bytes(b, sizeof b), "RAND_bytes");
    b[0] &= 0x7f;
    b[0] |= 0x40; // no leading zero byte: every serial has the same length
    Owned<BIGNUM> bn(BN_bin2bn(b, sizeof b, nullptr));
    if (!bn)
        opensslFailed("BN_bin2bn");
    Owned<ASN1_INTEGER> serial(BN_to_ASN1_INTEGER(bn.get(), nullptr));
    if (!serial)
        opensslFailed("BN_to_ASN1_INTEGER");
    return serial;
}

void addConf(X509 *x, X509V3_CTX *ctx, int nid, const char *value)
{
    Owned<X509_EXTENSION> ext(X509V3_EXT_conf_nid(nullptr, ctx, nid, value));
    if (!ext)
        opensslFailed(OBJ_nid2sn(nid));
    ensure(X509_add_ext(x, ext.get(), -1), "X509_add_ext");
}
} // namespace

QString SelfSignedRequest::check(PublicKey::Algorithm alg) const
{
    QString m = CsrValidator::checkSubject(subject, false);
    if (!m.isEmpty())
        return m;
    if (validDays < 1 || validDays > kMaxDays)
        return Tr::tr("The validity must be between 1 and %1 days.").arg(kMaxDays);
    CsrSpec spec;
    spec.subject = subject;
    spec.altNames = altNames;
    spec.usage = usage;
    spec.customUsage = customUsage;
    spec.signature = signature;
    return CsrValidator::check(spec, alg);
}

SelfSignedResult createSelfSignedCertificate(Session &s, const CK_TOKEN_INFO &token, const QByteArray &keyId,
                                             const SelfSignedRequest &request, std::optional<SecureBytes> contextPin)
{
    const TokenKey key = TokenKey::load(s, token, keyId);
    const PublicKey::Algorithm alg = key.publicKey.algorithm();
    const QString problem = request.check(alg);
    if (!problem.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, problem);
    TokenSigner signer(s, token, key, request.signature);
    signer.setContextPin(std::move(contextPin));

    Owned<X509> cert(X509_new());
    if (!cert)
        opensslFailed("X509_new");
    X509 *x = cert.get();
    ensure(X509_set_version(x, X509_VERSION_3), "X509_set_version");
    Owned<ASN1_INTEGER> serial = randomSerial();
    ensure(X509_set_serialNumber(x, serial.get()), "X509_set_serialNumber");
    const QByteArray nameDer = request.subject.der();
    const unsigned char *p = bytes(nameDer);
    Owned<X509_NAME> name(d2i_X509_NAME(nullptr, &p, long(nameDer.size())));
    if (!name)
        opensslFailed("d2i_X509_NAME");
    ensure(X509_set_subject_name(x, name.get()), "X509_set_subject_name");
    ensure(X509_set_issuer_name(x, name.get()), "X509_set_issuer_name");
    // An hour back: a clock that is a little behind must not call a fresh certificate "not yet valid".
    ensure(X509_gmtime_adj(X509_getm_notBefore(x), long(request.notBeforeOffset)) != nullptr, "X509_gmtime_adj");
    ensure(X509_time_adj_ex(X509_getm_notAfter(x), request.validDays, long(request.notBeforeOffset + 3600), nullptr) != nullptr,
           "X509_time_adj_ex");
    ensure(X509_set_pubkey(x, key.publicKey.get()), "X509_set_pubkey");

    X509V3_CTX ctx;
    X509V3_set_ctx(&ctx, x, x, nullptr, nullptr, 0);
    addConf(x, &ctx, NID_basic_constraints, "critical,CA:FALSE");
    UsageExtensions usage = request.usage == UsagePreset::Custom ? request.customUsage
                                                                  : UsageExtensions::forPreset(request.usage, alg);
    Owned<STACK_OF(X509_EXTENSION)> exts = requestExtensions(request.altNames, usage, false);
    for (int i = 0; i < sk_X509_EXTENSION_num(exts.get()); ++i)
        ensure(X509_add_ext(x, sk_X509_EXTENSION_value(exts.get(), i), -1), "X509_add_ext");
    addConf(x, &ctx, NID_subject_key_identifier, "hash");
    addConf(x, &ctx, NID_authority_key_identifier, "keyid:always");

    // OpenSSL 3.0 has no setter for a certificate's signature algorithm (X509_sign
    // sets it, but needs the private key in an EVP_PKEY). Both copies — inside the
    // TBSCertificate and outside — are owned by the X509 and reached through getters.
    const QByteArray algId = signer.algorithmIdentifier();
    p = bytes(algId);
    Owned<X509_ALGOR> algor(d2i_X509_ALGOR(nullptr, &p, long(algId.size())));
    if (!algor)
        opensslFailed("d2i_X509_ALGOR");
    const ASN1_BIT_STRING *sigConst = nullptr;
    const X509_ALGOR *outerConst = nullptr;
    X509_get0_signature(&sigConst, &outerConst, x);
    ensure(X509_ALGOR_copy(const_cast<X509_ALGOR *>(X509_get0_tbs_sigalg(x)), algor.get()), "X509_ALGOR_copy");
    ensure(X509_ALGOR_copy(const_cast<X509_ALGOR *>(outerConst), algor.get()), "X509_ALGOR_copy");

    // i2d_re_X509_tbs re-encodes: the cached encoding predates the algorithm just set.
    const QByteArray signature = signer.sign(toDer(x, i2d_re_X509_tbs));
    auto *sigBits = const_cast<ASN1_BIT_STRING *>(sigConst);
    ensure(ASN1_BIT_STRING_set(sigBits, const_cast<unsigned char *>(bytes(signature)), int(signature.size())),
           "ASN1_BIT_STRING_set");
    // Whole bytes: otherwise OpenSSL derives "unused bits" from trailing zero bits.
    sigBits->flags &= ~(ASN1_STRING_FLAG_BITS_LEFT | 0x07);
    sigBits->flags |= ASN1_STRING_FLAG_BITS_LEFT;

    SelfSignedResult out;
    out.der = toDer(x, i2d_X509);
    // Check the bytes we keep, not the structure they came from.
    p = bytes(out.der);
    Owned<X509> parsed(d2i_X509(nullptr, &p, long(out.der.size())));
    if (!parsed || X509_verify(parsed.get(), key.publicKey.get()) != 1) {
        clearErrors();
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The certificate signed by the token does not verify with the key's public key."));
    }
    out.info = decodeCertificate(out.der);
    if (request.store) {
        ObjectTransaction tx(s);
        CertificateWriter writer(s, token, tx);
        out.uri = writer.write(out.info, key.id(), key.label().isEmpty() ? out.info.commonName : key.label(), 1);
        tx.commit();
    }
    qCInfo(lcKeys) << "self-signed certificate for key" << key.id().toHex() << out.info.subject
                   << (request.store ? "stored" : "not stored");
    return out;
}
