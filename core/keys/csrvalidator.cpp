// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/csrvalidator.h"

#include "keys/ossl_p.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace keysdetail;

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(CsrValidator) };

bool isAscii(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() > 0x7e || c.unicode() < 0x20)
            return false;
    return true;
}

QString tooLong(const QString &field, int limit)
{
    return Tr::tr("%1 is too long: certificates allow at most %2 characters.").arg(field).arg(limit);
}

bool validEmail(const QString &e)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s,]+@[A-Za-z0-9.-]+\\.[A-Za-z0-9-]+$"));
    return isAscii(e) && re.match(e).hasMatch();
}

bool validDns(const QString &d)
{
    // LDH labels; a leading "*." for wildcard names. Internationalized names go in as
    // their punycode ("xn--…") form, which is what certificates carry.
    static const QRegularExpression re(
        QStringLiteral("^(\\*\\.)?([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"));
    return d.size() <= 253 && re.match(d).hasMatch();
}
} // namespace

QString CsrValidator::checkSubject(const SubjectName &s, bool allowEmpty)
{
    if (s.isEmpty() && !allowEmpty)
        return Tr::tr("Fill in at least the common name (CN).");
    const QString c = s.country.trimmed();
    if (!c.isEmpty()) {
        static const QRegularExpression cc(QStringLiteral("^[A-Z]{2}$"));
        if (!cc.match(c).hasMatch())
            return Tr::tr("The country (C) must be a two-letter ISO 3166 code in capitals, such as GB or DE.");
    }
    // RFC 5280 appendix A upper bounds; CAs reject longer values.
    const struct {
        const QString &value;
        const char *name;
        int limit;
    } limits[] = {{s.state, QT_TRANSLATE_NOOP("CsrValidator", "The state or province (ST)"), 128},
                  {s.locality, QT_TRANSLATE_NOOP("CsrValidator", "The locality (L)"), 128},
                  {s.organization, QT_TRANSLATE_NOOP("CsrValidator", "The organization (O)"), 64},
                  {s.organizationalUnit, QT_TRANSLATE_NOOP("CsrValidator", "The organizational unit (OU)"), 64},
                  {s.commonName, QT_TRANSLATE_NOOP("CsrValidator", "The common name (CN)"), 64},
                  {s.emailAddress, QT_TRANSLATE_NOOP("CsrValidator", "The email address"), 255}};
    for (const auto &l : limits)
        if (l.value.trimmed().size() > l.limit)
            return tooLong(Tr::tr(l.name), l.limit);
    const QString email = s.emailAddress.trimmed();
    if (!email.isEmpty() && !validEmail(email))
        return Tr::tr("“%1” is not an email address (name@example.org).").arg(email);
    return {};
}

QString CsrValidator::checkAltName(const SubjectAltName &n)
{
    const QString v = n.value.trimmed();
    if (v.isEmpty())
        return Tr::tr("An alternative name is empty.");
    // Commas cannot be written in the equivalent `openssl req -addext subjectAltName=…`.
    if (v.contains(QLatin1Char(',')))
        return Tr::tr("“%1”: alternative names cannot contain commas.").arg(v);
    switch (n.type) {
    case SubjectAltName::Type::Dns:
        if (!validDns(v))
            return Tr::tr("“%1” is not a DNS name (letters, digits and hyphens; internationalized names in their "
                      "xn-- form; a wildcard only as “*.” at the start).").arg(v);
        return {};
    case SubjectAltName::Type::Email:
        if (!validEmail(v))
            return Tr::tr("“%1” is not an email address (name@example.org).").arg(v);
        return {};
    case SubjectAltName::Type::IpAddress: {
        const QByteArray ip = v.toLatin1();
        Owned<ASN1_OCTET_STRING> parsed(isAscii(v) ? a2i_IPADDRESS(ip.constData()) : nullptr);
        clearErrors();
        if (!parsed)
            return Tr::tr("“%1” is not an IPv4 or IPv6 address.").arg(v);
        return {};
    }
    case SubjectAltName::Type::Uri: {
        static const QRegularExpression re(QStringLiteral("^[A-Za-z][A-Za-z0-9+.-]*:\\S+$"));
        if (!isAscii(v) || !re.match(v).hasMatch())
            return Tr::tr("“%1” is not a URI (it needs a scheme such as https: and no spaces).").arg(v);
        return {};
    }
    default: return Tr::tr("Only DNS names, email addresses, IP addresses and URIs can be requested as alternative names.");
    }
}

QString CsrValidator::checkUsage(const UsageExtensions &u)
{
    for (const QString &k : u.keyUsage)
        if (!UsageExtensions::knownKeyUsages().contains(k))
            return Tr::tr("“%1” is not a key usage.").arg(k);
    static const QRegularExpression oid(QStringLiteral("^[0-2](\\.(0|[1-9][0-9]*))+$"));
    for (const QString &e : u.extendedKeyUsage)
        if (!UsageExtensions::knownExtendedKeyUsages().contains(e) && !oid.match(e).hasMatch())
            return Tr::tr("“%1” is not an extended key usage (a known name or a dotted OID such as 1.3.6.1.5.5.7.3.2).")
                .arg(e);
    return {};
}

QString CsrValidator::checkSignature(const SignatureScheme &scheme, PublicKey::Algorithm alg)
{
    if (scheme.rsaPss && alg != PublicKey::Algorithm::Rsa)
        return Tr::tr("RSA-PSS is only for RSA keys.");
    if (alg != PublicKey::Algorithm::Rsa && alg != PublicKey::Algorithm::Ec && alg != PublicKey::Algorithm::Ed25519)
        return Tr::tr("TokenDesk signs requests with RSA, EC and Ed25519 keys only.");
    return {};
}

QString CsrValidator::check(const CsrSpec &spec, PublicKey::Algorithm alg)
{
    QString m = checkSubject(spec.subject, !spec.altNames.isEmpty());
    if (!m.isEmpty())
        return m;
    for (const SubjectAltName &n : spec.altNames)
        if (!(m = checkAltName(n)).isEmpty())
            return m;
    const UsageExtensions usage = spec.usageFor(alg);
    if (!(m = checkUsage(usage)).isEmpty())
        return m;
    if (alg == PublicKey::Algorithm::Ed25519 || alg == PublicKey::Algorithm::Ec)
        if (usage.keyUsage.contains(QLatin1String("keyEncipherment")) || usage.keyUsage.contains(QLatin1String("dataEncipherment")))
            return Tr::tr("Only RSA keys can encipher; remove keyEncipherment and dataEncipherment.");
    return checkSignature(spec.signature, alg);
}
