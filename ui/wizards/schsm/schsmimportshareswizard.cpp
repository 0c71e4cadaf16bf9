// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmimportshareswizard.h"

#include "wizards/schsm/schsmimportprogresspage.h"
#include "wizards/schsm/schsmimportresultpage.h"
#include "wizards/schsm/schsmsharespage.h"

SchsmImportSharesWizard::SchsmImportSharesWizard(SchsmJobs &jobs, const QString &reader, const SchsmStatus &status,
                                                 QWidget *parent)
    : TokenJobWizard(parent), m_jobs(jobs)
{
    setObjectName(QStringLiteral("schsmImportSharesWizard"));
    setWindowTitle(tr("Import DKEK Shares"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnLastPage, true);
    setOption(QWizard::NoCancelButtonOnLastPage, true);
    m_state.reader = reader;
    m_state.status = status;
    m_shares = new SchsmSharesPage(this);
    setPage(SharesPageId, m_shares);
    setPage(ProgressPageId, new SchsmImportProgressPage(this));
    setPage(ResultPageId, new SchsmImportResultPage(this));
    setStartId(SharesPageId);
    resize(760, 600);
}

SchsmImportSharesWizard::~SchsmImportSharesWizard() { m_shares->stopOpening(); }

void SchsmImportSharesWizard::done(int result)
{
    if (!isJobRunning()) {
        m_shares->stopOpening();
        m_state.shares.clear(); // the last references to the shares: wiped now
    }
    TokenJobWizard::done(result);
}
