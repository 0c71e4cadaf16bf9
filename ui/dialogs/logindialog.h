// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "p11/securebytes.h"

#include <QDialog>

#include <optional>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class SecretEdit;
class QRadioButton;

// Asks for the PIN after showing the PIN's state, so nobody types blind into a
// token with one try left. The PIN leaves the dialog only as SecureBytes, and
// the line edit is cleared as soon as it is taken or the dialog closes.
class LoginDialog : public QDialog {
    Q_OBJECT
public:
    explicit LoginDialog(const TokenSnapshot &token, QWidget *parent = nullptr);
    ~LoginDialog() override;

    CK_USER_TYPE userType() const;
    // nullopt on a protected authentication path (PIN pad): the reader asks for it.
    std::optional<SecureBytes> takePin();
    bool protectedPath() const { return m_protected; }
    // Shown under the status after a failed attempt (re-read flags included).
    void setError(const QString &message);

protected:
    void done(int r) override;

private:
    void updateState();
    TokenSnapshot m_token;
    bool m_protected;
    QLabel *m_status;
    QLabel *m_error;
    SecretEdit *m_pin;
    QRadioButton *m_asUser;
    QRadioButton *m_asSo;
    QCheckBox *m_finalTryAck;
    QDialogButtonBox *m_buttons;
};
