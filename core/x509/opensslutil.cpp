// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/opensslutil_p.h"

#include <openssl/err.h>
#include <openssl/objects.h>

#include <QStringList>

namespace x509detail {

QString colonHex(const QByteArray &b)
{
    return QString::fromLatin1(b.toHex(':').toUpper());
}

QString bioText(BIO *bio)
{
    char *data = nullptr;
    const long n = BIO_get_mem_data(bio, &data);
    return n > 0 ? QString::fromUtf8(data, n) : QString();
}

QString asn1StringToQString(const ASN1_STRING *s)
{
    if (!s)
        return {};
    unsigned char *utf8 = nullptr;
    const int n = ASN1_STRING_to_UTF8(&utf8, s);
    if (n < 0) {
        takeOpensslErrors();
        return {};
    }
    const QString result = QString::fromUtf8(reinterpret_cast<const char *>(utf8), n);
    OPENSSL_free(utf8);
    return result;
}

QString oidText(const ASN1_OBJECT *obj)
{
    char buf[128];
    const int n = OBJ_obj2txt(buf, sizeof buf, obj, 1);
    if (n <= 0)
        return {};
    if (n < int(sizeof buf))
        return QString::fromLatin1(buf, n);
    // Longer than any OID seen in practice, but OBJ_obj2txt reports the size it needs.
    QByteArray big(n + 1, '\0');
    OBJ_obj2txt(big.data(), n + 1, obj, 1);
    return QString::fromLatin1(big.constData(), n);
}

QString takeOpensslErrors()
{
    QStringList parts;
    char buf[256];
    while (const unsigned long e = ERR_get_error()) {
        ERR_error_string_n(e, buf, sizeof buf);
        parts << QString::fromLatin1(buf);
    }
    return parts.join(QStringLiteral("; "));
}

QString curveDisplayName(int nid)
{
    const char *sn = OBJ_nid2sn(nid);
    const QString shortName = sn ? QString::fromLatin1(sn) : QString();
    if (const char *nist = EC_curve_nid2nist(nid))
        return QStringLiteral("%1 (%2)").arg(QLatin1String(nist), shortName);
    return shortName;
}

} // namespace x509detail

#include "x509/x509error.h"
#include "x509/x509logging.h"

#include <QCoreApplication>

namespace x509detail {

OsslPtr<X509> parseCertificate(const QByteArray &der, qsizetype *consumed)
{
    const unsigned char *p = bytes(der);
    OsslPtr<X509> cert(der.isEmpty() ? nullptr : d2i_X509(nullptr, &p, long(der.size())));
    if (!cert)
        throw X509Error(X509Error::Kind::InvalidCertificate, Tr::tr("This is not a valid X.509 certificate (DER)."),
                        takeOpensslErrors());
    const qsizetype used = p - bytes(der);
    if (used != der.size()) {
        // Vendor quirk (cards with fixed-size certificate files, e.g. some CardOS and
        // PIV middleware): CKA_VALUE is the whole file, zero/0xFF padded after the DER.
        qCDebug(lcX509) << "certificate followed by" << (der.size() - used)
                       << "trailing bytes; ignoring them (token pads CKA_VALUE)";
    }
    if (consumed)
        *consumed = used;
    return cert;
}

} // namespace x509detail
