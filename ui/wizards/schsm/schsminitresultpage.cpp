// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsminitresultpage.h"

#include "schsm/schsmobjects.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmstatushtml.h"

SchsmInitResultPage::SchsmInitResultPage(SchsmInitializeWizard *wizard)
    : ReadBackResultPage(tr("Result"),
                         tr("What the device reports now, read back after the initialization.")),
      m_wizard(wizard)
{
}

void SchsmInitResultPage::initializePage()
{
    const SchsmInitState &s = m_wizard->state();
    if (!s.result) {
        setHeadline(s.changedDespiteFailure ? tr("The initialization did not complete.")
                                            : tr("The device was not initialized."));
        QString details = QStringLiteral("<p>") + s.failure.toHtmlEscaped() + QStringLiteral("</p>");
        if (s.statusAfterFailure)
            details += QStringLiteral("<p>") + tr("What the device reports now:") + QStringLiteral("</p>")
                + SchsmStatusHtml::status(*s.statusAfterFailure);
        else
            details += QStringLiteral("<p>") + tr("The device's state could not be read.") + QStringLiteral("</p>");
        setDetails(details);
        return;
    }
    const InitializeDeviceResult &r = *s.result;
    setHeadline(tr("The device is initialized."));
    QStringList lines;
    if (r.labelWritten)
        lines << tr("OpenSC shows it as “%1”.").arg(SchsmObjects::openScTokenLabel(s.params.label)).toHtmlEscaped();
    if (r.soPinChanged)
        lines << tr("The SO-PIN was changed to the new one.");
    if (r.status.dkek.known && r.status.dkek.total > 0)
        lines << tr("Next, import the %n DKEK share(s) with Import DKEK shares… on the device panel; until then no "
                    "key can be backed up. Share files are made with Tools ▸ Create DKEK share….",
                    nullptr, r.status.dkek.outstanding);
    QString details;
    for (const QString &l : lines)
        details += QStringLiteral("<p>") + l + QStringLiteral("</p>");
    setDetails(details + SchsmStatusHtml::status(r.status));
}
