// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commands/tokencommanddialog.h"
#include "inventory/snapshot.h"
#include "keys/selfsignedcert.h"
#include "wizards/csr/csrkeychoice.h"

#include <optional>

class QComboBox;
class QLabel;
class QLineEdit;
class SecretEdit;
class QPushButton;
class QSpinBox;

// A self-signed certificate for a token key (tests, internal services): subject,
// validity in days and a usage preset. The token signs it (the key never leaves
// it), and it is stored under the key's CKA_ID and label so programs pair them.
// A key marked CKA_ALWAYS_AUTHENTICATE gets a PIN field for this one signature.
class SelfSignedCertificateDialog : public TokenCommandDialog {
    Q_OBJECT
public:
    // object: the private key, or its certificate or public key (same CKA_ID).
    // contents: the token as the tree has it, logged in.
    SelfSignedCertificateDialog(Inventory &inventory, TokenRef token, TokenContents contents, const ObjectInfo &object,
                                QWidget *parent = nullptr);

    SelfSignedRequest request() const;
    QString validationMessage() const;
    const std::optional<SelfSignedResult> &result() const { return m_result; }

    QLineEdit *field(const QString &attribute) const; // "CN", "O", "OU", "C"
    QSpinBox *daysBox() const { return m_days; }
    QComboBox *usageBox() const { return m_usage; }
    SecretEdit *contextPinEdit() const { return m_pin; }
    QPushButton *createButton() const { return m_create; }

protected:
    void done(int r) override;

private:
    void revalidate();
    void run();

    std::optional<CsrKeyChoice> m_key;
    QList<QPair<QString, QLineEdit *>> m_fields;
    QSpinBox *m_days;
    QComboBox *m_usage;
    QComboBox *m_digest;
    SecretEdit *m_pin;
    QLabel *m_preview;
    QPushButton *m_create;
    std::optional<SelfSignedResult> m_result;
};
