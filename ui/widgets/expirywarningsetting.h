// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>

class QInputDialog;
class QSettings;
class QWidget;

// The expiry warning period: certificates that expire within this many days get
// the "soon" badge in the tree and a warning in the detail pane. Stored in
// QSettings ("view/expiryWarningDays"), 30 days unless the user changed it.
class ExpiryWarningSetting {
    Q_DECLARE_TR_FUNCTIONS(ExpiryWarningSetting)
public:
    static constexpr int kDefaultDays = 30;
    static constexpr int kMaxDays = 3650;
    static int load(const QSettings &settings);
    static void save(QSettings &settings, int days);
    // The "Expiry warning…" dialog, not yet shown: the caller connects
    // intValueSelected and calls open() (no nested event loop).
    static QInputDialog *dialog(int current, QWidget *parent);
};
