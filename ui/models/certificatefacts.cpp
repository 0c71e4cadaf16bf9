// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/certificatefacts.h"

CertificateFacts CertificateFacts::of(const CertificateInfo &cert)
{
    return {CertificateSummary::tellingName(cert), cert.notBefore, cert.notAfter};
}

CertificateSummary CertificateFacts::summaryAt(const QDateTime &now, int warningDays) const
{
    // CertificateSummary works on a CertificateInfo; the name is passed as the
    // common name, which tellingName() returns unchanged.
    CertificateInfo c;
    c.commonName = name;
    c.notBefore = notBefore;
    c.notAfter = notAfter;
    return CertificateSummary::of(c, now, warningDays);
}
