// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/tokeninitializer.h"

#include <QFutureWatcher>
#include <QWizardPage>

class InitTokenWizard;
class QLabel;
class QProgressBar;

// Runs C_InitToken + C_InitPIN on the worker and shows its steps. The PINs are
// moved into the job and every field is wiped as it starts. There is no Cancel:
// a running C_InitToken cannot be interrupted, and stopping between the steps
// would leave an erased token without a user PIN. Moves on by itself.
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
