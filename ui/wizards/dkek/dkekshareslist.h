// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/dkeksharejobs.h"
#include "p11/securebytes.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

#include <QWidget>

#include <memory>
#include <vector>

class DkekShareOpener;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

// The opened DKEK shares of a dialog that works with several (Check DKEK Shares, Check Key
// Backups): the table (file, opened with, check value), Add Share File… / Remove, and the
// progress, Cancel and status of the share being opened. Files are opened one after the
// other through DkekShareOpener (each its password or custodian shares, the derivation on
// a worker); a share already in the list is reported, not added twice (XOR would cancel it).
class DkekSharesList : public QWidget {
    Q_OBJECT
public:
    struct Entry {
        QString path;
        bool fromCustodianShares = false;
        QByteArray kcv;
        std::shared_ptr<const SecureBytes> share;
    };

    explicit DkekSharesList(QWidget *parent = nullptr);
    ~DkekSharesList() override;

    const std::vector<Entry> &entries() const { return m_entries; }
    // Asks for each file's password in turn (the Add button, after its file dialog).
    void addFiles(const QStringList &paths);
    // Opens with passwords already known (custodian shares typed elsewhere, tests).
    void open(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares);
    // Forgets the files still to come and stops the running derivation (within milliseconds).
    void stop();
    bool isRunning() const; // a derivation runs
    void setIterations(quint32 iterations);

Q_SIGNALS:
    void changed(); // a share was added or removed
    void shareOpened(const QString &path);
    void shareFailed(const QString &message);
    void asking(UnlockDkekShareDialog *dialog);
    void jobStopped();

private:
    void chooseFiles();
    void removeSelected();
    void refresh();
    void setBusy(bool busy);

    std::vector<Entry> m_entries;
    DkekShareOpener *m_opener;
    QTableWidget *m_table;
    QPushButton *m_add;
    QPushButton *m_remove;
    QProgressBar *m_progress;
    QPushButton *m_cancel;
    QLabel *m_status;
};
