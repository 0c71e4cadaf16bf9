// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/schsmdevice.h"

#include <QFutureWatcher>
#include <QWizardPage>

class QLabel;
class QProgressBar;
class QPushButton;
class SchsmImportSharesWizard;

// Sends the shares one by one on the reader's worker. Stop ends the import before
// the next share (a share being sent cannot be interrupted); then the device is
// read again, whatever happened, for the result page.
class SchsmImportProgressPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmImportProgressPage(SchsmImportSharesWizard *wizard);
    void initializePage() override;
    bool isComplete() const override { return m_done; }

private:
    void showProgress(int value);
    void ended();

    SchsmImportSharesWizard *m_wizard;
    QFutureWatcher<DkekImportResult> m_watcher;
    QProgressBar *m_progress;
    QLabel *m_step;
    QPushButton *m_stop;
    bool m_done = false;
};
