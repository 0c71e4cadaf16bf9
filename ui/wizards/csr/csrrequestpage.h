// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/csrspec.h"
#include "wizards/csr/csrkeychoice.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;

// Key, subject, alternative names, usage and digest on one page; the core
// validator (CsrValidator) decides whether Next is enabled and says why not.
class CsrRequestPage : public QWizardPage {
    Q_OBJECT
public:
    CsrRequestPage(std::vector<CsrKeyChoice> keys, const QByteArray &preselectedId, QWidget *parent = nullptr);
    CsrSpec spec() const;
    const CsrKeyChoice *key() const;
    // The chosen key asks for the PIN for every use: a PIN page follows.
    bool needsPin() const { return key() && key()->alwaysAuthenticate; }
    bool isComplete() const override;
    QString validationMessage() const;
    QString rfc4514Preview() const;
    QString opensslPreview() const;

    // Widgets, for tests and keyboard users alike.
    QComboBox *keyBox() const { return m_key; }
    QLineEdit *field(const QString &attribute) const; // "C", "ST", "L", "O", "OU", "CN", "emailAddress"
    QPlainTextEdit *altNamesEdit() const { return m_altNames; }
    QComboBox *usageBox() const { return m_usage; }
    QComboBox *digestBox() const { return m_digest; }
    QCheckBox *pssBox() const { return m_pss; }

private:
    void update();
    // "DNS:host.example" lines → names; *error set for the first bad line.
    QList<SubjectAltName> parseAltNames(QString *error) const;
    std::vector<CsrKeyChoice> m_keys;
    QComboBox *m_key;
    QList<QPair<QString, QLineEdit *>> m_fields;
    QPlainTextEdit *m_altNames;
    QComboBox *m_usage;
    QComboBox *m_digest;
    QCheckBox *m_pss;
    QLabel *m_preview;
    QLabel *m_message;
};
