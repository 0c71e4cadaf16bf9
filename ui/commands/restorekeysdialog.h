// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "p11/securebytes.h"
#include "schsm/keybackupfile.h"
#include "schsm/schsmkeyrestore.h"

#include <optional>
#include <vector>

class QFormLayout;
class QLabel;
class QLineEdit;
class QTreeWidget;
class SchsmJobs;
class SecretEdit;

// "Restore key…" (issue 13): backup files in sc-hsm-tool --wrap-key's format (TokenDesk's
// own backups are the same) into a SmartCard-HSM. Before anything is sent each file is parsed
// and checked against the device (its DKEK check value, what the device holds under its
// CKA_ID), and the list shows label, CKA_ID, algorithm and whether a certificate comes along.
// A key or certificate with the same CKA_ID is replaced only after the user typed its name;
// otherwise, and whenever a file fails a check, nothing is written. The user PIN is sent once
// (SchsmJobs::restoreKeys, on the reader's worker) and never retried. While the device works
// the dialog cannot be closed; when the job ends it emits deviceChanged() whatever the outcome.
class RestoreKeysDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    RestoreKeysDialog(Inventory &inventory, TokenRef token, SchsmJobs &jobs, QString reader, QString slotDescription,
                      QWidget *parent = nullptr);
    ~RestoreKeysDialog() override;

    // The chosen backup files (what "Choose files…" sets); reads the device again.
    void setFiles(const QStringList &paths);
    QTreeWidget *fileList() const { return m_files; }
    QLabel *replaceText() const { return m_replaceText; }
    QLineEdit *confirmEdit() const { return m_confirm; }
    SecretEdit *pinEdit() const { return m_pin; }
    QPushButton *restoreButton() const { return m_restore; }
    // The device has been read for the current files (tests wait for it).
    bool deviceRead() const { return m_view.has_value(); }

Q_SIGNALS:
    // The job on the device in reader ended (the card was reset): re-read it.
    void deviceChanged(const QString &reader);
    // The device was read for the current files (the rows say what the checks found).
    void checked();

private:
    struct Entry {
        QString path;
        QByteArray bytes;
        std::optional<KeyBackupFile> file;
        QString problem; // why it cannot be restored; empty when it can
        std::vector<SchsmDeviceObject> present; // what the device holds under its CKA_ID
    };
    void chooseFiles();
    void readDevice();
    void updateChecks();
    void updateButton();
    QString confirmProblem() const;
    void start();
    void restore();
    void finish(bool ok);

    SchsmJobs &m_jobs;
    QString m_reader;
    QString m_slotDescription;
    std::vector<Entry> m_entries;
    std::optional<SchsmRestoreView> m_view;
    QString m_readError;
    int m_reads = 0; // the read that counts is the last one started
    QTreeWidget *m_files;
    QFormLayout *m_form = nullptr;
    QLabel *m_replaceText;
    QLineEdit *m_confirm;
    SecretEdit *m_pin;
    QPushButton *m_restore;
    SecureBytes m_userPin; // the running job's PIN, wiped when it ends
};
