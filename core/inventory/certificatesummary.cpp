// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/certificatesummary.h"

#include <algorithm>
#include <cctype>
#include <limits>

namespace {
constexpr qint64 kDay = 24 * 60 * 60;

int clampInt(qint64 v) { return int(std::min<qint64>(v, std::numeric_limits<int>::max())); }

bool isHex(QChar c) { return c.unicode() < 128 && std::isxdigit(c.unicode()); }

// An RFC 4514 value without its escapes: "\," is ",", and "\0A" (a hexpair, as OpenSSL
// escapes control characters and bytes) is that byte, runs of them decoded as UTF-8.
QString unescaped(QStringView v)
{
    QString value;
    QByteArray bytes; // hexpairs not yet decoded
    for (qsizetype k = 0; k < v.size(); ++k) {
        if (v[k] == QLatin1Char('\\') && k + 2 < v.size() && isHex(v[k + 1]) && isHex(v[k + 2])) {
            bytes += char(v.mid(k + 1, 2).toInt(nullptr, 16));
            k += 2;
            continue;
        }
        value += QString::fromUtf8(bytes);
        bytes.clear();
        if (v[k] == QLatin1Char('\\') && k + 1 < v.size())
            ++k;
        value += v[k];
    }
    return value + QString::fromUtf8(bytes);
}

// The value of the last attribute `type` in an RFC 4514 string ("CN=a,O=b"),
// honouring backslash escapes; empty when absent.
QString rdnValue(const QString &rfc4514, QStringView type)
{
    QString found;
    qsizetype i = 0;
    while (i < rfc4514.size()) {
        qsizetype end = i;
        bool escaped = false;
        for (; end < rfc4514.size(); ++end) {
            const QChar c = rfc4514.at(end);
            if (escaped)
                escaped = false;
            else if (c == QLatin1Char('\\'))
                escaped = true;
            else if (c == QLatin1Char(',') || c == QLatin1Char('+'))
                break;
        }
        const QStringView part = QStringView(rfc4514).mid(i, end - i);
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0 && part.left(eq).trimmed().compare(type, Qt::CaseInsensitive) == 0) {
            found = unescaped(part.mid(eq + 1));
        }
        i = end + 1;
    }
    return found;
}
} // namespace

QString CertificateSummary::tellingName(const CertificateInfo &cert)
{
    if (!cert.commonName.isEmpty())
        return cert.commonName;
    for (const auto type : {SubjectAltName::Type::Email, SubjectAltName::Type::Upn, SubjectAltName::Type::Dns}) {
        for (const SubjectAltName &san : cert.subjectAltNames) {
            if (san.type == type && !san.value.isEmpty())
                return san.value;
        }
    }
    if (const QString o = rdnValue(cert.subject, u"O"); !o.isEmpty())
        return o;
    if (!cert.subject.isEmpty())
        return cert.subject;
    return tr("(no subject)");
}

qint64 CertificateSummary::daysLeft() const
{
    // Rounded towards minus infinity: 1 second past notAfter is day -1, not day 0.
    return secondsLeft >= 0 ? secondsLeft / kDay : -((-secondsLeft + kDay - 1) / kDay);
}

QString CertificateSummary::validityCode() const
{
    switch (validity) {
    case CertificateValidity::NotYetValid: return QStringLiteral("not-yet-valid");
    case CertificateValidity::ExpiringSoon: return QStringLiteral("expiring-soon");
    case CertificateValidity::Expired: return QStringLiteral("expired");
    case CertificateValidity::Valid: break;
    }
    return QStringLiteral("valid");
}

CertificateSummary CertificateSummary::of(const CertificateInfo &cert, const QDateTime &now, int warningDays)
{
    CertificateSummary s;
    s.name = tellingName(cert);
    s.notAfter = cert.notAfter;
    s.validity = cert.validityAt(now, warningDays);
    s.secondsLeft = now.secsTo(cert.notAfter);
    // ISO dates: unambiguous on the phone between help desk and user, whatever the locale.
    const QString date = cert.notAfter.date().toString(Qt::ISODate);
    switch (s.validity) {
    case CertificateValidity::NotYetValid:
        s.expiryPhrase = tr("not valid before %1").arg(cert.notBefore.date().toString(Qt::ISODate));
        break;
    case CertificateValidity::Expired: {
        const qint64 ago = (-s.secondsLeft) / kDay;
        if (ago == 0)
            s.expiryPhrase = tr("expired less than a day ago (%1)").arg(date);
        else if (ago == 1)
            s.expiryPhrase = tr("expired 1 day ago (%1)").arg(date);
        else
            s.expiryPhrase = tr("expired %n days ago (%1)", nullptr, clampInt(ago)).arg(date);
        break;
    }
    case CertificateValidity::ExpiringSoon:
    case CertificateValidity::Valid: {
        const qint64 left = s.secondsLeft / kDay;
        if (left == 0)
            s.expiryPhrase = tr("expires in less than a day (%1)").arg(date);
        else if (left == 1)
            s.expiryPhrase = tr("expires in 1 day (%1)").arg(date);
        else
            s.expiryPhrase = tr("expires in %n days (%1)", nullptr, clampInt(left)).arg(date);
        break;
    }
    }
    return s;
}
