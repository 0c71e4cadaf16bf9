// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizard>

// The base of every wizard that writes to a token. A token job that was started is
// never abandoned: while it runs, Escape, the window's close button, Cancel, Back and
// Finish do nothing but say why (a running PKCS#11 call cannot be interrupted), and once
// the write happened Back stays off, so the form cannot be sent a second time. Pages
// call beginJob() before submitting and endJob() in every continuation (.then,
// .onFailed, .onCanceled); endJob(true) marks that something was written. Make the page
// whose Next starts the write a commit page (QWizardPage::setCommitPage): Qt then keeps
// Back off on every later page, which QWizard's own button updates cannot undo.
class TokenJobWizard : public QWizard {
    Q_OBJECT
public:
    explicit TokenJobWizard(QWidget *parent = nullptr);

    bool isJobRunning() const { return m_running; }
    bool hasWritten() const { return m_written; }

    void beginJob();
    void endJob(bool wrote);

    void reject() override;
    void done(int result) override;

Q_SIGNALS:
    // A close was refused because a job runs (for a status line and for tests).
    void closeRefused(const QString &why);
    // A job started (the main window marks the token busy until jobEnded).
    void jobStarted();
    // The job ended; whatever it wrote should be read back into the tree now.
    void jobEnded(bool wrote);

private:
    void updateButtons();
    bool refuseWhileRunning();

    bool m_running = false;
    bool m_written = false;
};
