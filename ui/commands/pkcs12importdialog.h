// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "inventory/snapshot.h"
#include "keys/pkcs12import.h"

#include <optional>

class QLabel;
class QLineEdit;
class SecretEdit;
class QPushButton;

// Imports a PKCS#12 (.p12/.pfx) file onto the token: the private key (as a
// sensitive, non-extractable token object), its public key, its certificate under
// the same CKA_ID and label, and the chain as CA certificates, in one transaction.
// It says plainly that such a key was made outside the token. A wrong password
// gives its sentence and leaves the token unchanged. The password goes to the
// token's worker as SecureBytes only; the field is cleared when it is taken.
class Pkcs12ImportDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    // contents: the token as the tree has it (its IDs are checked for collisions).
    // file: preset (e.g. dropped on the token); empty: the user picks one.
    Pkcs12ImportDialog(Inventory &inventory, TokenRef token, TokenContents contents, const QString &file = {},
                       QWidget *parent = nullptr);

    QString validationMessage() const;
    const std::optional<Pkcs12ImportResult> &result() const { return m_result; }

    QLineEdit *fileEdit() const { return m_file; }
    SecretEdit *passwordEdit() const { return m_password; }
    QLineEdit *labelEdit() const { return m_label; }
    QLineEdit *idEdit() const { return m_id; }
    QPushButton *importButton() const { return m_import; }

protected:
    void done(int r) override;

private:
    void revalidate();
    void browse();
    void run();

    TokenContents m_contents;
    QLineEdit *m_file;
    SecretEdit *m_password;
    QLineEdit *m_label;
    QLineEdit *m_id;
    QPushButton *m_import;
    std::optional<Pkcs12ImportResult> m_result;
};
