// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QProgressBar;
class QVBoxLayout;
class TokenJobWizard;

// The last page of a token job wizard (key generation, certificate request, certificate
// import): a status sentence over a busy bar while the token works, a note under it (why a
// close was refused), then the outcome sentence; the page adds its own result widgets to
// body() under these. The status wraps and can be selected (error codes get copied).
class ResultHeadlinePage : public QWizardPage {
    Q_OBJECT
public:
    explicit ResultHeadlinePage(QWidget *parent = nullptr);
    QString statusText() const;
    // Why a close was refused, shown under the waiting sentence.
    void showNote(const QString &text);

protected:
    // The job runs: this sentence over the busy bar, no note.
    void showWaiting(const QString &status);
    // The job ended: no busy bar, no note, this sentence.
    void showOutcome(const QString &status);
    // Replaces the sentence (after the outcome: "Saved to …").
    void setStatus(const QString &status);
    QVBoxLayout *body() const { return m_layout; }
    TokenJobWizard *jobWizard() const;

private:
    QVBoxLayout *m_layout;
    QLabel *m_status;
    QProgressBar *m_busy;
    QLabel *m_note;
};
