// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/tokeninitializer.h"

#include <QFutureWatcher>
#include <QWizardPage>

class InitTokenWizard;
class QLabel;
class QProgressBar;

// Runs C_InitToken + C_InitPIN on the worker and shows its steps (a TokenJobWizard
// job: no Cancel, Escape, close or Back while it runs; a running C_InitToken cannot
// be interrupted, and stopping between the steps would leave an erased token
// without a user PIN). The job gets copies of the PINs. If C_InitToken refuses the
// SO-PIN, nothing was changed: the wizard goes back to the SO-PIN page and keeps
// everything else. Otherwise every field is wiped and the result page follows.
class InitProgressPage : public QWizardPage {
    Q_OBJECT
public:
    explicit InitProgressPage(InitTokenWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool isRunning() const { return m_running; }

private:
    void start();
    void finish();

    InitTokenWizard *m_wizard;
    QFutureWatcher<InitTokenOutcome> m_watcher;
    QProgressBar *m_progress;
    QLabel *m_step;
    bool m_running = false;
    bool m_done = false;
};
