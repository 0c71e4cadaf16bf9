// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class InitTokenWizard;
class SecretEdit;
class PinStatusLabel;
class QCheckBox;
class QLabel;

// The SO-PIN: the current one for a token that has one (C_InitToken checks it,
// and it stays the same), or a new one typed twice for a blank token. Shows
// the SO-PIN's state first; on "final try" a confirmation is required.
class SoPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SoPinPage(InitTokenWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;

private:
    void bind();

    InitTokenWizard *m_wizard;
    PinStatusLabel *m_status;
    QLabel *m_intro;
    QLabel *m_soLabel;
    SecretEdit *m_so;
    QLabel *m_repeatLabel;
    SecretEdit *m_repeat;
    QLabel *m_hint;
    QCheckBox *m_finalTryAck;
    QLabel *m_message;
};
