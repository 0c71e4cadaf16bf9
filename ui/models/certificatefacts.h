// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/certificatesummary.h"

#include <QDateTime>
#include <QString>

// The little the tree keeps of a decoded certificate: who it is for and when it
// is valid. Decoded once per object when the model receives it; the expiry
// state is worked out from these at display time, so a new warning period or a
// new day needs no decoding.
struct CertificateFacts {
    QString name;        // CertificateSummary::tellingName
    QDateTime notBefore; // UTC
    QDateTime notAfter;  // UTC

    static CertificateFacts of(const CertificateInfo &cert);
    CertificateSummary summaryAt(const QDateTime &now, int warningDays) const;
    bool operator==(const CertificateFacts &) const = default;
};
