// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "lifecycle/pinrules.h"
#include "p11/securebytes.h"
#include "schsm/schsmstatus.h"

#include <QDialog>

#include <functional>
#include <optional>

class Inventory;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class SecretEdit;
class QRadioButton;
class SchsmJobs;
class SchsmReaderSearch;

// Asks for the PIN after showing the PIN's state (core/lifecycle/pinstatus), so
// nobody types blind into a token with one try left, and logs in itself: one
// C_Login per click, never retried. A wrong PIN keeps the dialog open with the
// token's re-read state, the error and an empty field; it closes (accepted) once
// logged in. While C_Login runs, Escape, the close button and Cancel are refused
// (a running call cannot be interrupted). The PIN leaves the field only as
// SecureBytes, and the field is emptied as soon as it is taken or the dialog closes.
// For a SmartCard-HSM's token the tries left are the device's own (showDeviceTries).
// Use open() or exec().
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    LoginDialog(Inventory &inventory, const TokenRef &ref, const TokenSnapshot &token, QWidget *parent = nullptr);
    ~LoginDialog() override;

    CK_USER_TYPE userType() const;
    bool protectedPath() const { return m_protected; }
    bool isBusy() const { return m_busy; }
    // The token as last read (after a wrong PIN: with its new PIN flags).
    const TokenSnapshot &snapshot() const { return m_token; }

    // If the token is a SmartCard-HSM (its slot names a reader with the device whose serial
    // is the token's): the tries left as the device reports them, in place of the token's
    // flags, which through OpenSC do not tell them. Read now and after every attempt on the
    // reader's worker with a VERIFY without data (no PIN is ever sent to find out); once the
    // reader is found Log in waits for the device's answer, so a last try is not missed.
    void showDeviceTries(SchsmJobs &jobs, SchsmReaderSearch &search, const QString &slotDescription);
    // The device's state as last read; nullopt for other tokens or when it could not be read.
    const std::optional<SchsmStatus> &device() const { return m_device; }
    // Finding the token's reader or reading the device (Log in waits only for the latter).
    bool isReadingDevice() const { return m_lookingUp || m_readingDevice; }

Q_SIGNALS:
    // Logged in as user (the dialog then closes): read the token's objects again.
    void loggedIn(const TokenRef &token, CK_USER_TYPE user);
    // The token's PIN flags changed (a wrong PIN was counted, or a login cleared
    // COUNT_LOW): the tree should re-read the token's state.
    void tokenChanged(const TokenRef &token);
    // A close was refused because C_Login runs (for a status line and for tests).
    void closeRefused(const QString &why);

protected:
    void done(int r) override;

private:
    void updateState();
    void start();
    void failed(std::exception_ptr e);
    void setBusy(bool busy);
    // Reads the device's PIN states again, then calls then (also when the read failed).
    void readDevice(std::function<void()> then);
    // The PIN state of the chosen role as the device reports it; nullopt: use the flags.
    std::optional<PinState> devicePin() const;
    QString errorText(std::exception_ptr e, PinRole role) const;

    Inventory &m_inventory;
    TokenRef m_ref;
    TokenSnapshot m_token;
    bool m_protected;
    bool m_busy = false;
    QLabel *m_status;
    QLabel *m_error;
    SecretEdit *m_pin;
    QRadioButton *m_asUser;
    QRadioButton *m_asSo;
    QCheckBox *m_finalTryAck;
    QDialogButtonBox *m_buttons;
    SchsmJobs *m_jobs = nullptr;
    QString m_slotDescription;
    QString m_reader;                   // the token's SmartCard-HSM reader, once found
    std::optional<SchsmStatus> m_device;
    bool m_lookingUp = false;     // showDeviceTries has not settled yet
    bool m_readingDevice = false; // the device's PIN states are being read
};
