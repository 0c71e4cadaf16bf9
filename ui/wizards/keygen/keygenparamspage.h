// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "keys/keyalgorithm.h"
#include "keys/keygenspec.h"

#include <QWizardPage>

class QCheckBox;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;

// Binds its widgets to a KeyGenSpec; KeyGenValidator (core) decides isComplete().
class KeyGenParamsPage : public QWizardPage {
    Q_OBJECT
public:
    KeyGenParamsPage(const TokenSnapshot &token, std::vector<QByteArray> existingIds, QWidget *parent = nullptr);
    KeyGenSpec spec() const;
    bool isComplete() const override;
    QString validationMessage() const;
    QString caveatText() const;

    QComboBox *algorithmBox() const { return m_algorithm; }
    QLineEdit *labelEdit() const { return m_label; }
    QLineEdit *idEdit() const { return m_id; }
    QCheckBox *legacyBox() const { return m_legacy; }
    QGroupBox *advancedBox() const { return m_advanced; }
    QCheckBox *privateBox() const { return m_private; }
    QCheckBox *sensitiveBox() const { return m_sensitive; }
    QCheckBox *extractableBox() const { return m_extractable; }
    QCheckBox *alwaysAuthBox() const { return m_alwaysAuth; }
    QCheckBox *signBox() const { return m_sign; }
    QCheckBox *decryptBox() const { return m_decrypt; }
    QCheckBox *unwrapBox() const { return m_unwrap; }
    QCheckBox *deriveBox() const { return m_derive; }

private:
    void algorithmChanged();
    void updateMessage();
    std::vector<KeyAlgorithm> m_offered;
    std::vector<QByteArray> m_existingIds;
    QComboBox *m_algorithm;
    QLineEdit *m_label;
    QLineEdit *m_id;
    QCheckBox *m_legacy;
    QGroupBox *m_advanced;
    QCheckBox *m_private, *m_sensitive, *m_extractable, *m_alwaysAuth, *m_sign, *m_decrypt, *m_unwrap, *m_derive;
    QLabel *m_caveat;
    QLabel *m_message;
};
