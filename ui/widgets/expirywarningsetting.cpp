// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/expirywarningsetting.h"

#include <QInputDialog>
#include <QSettings>

#include <algorithm>

namespace {
const QString kKey = QStringLiteral("view/expiryWarningDays");
}

int ExpiryWarningSetting::load(const QSettings &settings)
{
    bool ok = false;
    const int days = settings.value(kKey, kDefaultDays).toInt(&ok);
    // A hand-edited or broken value falls back to the default rather than 0 (no warnings at all).
    return ok && days >= 1 ? std::min(days, kMaxDays) : kDefaultDays;
}

void ExpiryWarningSetting::save(QSettings &settings, int days)
{
    settings.setValue(kKey, std::clamp(days, 1, kMaxDays));
}

QInputDialog *ExpiryWarningSetting::dialog(int current, QWidget *parent)
{
    auto *d = new QInputDialog(parent);
    d->setAttribute(Qt::WA_DeleteOnClose);
    d->setWindowTitle(tr("Expiry warning"));
    d->setInputMode(QInputDialog::IntInput);
    d->setLabelText(tr("Warn about certificates that expire within this many days:"));
    d->setIntRange(1, kMaxDays);
    d->setIntStep(1);
    d->setIntValue(current);
    return d;
}
