// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/certificateinfo.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>

// What a help-desk person asks of a certificate at a glance: who it is for and
// when it expires. Shared by the tree, the detail pane and --list.
struct CertificateSummary {
    Q_DECLARE_TR_FUNCTIONS(CertificateSummary)
public:
    QString name;                 // the most telling name (see tellingName)
    QDateTime notAfter;           // UTC
    CertificateValidity validity = CertificateValidity::Valid;
    qint64 secondsLeft = 0;       // until notAfter; negative once expired
    QString expiryPhrase;         // "expires in 12 days", "expired 3 days ago", "not valid before …"

    // now: injected (tests, "check again tomorrow"); warningDays: the setting (default 30).
    static CertificateSummary of(const CertificateInfo &cert, const QDateTime &now, int warningDays = 30);
    // The subject's common name; else the first e-mail, UPN or DNS name of the
    // subject alternative names; else the subject's organization; else the
    // whole subject; "(no subject)" for an empty one.
    static QString tellingName(const CertificateInfo &cert);
    // Whole days left (rounded down), negative once expired: what --expiring-within compares.
    qint64 daysLeft() const;
    // Language-neutral, for JSON and CSV: "valid", "expiring-soon", "expired", "not-yet-valid".
    QString validityCode() const;
    // Expired or expiring within warningDays: what deserves a badge.
    bool needsAttention() const
    {
        return validity == CertificateValidity::Expired || validity == CertificateValidity::ExpiringSoon;
    }
};
