// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/dkeksharejobs.h"

#include <QFutureWatcher>
#include <QWizardPage>

struct DkekCreateState;
class QLabel;
class QProgressBar;
class QPushButton;

// Runs the key derivation and writes the file on a worker thread, with a
// progress bar and Cancel. Going Back or cancelling the wizard stops the
// worker; it then removes anything it wrote. On success the wizard moves on by
// itself, and there is no way back: the file exists.
class DkekDerivationPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DkekDerivationPage(DkekCreateState *state, QWidget *parent = nullptr);
    ~DkekDerivationPage() override;

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    int nextId() const override;

    bool isRunning() const;
    // Asks the worker to stop; workerStopped() follows when it has.
    void cancel();

Q_SIGNALS:
    void created();
    void workerStopped();

private:
    void start();
    void finished();

    DkekCreateState *m_state;
    QFutureWatcher<CreateShareResult> m_watcher;
    QProgressBar *m_progress;
    QLabel *m_status;
    QPushButton *m_stop;
    bool m_done = false;
};
