// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/dkeksharejobs.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

#include <QFutureWatcher>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <functional>

class QWidget;

// Opens DKEK share files one after the other, the part the Check DKEK Shares
// dialog and the SmartCard-HSM Import wizard share: the file's size and magic
// are checked before anything is asked; the unlock dialog asks for its password
// or custodian shares and stays open while the key is derived (progress, Cancel
// stops the worker); a wrong password keeps it open with the sentence, the entry
// cleared and the file kept, so the user just types again. A share equal to one
// the owner already has (isDuplicate) is reported, not opened twice.
class DkekShareOpener : public QObject {
    Q_OBJECT
public:
    // dialogParent: the window the unlock dialogs belong to.
    explicit DkekShareOpener(QWidget *dialogParent);
    ~DkekShareOpener() override;

    // Asks for each file in turn (after the one in progress).
    void addFiles(const QStringList &paths);
    // Opens with passwords already known, without a dialog (custodian shares typed elsewhere).
    void open(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares);
    // Forgets the files still to come and stops the running derivation (within milliseconds).
    void stop();

    bool isBusy() const { return m_jobPending || !m_unlock.isNull(); } // a dialog is open or a job runs
    bool isRunning() const { return m_jobPending; }
    void setIterations(quint32 iterations) { m_iterations = iterations; }
    // The owner's rule for "already there" (same check value / same share).
    void setDuplicateCheck(std::function<QString(const OpenShareResult &)> check) { m_duplicate = std::move(check); }

Q_SIGNALS:
    void asking(UnlockDkekShareDialog *dialog);
    // "Opening x.pbe… (10,000,000 key derivation rounds)", for a share opened without an
    // unlock dialog (open()); the dialog says it itself, once.
    void started(const QString &text);
    void progress(int value);          // 0 - DkekShareJobs::kProgressMaximum
    void opened(const OpenShareResult &result, bool fromCustodianShares);
    void failed(const QString &message);
    // The password (or the custodian shares) did not open the file: the unlock dialog
    // shows the sentence and asks again, so the owner need not show it a second time.
    void passwordRefused(const QString &message);
    void busyChanged(bool busy);
    void jobEnded(); // a derivation ended, however

private:
    void promptNext();
    void start(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares);
    void jobFinished();
    void setBusy();

    QWidget *m_parent;
    QStringList m_queue;
    QPointer<UnlockDkekShareDialog> m_unlock; // the dialog of the file being asked for or opened
    QFutureWatcher<OpenShareResult> m_watcher;
    bool m_jobPending = false; // a job was started and its end not yet handled
    bool m_fromCustodians = false;
    bool m_wasBusy = false;
    quint32 m_iterations = kDkekShareIterations;
    std::function<QString(const OpenShareResult &)> m_duplicate;
};
