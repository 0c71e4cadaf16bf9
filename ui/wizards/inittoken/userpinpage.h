// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class InitTokenWizard;
class SecretEdit;
class QLabel;

// The user PIN, typed twice, set right after C_InitToken (SO login +
// C_InitPIN) so the token comes out ready to use. Checked against the token's
// own PIN length limits.
class UserPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit UserPinPage(InitTokenWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;

private:
    void bind();

    InitTokenWizard *m_wizard;
    QLabel *m_intro;
    QLabel *m_pinLabel;
    SecretEdit *m_pin;
    QLabel *m_repeatLabel;
    SecretEdit *m_repeat;
    QLabel *m_hint;
    QLabel *m_message;
};
