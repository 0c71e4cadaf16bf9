// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "wizards/dkek/unlockdkeksharedialog.h"
#include "schsm/keybackupcheck.h"

#include <QDialog>
#include <QStringList>

#include <vector>

class DkekSharesList;
class QLabel;
class QPushButton;
class QTableWidget;

// Tools ▸ Check key backups…: SmartCard-HSM key backups (sc-hsm-tool --wrap-key files)
// against the DKEK share files in the safe, without a device. Each share is opened
// with its password or its custodians' shares (UnlockDkekShareDialog through
// DkekShareOpener, the key derivation on a worker); each backup then shows which
// shares open it, the key's algorithm, size or curve, public key fingerprint, label,
// CKA_ID and certificate, or the reason it fails. Never shows private key material.
class CheckKeyBackupsDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { FileColumn, ResultColumn, OpenedByColumn, KeyColumn, FingerprintColumn, LabelColumn, IdColumn,
                  CertificateColumn, ColumnCount };

    explicit CheckKeyBackupsDialog(QWidget *parent = nullptr);
    ~CheckKeyBackupsDialog() override;

    // What the Add buttons do after their file dialogs.
    void addBackupFiles(const QStringList &paths);
    void addShareFiles(const QStringList &paths); // asks for each file's password in turn
    // Opens a share with passwords already known (custodian shares typed elsewhere, tests).
    void openShare(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares);

    int backupCount() const { return int(m_results.size()); }
    const BackupCheckResult &result(int row) const { return m_results.at(std::size_t(row)); }
    int shareCount() const;
    bool isBusy() const;
    // Tests only: fewer key derivation iterations. The UI always uses 10,000,000.
    void setIterationCountForTesting(quint32 iterations);

    void done(int result) override;

Q_SIGNALS:
    void shareOpened(const QString &path);
    void shareFailed(const QString &message);
    void unlockAsked(UnlockDkekShareDialog *dialog);
    void jobStopped();
    void resultsChanged();

private:
    void chooseBackups();
    void removeSelectedBackups();
    void recheck();
    void fillResults();

    QStringList m_paths;
    std::vector<BackupCheckResult> m_results;
    DkekSharesList *m_shares;

    QTableWidget *m_resultsTable;
    QPushButton *m_addBackups;
    QPushButton *m_removeBackups;
    QLabel *m_summary;
};
