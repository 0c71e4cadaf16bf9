// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "lifecycle/pinchangeparams.h"

#include <QDialog>

#include <exception>

class Inventory;
class SecretEdit;
class PinStatusLabel;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;

// Change the user PIN, change the SO-PIN, or unblock (set) the user PIN with the
// SO-PIN. Shows the PIN state before anything is typed; on "final try" the user
// must tick a confirmation; a locked user PIN offers the unblock flow instead,
// a locked SO-PIN offers initialization. With a PIN pad (protected
// authentication path) there are no PIN fields. The work runs on the token's
// worker; after a failure the dialog re-reads the token and shows the new state.
// A PIN is sent once per click — never retried — and the fields are emptied
// when the job starts and when the dialog closes. Use open() or exec().
class ChangePinDialog : public QDialog {
    Q_OBJECT
public:
    ChangePinDialog(Inventory &inventory, const TokenRef &token, const TokenSnapshot &snapshot, PinChangeMode mode,
                    QWidget *parent = nullptr);
    ~ChangePinDialog() override;

    PinChangeMode mode() const { return m_mode; }
    // Switches the dialog to another operation (e.g. User → Unblock on a locked PIN).
    void setMode(PinChangeMode mode);
    bool isBusy() const { return m_busy; }
    bool succeeded() const { return m_succeeded; }
    // The token as last read (after a failed attempt: with its new PIN flags).
    const TokenSnapshot &snapshot() const { return m_snapshot; }
    const TokenRef &tokenRef() const { return m_ref; }

Q_SIGNALS:
    // The token's PINs or flags changed (success, or a failed try counted): refresh the tree.
    void tokenChanged(const TokenRef &token);
    // The operation succeeded.
    void pinChanged(const TokenRef &token);
    // The SO-PIN is locked; the user chose to initialize the token instead.
    void initializeRequested(const TokenRef &token);

protected:
    void done(int r) override;

private:
    void applyMode();
    void updateState();
    PinChangeParams currentParams() const;
    void start();
    void finished(std::exception_ptr failure);
    void showOutcome(std::exception_ptr failure);
    void setBusy(bool busy);
    void wipeFields();
    void growToFit();

    Inventory &m_inventory;
    TokenRef m_ref;
    TokenSnapshot m_snapshot;
    PinChangeMode m_mode;
    bool m_busy = false;
    bool m_succeeded = false;
    QString m_hintText; // the mode's hint, without what depends on the login state

    QLabel *m_header;
    PinStatusLabel *m_status;
    QLabel *m_currentLabel;
    SecretEdit *m_current;
    QLabel *m_newLabel;
    SecretEdit *m_new;
    QLabel *m_repeatLabel;
    SecretEdit *m_repeat;
    QLabel *m_hint;
    QCheckBox *m_finalTryAck;
    QCheckBox *m_stayLoggedIn;
    QLabel *m_message;
    QLabel *m_error;
    QProgressBar *m_progress;
    QDialogButtonBox *m_buttons;
    QPushButton *m_action;
    QPushButton *m_unblockInstead;
    QPushButton *m_initializeInstead;
};
