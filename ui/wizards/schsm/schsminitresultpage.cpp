// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsminitresultpage.h"

#include "schsm/schsmobjects.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmstatushtml.h"

#include <QLabel>
#include <QVBoxLayout>

SchsmInitResultPage::SchsmInitResultPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_headline(new QLabel(this)), m_details(new QLabel(this))
{
    setTitle(tr("Result"));
    setSubTitle(tr("What the device reports now, read back after the initialization."));
    setFinalPage(true);
    m_headline->setObjectName(QStringLiteral("resultHeadline"));
    m_details->setObjectName(QStringLiteral("resultDetails"));
    for (QLabel *l : {m_headline, m_details}) {
        l->setWordWrap(true);
        l->setTextFormat(Qt::RichText);
        l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont big = m_headline->font();
    big.setPointSizeF(big.pointSizeF() * 1.2);
    big.setBold(true);
    m_headline->setFont(big);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_headline);
    v->addSpacing(8);
    v->addWidget(m_details);
    v->addStretch();
}

void SchsmInitResultPage::initializePage()
{
    const SchsmInitState &s = m_wizard->state();
    if (!s.result) {
        m_headline->setText(s.changedDespiteFailure ? tr("The initialization did not complete.")
                                                    : tr("The device was not initialized."));
        QString details = QStringLiteral("<p>") + s.failure.toHtmlEscaped() + QStringLiteral("</p>");
        if (s.statusAfterFailure)
            details += QStringLiteral("<p>") + tr("What the device reports now:") + QStringLiteral("</p>")
                + SchsmStatusHtml::status(*s.statusAfterFailure);
        else
            details += QStringLiteral("<p>") + tr("The device's state could not be read.") + QStringLiteral("</p>");
        m_details->setText(details);
        return;
    }
    const InitializeDeviceResult &r = *s.result;
    m_headline->setText(tr("The device is initialized."));
    QStringList lines;
    if (r.labelWritten)
        lines << tr("OpenSC shows it as “%1”.").arg(SchsmObjects::openScTokenLabel(s.params.label)).toHtmlEscaped();
    if (r.soPinChanged)
        lines << tr("The SO-PIN was changed to the new one.");
    if (r.status.dkek.known && r.status.dkek.total > 0)
        lines << tr("Next, import the %n DKEK share(s) with Import DKEK Shares; until then no key can be backed up.",
                    nullptr, r.status.dkek.outstanding);
    QString details;
    for (const QString &l : lines)
        details += QStringLiteral("<p>") + l + QStringLiteral("</p>");
    m_details->setText(details + SchsmStatusHtml::status(r.status));
}
