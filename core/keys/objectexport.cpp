// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/objectexport.h"

#include "keys/keyoperationerror.h"
#include "keys/ossl_p.h"
#include "keys/tokenkey.h"
#include "keys/tokenobjects.h"
#include "x509/certificatedecoder.h"
#include "x509/x509error.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(ObjectExport) };
} // namespace

QByteArray ObjectExport::certificate(const ObjectInfo &o, Format format)
{
    if (o.cls != CKO_CERTIFICATE)
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, Tr::tr("Only certificates can be exported this way."));
    QByteArray der;
    try {
        der = decodeCertificate(o.attrs.bytes(CKA_VALUE)).der;
    } catch (const X509Error &e) {
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, e.message());
    }
    return format == Format::Der ? der : keysdetail::pem(der, "CERTIFICATE");
}

QByteArray ObjectExport::publicKeyPem(const PublicKey &key)
{
    if (key.isNull())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, Tr::tr("There is no public key to export."));
    return keysdetail::pem(key.subjectPublicKeyInfo(), "PUBLIC KEY");
}

QByteArray ObjectExport::publicKeyPem(const TokenContents &c, const ObjectInfo &o)
{
    PublicKey key = TokenObjects::publicKeyOf(o);
    if (key.isNull() && o.cls == CKO_PRIVATE_KEY)
        key = TokenKey::assemble(o, c.objects).publicKey;
    if (key.isNull())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                Tr::tr("The token holds no public key for %1 (no public-key object or certificate with "
                                   "its ID).").arg(TokenObjects::describe(o)));
    return publicKeyPem(key);
}

QString ObjectExport::suggestedFileName(const ObjectInfo &o, Format format, bool publicKey)
{
    QString base = o.labelText().trimmed();
    if (base.isEmpty())
        base = o.id.isEmpty() ? QStringLiteral("object") : QString::fromLatin1(o.id.toHex());
    // Characters that are path separators or awkward on some file systems.
    for (const QChar c : {QLatin1Char('/'), QLatin1Char('\\'), QLatin1Char(':'), QLatin1Char('*'), QLatin1Char('?'),
                          QLatin1Char('"'), QLatin1Char('<'), QLatin1Char('>'), QLatin1Char('|')})
        base.replace(c, QLatin1Char('_'));
    if (publicKey)
        return base + QStringLiteral(".pub.pem");
    return base + (format == Format::Der ? QStringLiteral(".der") : QStringLiteral(".pem"));
}
