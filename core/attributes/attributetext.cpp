// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributes/attributetext.h"

#include "attributes/attributecatalog.h"
#include "inventory/p11text.h"
#include "p11/ckrname.h"
#include "x509/ecparams_p.h"
#include "x509/opensslutil_p.h"

#include <QCoreApplication>
#include <QDate>

#include <cstring>
#include <memory>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(AttributeText) };

AttributeKind kindOf(const AttributeValue &a)
{
    const AttributeInfo *info = AttributeCatalog::find(a.type);
    return info ? info->kind : AttributeKind::Bytes;
}

std::optional<CK_ULONG> ulongOf(const QByteArray &v)
{
    if (v.size() != qsizetype(sizeof(CK_ULONG)))
        return std::nullopt;
    CK_ULONG u;
    std::memcpy(&u, v.constData(), sizeof u);
    return u;
}

QString derName(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    x509detail::OsslPtr<X509_NAME> name(d2i_X509_NAME(nullptr, &p, long(der.size())));
    if (!name) {
        x509detail::takeOpensslErrors();
        return {};
    }
    // RFC 4514 without escaping UTF-8 (readable), as the certificate decoder shows names.
    x509detail::OsslPtr<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name.get(), 0, XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB) < 0) {
        x509detail::takeOpensslErrors();
        return {};
    }
    const QString text = x509detail::bioText(bio.get());
    return text.isEmpty() ? Tr::tr("(empty name)") : P11Text::escaped(text);
}

QString derOid(const QByteArray &der)
{
    const auto *p = reinterpret_cast<const unsigned char *>(der.constData());
    x509detail::OsslPtr<ASN1_OBJECT> oid(d2i_ASN1_OBJECT(nullptr, &p, long(der.size())));
    if (!oid) {
        x509detail::takeOpensslErrors();
        return {};
    }
    const QString dotted = x509detail::oidText(oid.get());
    const int nid = OBJ_obj2nid(oid.get());
    return nid == NID_undef ? dotted : QStringLiteral("%1 (%2)").arg(dotted, QString::fromLatin1(OBJ_nid2ln(nid)));
}

QString date(const QByteArray &v)
{
    // CK_DATE: year[4] month[2] day[2], ASCII digits; empty means "not set".
    if (v.isEmpty())
        return Tr::tr("(not set)");
    if (v.size() != 8)
        return {};
    const QDate d = QDate::fromString(QString::fromLatin1(v), QStringLiteral("yyyyMMdd"));
    return d.isValid() ? d.toString(Qt::ISODate) : QString();
}

QString integer(const QByteArray &v)
{
    // Small integers (a public exponent) read better in decimal; big ones by their size.
    if (v.isEmpty())
        return {};
    if (v.size() > 8) {
        const x509detail::OsslPtr<BIGNUM> bn(BN_bin2bn(reinterpret_cast<const unsigned char *>(v.constData()), int(v.size()), nullptr));
        return bn ? Tr::tr("%1-bit integer").arg(BN_num_bits(bn.get())) : QString();
    }
    quint64 n = 0;
    for (char c : v)
        n = (n << 8) | quint8(c);
    return QString::number(n);
}

QString mechanismList(const QByteArray &v)
{
    if (v.size() % qsizetype(sizeof(CK_MECHANISM_TYPE)) != 0)
        return {};
    QStringList names;
    for (qsizetype i = 0; i < v.size(); i += qsizetype(sizeof(CK_MECHANISM_TYPE))) {
        CK_MECHANISM_TYPE m;
        std::memcpy(&m, v.constData() + i, sizeof m);
        names << ckmName(m);
    }
    return names.isEmpty() ? Tr::tr("(none)") : names.join(QStringLiteral(", "));
}

QString text(const QByteArray &v)
{
    if (v.isEmpty())
        return Tr::tr("(empty)");
    // Printable UTF-8 as text (escaped for control and bidi characters); anything else in hex.
    return P11Text::fieldForm(v) == P11Text::FieldForm::Binary ? QString() : P11Text::escaped(QString::fromUtf8(v));
}

QString certificateCategory(CK_ULONG c)
{
    switch (c) {
    case 0: return Tr::tr("unspecified");
    case 1: return Tr::tr("token user");
    case 2: return Tr::tr("authority");
    case 3: return Tr::tr("other entity");
    }
    return {};
}

QString certificateType(CK_ULONG c)
{
    switch (c) {
    case CKC_X_509: return QStringLiteral("CKC_X_509");
    case CKC_X_509_ATTR_CERT: return QStringLiteral("CKC_X_509_ATTR_CERT");
    case CKC_WTLS: return QStringLiteral("CKC_WTLS");
    }
    return QStringLiteral("CKC_0x%1").arg(c, 0, 16);
}

QString decodedValue(AttributeKind kind, const QByteArray &v)
{
    if (kind == AttributeKind::Bool)
        return v.size() == 1 ? (v.at(0) ? QStringLiteral("true") : QStringLiteral("false")) : QString();
    const std::optional<CK_ULONG> u = ulongOf(v);
    switch (kind) {
    case AttributeKind::Ulong:
        // A count or size as the number it is (0 is 0, not "unlimited" as in CK_TOKEN_INFO).
        return !u ? QString() : *u == CK_UNAVAILABLE_INFORMATION ? Tr::tr("unknown") : QString::number(*u);
    case AttributeKind::ObjectClass: return u ? ckoName(*u) : QString();
    case AttributeKind::KeyType: return u ? ckkName(*u) : QString();
    case AttributeKind::CertificateType: return u ? certificateType(*u) : QString();
    case AttributeKind::CertificateCategory: return u ? certificateCategory(*u) : QString();
    case AttributeKind::Mechanism: return u ? ckmName(*u) : QString();
    case AttributeKind::MechanismList: return mechanismList(v);
    case AttributeKind::Date: return date(v);
    case AttributeKind::Text: return text(v);
    case AttributeKind::DerName: return v.isEmpty() ? Tr::tr("(empty)") : derName(v);
    case AttributeKind::DerOid: return v.isEmpty() ? Tr::tr("(empty)") : derOid(v);
    case AttributeKind::EcParams:
        try {
            return x509detail::parseEcParams(v).display;
        } catch (const std::exception &) {
            return {};
        }
    case AttributeKind::Integer: return integer(v);
    default: return {};
    }
}
} // namespace

QString AttributeText::name(const AttributeValue &a) { return AttributeCatalog::name(a.type); }

QString AttributeText::type(const AttributeValue &a)
{
    switch (kindOf(a)) {
    case AttributeKind::Bool: return QStringLiteral("CK_BBOOL");
    case AttributeKind::Ulong: return QStringLiteral("CK_ULONG");
    case AttributeKind::ObjectClass: return QStringLiteral("CK_OBJECT_CLASS");
    case AttributeKind::KeyType: return QStringLiteral("CK_KEY_TYPE");
    case AttributeKind::CertificateType: return QStringLiteral("CK_CERTIFICATE_TYPE");
    case AttributeKind::CertificateCategory: return QStringLiteral("CK_ULONG");
    case AttributeKind::Mechanism: return QStringLiteral("CK_MECHANISM_TYPE");
    case AttributeKind::MechanismList: return QStringLiteral("CK_MECHANISM_TYPE[]");
    case AttributeKind::Date: return QStringLiteral("CK_DATE");
    case AttributeKind::Text: return Tr::tr("UTF-8 string");
    case AttributeKind::DerName: return Tr::tr("DER name");
    case AttributeKind::DerOid: return Tr::tr("DER object identifier");
    case AttributeKind::EcParams: return Tr::tr("DER EC parameters");
    case AttributeKind::Integer: return Tr::tr("big integer");
    case AttributeKind::Template: return QStringLiteral("CK_ATTRIBUTE[]");
    case AttributeKind::Bytes: break;
    }
    return Tr::tr("byte array");
}

QString AttributeText::decoded(const AttributeValue &a)
{
    switch (a.state) {
    case AttributeValue::State::Sensitive: return Tr::tr("(sensitive)");
    case AttributeValue::State::Refused: return Tr::tr("(the module refused it: %1)").arg(QString::fromLatin1(ckrName(a.rv)));
    case AttributeValue::State::Template:
        return a.length % sizeof(CK_ATTRIBUTE) == 0
            ? Tr::tr("template of %n attribute(s)", nullptr, int(a.length / sizeof(CK_ATTRIBUTE)))
            : Tr::tr("template (%1 bytes)").arg(a.length);
    case AttributeValue::State::Value: break;
    }
    return decodedValue(kindOf(a), a.value);
}

QString AttributeText::hex(const AttributeValue &a)
{
    return a.state == AttributeValue::State::Value ? QString::fromLatin1(a.value.toHex(' ')) : QString();
}

QString AttributeText::display(const AttributeValue &a)
{
    const QString d = decoded(a);
    if (!d.isEmpty())
        return d;
    const QString h = hex(a);
    return h.isEmpty() ? Tr::tr("(empty)") : h;
}

QString AttributeText::all(const std::vector<AttributeValue> &attributes)
{
    QStringList lines;
    for (const AttributeValue &a : attributes) {
        QString line = QStringLiteral("%1 (%2): %3").arg(name(a), type(a), display(a));
        const QString d = decoded(a);
        if (!d.isEmpty() && a.state == AttributeValue::State::Value && !a.value.isEmpty()
            && kindOf(a) != AttributeKind::Text)
            line += QStringLiteral(" [%1]").arg(hex(a));
        lines << line;
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}
