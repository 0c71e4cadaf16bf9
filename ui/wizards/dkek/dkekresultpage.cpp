// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekresultpage.h"

#include "dkek/dkekerror.h"
#include "dkek/keycheckvalue.h"
#include "wizards/dkek/dkekcreatestate.h"
#include "wizards/dkek/dkekpaperbackup.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QVBoxLayout>

DkekResultPage::DkekResultPage(DkekCreateState *state, QWidget *parent) : QWizardPage(parent), m_state(state)
{
    setTitle(tr("DKEK Share Created"));
    setSubTitle(tr("Note the key check value and make a paper backup."));
    setFinalPage(true);

    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("resultSummary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *kcvCaption = new QLabel(tr("Key check value (KCV) of this share:"));
    m_kcv = new QLabel;
    m_kcv->setObjectName(QStringLiteral("kcvLabel"));
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_kcv->setFont(big);
    m_kcv->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *kcvNote = new QLabel(
        tr("The device shows a KCV after each share is imported; with a single share it equals this one. Use "
           "Check DKEK Shares to see the KCV of several shares combined before importing them."));
    kcvNote->setWordWrap(true);

    m_includeCustodians = new QCheckBox(tr("Include one page per key custodian"));
    m_includeCustodians->setObjectName(QStringLiteral("includeCustodiansCheck"));
    m_includeCustodians->setChecked(true);
    m_custodianWarning = new QLabel(
        tr("The custodian pages together reveal the password. Print them where only their custodian can pick "
           "them up, and do not keep a PDF of them."));
    m_custodianWarning->setWordWrap(true);

    auto *print = new QPushButton(tr("&Print Paper Backup\u2026"));
    print->setObjectName(QStringLiteral("printButton"));
    auto *pdf = new QPushButton(tr("Save Paper Backup as P&DF\u2026"));
    pdf->setObjectName(QStringLiteral("pdfButton"));
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(print);
    buttons->addWidget(pdf);
    buttons->addStretch();

    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("resultStatus"));
    m_status->setWordWrap(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addSpacing(8);
    layout->addWidget(kcvCaption);
    layout->addWidget(m_kcv);
    layout->addWidget(kcvNote);
    layout->addSpacing(12);
    layout->addWidget(m_includeCustodians);
    layout->addWidget(m_custodianWarning);
    layout->addLayout(buttons);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(print, &QPushButton::clicked, this, &DkekResultPage::print);
    connect(pdf, &QPushButton::clicked, this, &DkekResultPage::saveAs);
}

void DkekResultPage::initializePage()
{
    if (!m_state->result)
        return;
    const bool custodians = m_state->custodians.has_value();
    QString how = custodians ? tr("It is protected by a random password split among %1 key custodians; any %2 of "
                                  "them can open it.")
                                   .arg(m_state->custodians->shares.size())
                                   .arg(m_state->custodians->threshold)
                             : tr("It is protected by your password.");
    m_summary->setText(tr("The share was saved to %1 on %2 (readable only by you). %3")
                           .arg(QDir::toNativeSeparators(m_state->result->path),
                                QLocale().toString(m_state->createdAt, QLocale::ShortFormat), how));
    m_kcv->setText(formatKeyCheckValue(m_state->result->kcv));
    m_includeCustodians->setVisible(custodians);
    m_custodianWarning->setVisible(custodians);
    m_status->clear();
}

PaperBackupContent DkekResultPage::content() const
{
    PaperBackupContent c{QFileInfo(m_state->result->path).fileName(), m_state->result->file, m_state->result->kcv,
                         m_state->createdAt, 0, nullptr};
    if (m_state->custodians) {
        c.threshold = m_state->custodians->threshold;
        c.custodians = &m_state->custodians->shares;
    }
    return c;
}

void DkekResultPage::print()
{
    if (!m_state->result)
        return;
    const auto pages = m_includeCustodians->isChecked() ? DkekPaperBackup::Pages::FileAndCustodians
                                                        : DkekPaperBackup::Pages::FileOnly;
    if (DkekPaperBackup::print(this, content(), pages))
        m_status->setText(tr("Sent to the printer."));
}

QString DkekResultPage::savePaperBackup(const QString &path)
{
    if (!m_state->result)
        return tr("There is no share to back up.");
    const auto pages = m_includeCustodians->isChecked() && m_state->custodians
        ? DkekPaperBackup::Pages::FileAndCustodians
        : DkekPaperBackup::Pages::FileOnly;
    try {
        DkekPaperBackup::savePdf(path, content(), pages);
    } catch (const DkekError &e) {
        return e.message();
    }
    return {};
}

void DkekResultPage::saveAs()
{
    if (!m_state->result)
        return;
    const QString suggested = m_state->result->path + QStringLiteral("-backup.pdf");
    const QString path =
        QFileDialog::getSaveFileName(this, tr("Save Paper Backup"), suggested, tr("PDF files (*.pdf)"));
    if (path.isEmpty())
        return;
    const QString problem = savePaperBackup(path);
    m_status->setText(problem.isEmpty() ? tr("Saved %1 (readable only by you).").arg(QDir::toNativeSeparators(path))
                                        : problem);
}
