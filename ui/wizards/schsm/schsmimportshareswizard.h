// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/tokenjobwizard.h"
#include "wizards/schsm/schsmimportstate.h"

class SchsmJobs;
class SchsmSharesPage;

// Imports DKEK share files into a SmartCard-HSM: the files are opened with their
// password or their key custodians' shares (UnlockDkekShareDialog, DkekShareJobs),
// each share's check value and the check value the device will report are shown
// before anything is sent, then the shares go in one by one with progress (Stop
// ends the import before the next share) and the device's check value is compared
// with the expected one. Emits deviceChanged() when the import job has ended.
class SchsmImportSharesWizard : public TokenJobWizard {
    Q_OBJECT
public:
    enum PageId { SharesPageId, ProgressPageId, ResultPageId };

    SchsmImportSharesWizard(SchsmJobs &jobs, const QString &reader, const SchsmStatus &status,
                            QWidget *parent = nullptr);
    ~SchsmImportSharesWizard() override;

    SchsmJobs &jobs() { return m_jobs; }
    SchsmImportState &state() { return m_state; }
    const SchsmImportState &state() const { return m_state; }
    SchsmSharesPage *sharesPage() const { return m_shares; }

    void done(int result) override;

Q_SIGNALS:
    void deviceChanged(const QString &reader);

private:
    SchsmJobs &m_jobs;
    SchsmImportState m_state;
    SchsmSharesPage *m_shares = nullptr;
};
