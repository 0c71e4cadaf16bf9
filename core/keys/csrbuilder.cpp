// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/csrbuilder.h"

#include "keys/csrvalidator.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/ossl_p.h"
#include "keys/requestextensions_p.h"
#include "keys/tokenkey.h"
#include "keys/tokensigner.h"
#include "p11/session.h"
#include "p11/uri.h"

#include <QCoreApplication>

using namespace keysdetail;

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(CsrBuilder) };

QString shellQuote(const QString &s)
{
    QString q = s;
    q.replace(QLatin1Char('\''), QLatin1String("'\\''"));
    return QLatin1Char('\'') + q + QLatin1Char('\'');
}

QString sanPrefix(SubjectAltName::Type t)
{
    switch (t) {
    case SubjectAltName::Type::Email: return QStringLiteral("email");
    case SubjectAltName::Type::IpAddress: return QStringLiteral("IP");
    case SubjectAltName::Type::Uri: return QStringLiteral("URI");
    default: return QStringLiteral("DNS");
    }
}

// Sets the signature of a request whose private key we do not hold (X509_REQ_sign needs it in an EVP_PKEY).
void setSignature(X509_REQ *req, const QByteArray &signature)
{
    ASN1_BIT_STRING *bits = ASN1_BIT_STRING_new();
    if (!bits || !ASN1_BIT_STRING_set(bits, const_cast<unsigned char *>(bytes(signature)), int(signature.size()))) {
        ASN1_BIT_STRING_free(bits);
        opensslFailed("ASN1_BIT_STRING_set");
    }
    // A signature is whole bytes. Without this OpenSSL would derive "unused bits"
    // from trailing zero bits and verifiers would reject the result.
    bits->flags &= ~(ASN1_STRING_FLAG_BITS_LEFT | 0x07);
    bits->flags |= ASN1_STRING_FLAG_BITS_LEFT;
    X509_REQ_set0_signature(req, bits);
}
} // namespace

QString subjectAltNameConf(const QList<SubjectAltName> &names)
{
    QStringList parts;
    for (const SubjectAltName &n : names)
        parts << sanPrefix(n.type) + QLatin1Char(':') + n.value.trimmed();
    return parts.join(QLatin1Char(','));
}

QString opensslReqCommand(const CsrSpec &spec, PublicKey::Algorithm alg, const QString &keyUri, const QString &outFile)
{
    QStringList cmd{QStringLiteral("openssl req -new -engine pkcs11 -keyform engine"),
                    QStringLiteral("-key ") + shellQuote(keyUri),
                    QStringLiteral("-subj ") + shellQuote(spec.subject.openssl())};
    if (alg != PublicKey::Algorithm::Ed25519)
        cmd << QLatin1Char('-') + SignatureScheme::digestName(spec.signature.digest);
    if (spec.signature.rsaPss && alg == PublicKey::Algorithm::Rsa)
        cmd << QStringLiteral("-sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest -sigopt rsa_mgf1_md:")
                + SignatureScheme::digestName(spec.signature.digest);
    if (!spec.altNames.isEmpty())
        cmd << QStringLiteral("-addext ")
                + shellQuote(QStringLiteral("subjectAltName=") + (spec.subject.isEmpty() ? QStringLiteral("critical,") : QString())
                             + subjectAltNameConf(spec.altNames));
    const UsageExtensions usage = spec.usageFor(alg);
    if (!usage.keyUsage.isEmpty())
        cmd << QStringLiteral("-addext ") + shellQuote(QStringLiteral("keyUsage=") + usage.keyUsageConf());
    if (!usage.extendedKeyUsage.isEmpty())
        cmd << QStringLiteral("-addext ")
                + shellQuote(QStringLiteral("extendedKeyUsage=") + usage.extendedKeyUsageConf());
    cmd << QStringLiteral("-out ") + shellQuote(outFile);
    return cmd.join(QLatin1Char(' '));
}

CsrResult createCsr(Session &s, const CK_TOKEN_INFO &token, const QByteArray &keyId, const CsrSpec &spec,
                    std::optional<SecureBytes> contextPin)
{
    const TokenKey key = TokenKey::load(s, token, keyId);
    const PublicKey::Algorithm alg = key.publicKey.algorithm();
    const QString problem = CsrValidator::check(spec, alg);
    if (!problem.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, problem);
    TokenSigner signer(s, token, key, spec.signature);
    signer.setContextPin(std::move(contextPin));

    Owned<X509_REQ> req(X509_REQ_new());
    if (!req)
        opensslFailed("X509_REQ_new");
    ensure(X509_REQ_set_version(req.get(), X509_REQ_VERSION_1), "X509_REQ_set_version");
    const QByteArray nameDer = spec.subject.der();
    const unsigned char *p = bytes(nameDer);
    Owned<X509_NAME> name(d2i_X509_NAME(nullptr, &p, long(nameDer.size())));
    if (!name)
        opensslFailed("d2i_X509_NAME");
    ensure(X509_REQ_set_subject_name(req.get(), name.get()), "X509_REQ_set_subject_name");
    ensure(X509_REQ_set_pubkey(req.get(), key.publicKey.get()), "X509_REQ_set_pubkey");
    Owned<STACK_OF(X509_EXTENSION)> exts = requestExtensions(spec.altNames, spec.usageFor(alg), spec.subject.isEmpty());
    if (sk_X509_EXTENSION_num(exts.get()) > 0)
        ensure(X509_REQ_add_extensions(req.get(), exts.get()), "X509_REQ_add_extensions");

    const QByteArray algId = signer.algorithmIdentifier();
    p = bytes(algId);
    Owned<X509_ALGOR> algor(d2i_X509_ALGOR(nullptr, &p, long(algId.size())));
    if (!algor)
        opensslFailed("d2i_X509_ALGOR");
    ensure(X509_REQ_set1_signature_algo(req.get(), algor.get()), "X509_REQ_set1_signature_algo");

    const QByteArray tbs = toDer(req.get(), i2d_re_X509_REQ_tbs);
    setSignature(req.get(), signer.sign(tbs));

    CsrResult out;
    out.der = toDer(req.get(), i2d_X509_REQ);
    // Check the bytes we hand out, not the structure we built them from.
    p = bytes(out.der);
    Owned<X509_REQ> parsed(d2i_X509_REQ(nullptr, &p, long(out.der.size())));
    if (!parsed || X509_REQ_verify(parsed.get(), key.publicKey.get()) != 1) {
        clearErrors();
        throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                Tr::tr("The request signed by the token does not verify with the key's public key; "
                                   "it was not saved."));
    }
    out.pem = pem(out.der, "CERTIFICATE REQUEST");
    out.subjectRfc4514 = spec.subject.rfc4514();
    out.subjectOpenssl = spec.subject.openssl();
    out.keyId = key.id();
    out.keyUri = Pkcs11Uri::forObject(token, CKO_PRIVATE_KEY, key.id(), key.privateKey.label);
    out.opensslCommand = opensslReqCommand(spec, alg, out.keyUri);
    qCInfo(lcKeys) << "CSR made for key" << key.id().toHex() << out.subjectRfc4514;
    return out;
}
