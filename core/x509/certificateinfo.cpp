// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/certificateinfo.h"

QString SubjectAltName::typeName() const
{
    // Labels follow `openssl x509 -text` where it has one, so users can compare.
    switch (type) {
    case Type::Dns: return QStringLiteral("DNS");
    case Type::Email: return QStringLiteral("Email");
    case Type::IpAddress: return QStringLiteral("IP Address");
    case Type::Uri: return QStringLiteral("URI");
    case Type::DirectoryName: return QStringLiteral("DirName");
    case Type::RegisteredId: return QStringLiteral("Registered ID");
    case Type::Upn: return QStringLiteral("UPN");
    case Type::OtherName: return QStringLiteral("Other Name");
    }
    return {};
}

CertificateValidity CertificateInfo::validityAt(const QDateTime &now, int expiryWarningDays) const
{
    // Same inclusive bounds as X509_cmp_time-based verification: valid on notBefore and on notAfter.
    if (now < notBefore)
        return CertificateValidity::NotYetValid;
    if (now > notAfter)
        return CertificateValidity::Expired;
    // Strict, like `openssl x509 -checkend`: a notAfter exactly at the horizon is not "soon".
    if (notAfter < now.addDays(expiryWarningDays))
        return CertificateValidity::ExpiringSoon;
    return CertificateValidity::Valid;
}
