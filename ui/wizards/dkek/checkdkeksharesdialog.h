// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/dkeksharejobs.h"
#include "p11/securebytes.h"

#include <QDialog>
#include <QFutureWatcher>
#include <QStringList>

#include <memory>
#include <vector>

class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;

// Open one or more DKEK share files - each with its password or its key
// custodians' shares - and see each share's KCV and the KCV of the DKEK they
// combine into (XOR, as the device does), before touching a device.
// Construct and open()/exec().
class CheckDkekSharesDialog : public QDialog {
    Q_OBJECT
public:
    explicit CheckDkekSharesDialog(QWidget *parent = nullptr);
    ~CheckDkekSharesDialog() override;

    // Opens a share on a worker thread; the Add button ends here too. passwords: the
    // forms to try (one password, or PasswordSharing::passwordCandidates()).
    void openShare(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares);

    int shareCount() const { return int(m_entries.size()); }
    QString shareKcv(int row) const;
    QString combinedKcv() const; // empty without shares
    bool isBusy() const { return m_jobPending; }
    // Tests only: fewer key derivation iterations. The UI always uses 10,000,000.
    void setIterationCountForTesting(quint32 iterations) { m_iterations = iterations; }

    void done(int result) override;

Q_SIGNALS:
    void shareOpened(const QString &path);
    void shareFailed(const QString &message);
    void jobStopped();

private:
    struct Entry {
        QString path;
        QString method;
        QByteArray kcv;
        std::shared_ptr<const SecureBytes> share;
    };

    void addFiles();
    void promptNext();
    void removeSelected();
    void jobFinished();
    void refresh();
    void setBusy(bool busy);

    std::vector<Entry> m_entries;
    QStringList m_queue; // files picked together, asked for one after another
    QFutureWatcher<OpenShareResult> m_watcher;
    QString m_pendingMethod;
    bool m_jobPending = false; // a job was started and its end not yet handled
    quint32 m_iterations = kDkekShareIterations;

    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
    QLabel *m_count;
    QLabel *m_combined;
    QLineEdit *m_expected;
    QLabel *m_match;
};
