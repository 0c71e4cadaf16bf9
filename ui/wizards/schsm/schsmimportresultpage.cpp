// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmimportresultpage.h"

#include "dkek/keycheckvalue.h"
#include "wizards/schsm/schsmimportshareswizard.h"
#include "wizards/schsm/schsmstatushtml.h"

SchsmImportResultPage::SchsmImportResultPage(SchsmImportSharesWizard *wizard)
    : ReadBackResultPage(tr("Result"),
                         tr("What the device reports now, read back after the import.")),
      m_wizard(wizard)
{
}

QString SchsmImportResultPage::headline() const
{
    const SchsmImportState &s = m_wizard->state();
    // What the device says now decides; the expected check value is the plan's.
    const auto complete = [&s](const DkekState &d) {
        if (!s.plan.expectedKcv.isEmpty() && d.kcv == s.plan.expectedKcv)
            return tr("The DKEK is complete and its check value %1 is the expected one.").arg(formatKeyCheckValue(d.kcv));
        if (!s.plan.expectedKcv.isEmpty())
            return tr("The device's DKEK is not the one these shares make.");
        return tr("The DKEK is complete; the device reports check value %1.").arg(formatKeyCheckValue(d.kcv));
    };
    switch (s.outcome) {
    case SchsmImportState::Outcome::Imported: {
        const DkekImportResult &r = *s.result;
        if (r.status.dkek.complete())
            return complete(r.status.dkek);
        return tr("%n share(s) imported; the device waits for %1 more.", nullptr, r.imported)
            .arg(r.status.dkek.outstanding);
    }
    case SchsmImportState::Outcome::Stopped: {
        if (!s.statusAfter)
            return tr("The import was stopped.");
        if (s.statusAfter->dkek.complete()) // stopped while the last share was on its way
            return complete(s.statusAfter->dkek);
        const int imported = s.statusAfter->dkek.imported() - s.status.dkek.imported();
        return tr("Stopped after %n share(s); the device waits for %1 more.", nullptr, imported)
            .arg(s.statusAfter->dkek.outstanding);
    }
    case SchsmImportState::Outcome::Failed:
        return s.kcvMismatch ? tr("The device's DKEK is not the one these shares make.")
                             : tr("The import did not complete.");
    case SchsmImportState::Outcome::None: break;
    }
    return {};
}

void SchsmImportResultPage::initializePage()
{
    const SchsmImportState &s = m_wizard->state();
    setHeadline(headline().toHtmlEscaped());
    QString details;
    if (!s.failure.isEmpty())
        details += QStringLiteral("<p>") + s.failure.toHtmlEscaped() + QStringLiteral("</p>");
    if (s.outcome != SchsmImportState::Outcome::Failed && s.statusAfter && s.statusAfter->dkek.complete()
        && s.plan.expectedKcv.isEmpty())
        details += QStringLiteral("<p>")
            + tr("Shares were imported before this import, so the check value could not be predicted: compare it "
                 "with the value your key custodians recorded.")
            + QStringLiteral("</p>");
    if (s.statusAfter)
        details += QStringLiteral("<p>") + tr("What the device reports now:") + QStringLiteral("</p>")
            + SchsmStatusHtml::status(*s.statusAfter);
    else
        details += QStringLiteral("<p>") + tr("The device's state could not be read.") + QStringLiteral("</p>");
    setDetails(details);
}
