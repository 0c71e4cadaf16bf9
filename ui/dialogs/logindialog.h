// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/securebytes.h"

#include <QDialog>

#include <optional>

class Inventory;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class SecretEdit;
class QRadioButton;

// Asks for the PIN after showing the PIN's state (core/lifecycle/pinstatus), so
// nobody types blind into a token with one try left, and logs in itself: one
// C_Login per click, never retried. A wrong PIN keeps the dialog open with the
// token's re-read state, the error and an empty field; it closes (accepted) once
// logged in. While C_Login runs, Escape, the close button and Cancel are refused
// (a running call cannot be interrupted). The PIN leaves the field only as
// SecureBytes, and the field is emptied as soon as it is taken or the dialog closes.
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
};
