// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "inventory/snapshot.h"
#include "p11/securebytes.h"
#include "schsm/keybackupsave.h"

#include <QDate>
#include <QSet>

#include <vector>

class QLineEdit;
class QMessageBox;
class QTreeWidget;
class SchsmJobs;
class SecretEdit;

// "Back up key…" (issue 13): private keys of a SmartCard-HSM, each wrapped on the device
// under its DKEK (SchsmJobs::backUpKey) and written as one file per key in sc-hsm-tool
// --wrap-key's format, with a side note, owner-only and atomically (KeyBackupSave).
// One user PIN for all; the keys are backed up one after the other and the first
// failure (a wrong PIN above all: each key VERIFYs once, and a second try would spend
// another of the PIN's tries) stops the rest. An existing file is replaced only after the
// user confirmed it by name. The device is reset after each backup, so whatever the
// outcome the dialog emits deviceChanged() when the job ends (the main window then
// re-initializes OpenSC and reads the token again); while the job runs the dialog
// cannot be closed (TokenCommandDialog).
class BackUpKeysDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    // keys: the token's private keys as the tree lists them; checkedId: the one to check
    // (the selected key; empty checks none). slotDescription: the token's slot, to
    // confirm that the card in reader is this token's device before the PIN is sent.
    BackUpKeysDialog(Inventory &inventory, TokenRef token, SchsmJobs &jobs, QString reader, QString slotDescription,
                     std::vector<ObjectInfo> keys, const QByteArray &checkedId, QWidget *parent = nullptr);
    ~BackUpKeysDialog() override;

    QTreeWidget *keyList() const { return m_keys; }
    QLineEdit *folderEdit() const { return m_folder; }
    SecretEdit *pinEdit() const { return m_pin; }
    QPushButton *backUpButton() const { return m_backUp; }
    // The replace question while it is open (tests answer it like a user).
    QMessageBox *replaceQuestion() const { return m_question; }
    // Files written by the last job (the backups, not their notes).
    QStringList writtenFiles() const { return m_written; }
    // The date in the default file names and notes (tests fix it).
    void setDate(const QDate &date);

Q_SIGNALS:
    // The job on the device in reader ended (the card was reset): re-read it.
    void deviceChanged(const QString &reader);

private:
    struct Target {
        ObjectInfo key;
        QString path;
    };
    void updateNames();
    void updateButton();
    std::vector<Target> targets() const;
    void chooseFolder();
    void start();
    void askToReplace(const QStringList &existing);
    void backUpNext(std::size_t index);
    void saveBackup(std::size_t index, const SchsmKeyBackup &backup);
    void finish(bool ok);

    SchsmJobs &m_jobs;
    QString m_reader;
    QString m_slotDescription;
    std::vector<ObjectInfo> m_keyObjects;
    QDate m_date;
    QTreeWidget *m_keys;
    QLineEdit *m_folder;
    SecretEdit *m_pin;
    QPushButton *m_backUp;
    QMessageBox *m_question = nullptr;
    QSet<QString> m_replaceConfirmed; // paths the user agreed to replace
    // The running job: its targets, the PIN (wiped when the job ends), the device serial.
    std::vector<Target> m_running;
    SecureBytes m_userPin;
    QString m_deviceSerial;
    QStringList m_written;
    QList<QPair<QString, QString>> m_results;
};
