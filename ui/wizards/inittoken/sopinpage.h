// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QWizardPage>

class InitTokenWizard;
class SecretEdit;
class PinStatusLabel;
class QCheckBox;
class QLabel;

// The SO-PIN: the current one for a token that has one (C_InitToken checks it,
// and it stays the same), or a new one typed twice for a blank token. Shows
// the SO-PIN's state first; on "final try" a confirmation is required. The current
// SO-PIN is checked here, on Next (one SO login, then logged out and every session
// closed), so a wrong one is found before the label and user PIN are typed.
class SoPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SoPinPage(InitTokenWizard *wizard);

    void initializePage() override;
    void cleanupPage() override;
    bool isComplete() const override;
    bool validatePage() override;

    // The check here or C_InitToken failed because of the SO-PIN: say so, show the
    // token's state as re-read, empty the field.
    void showFailure(const QString &message, const CK_TOKEN_INFO &token);

private:
    void bind();
    void showTokenState();
    void checkSoPin();

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
    QLabel *m_failure;    // what the token said about the last SO-PIN tried
    bool m_checked = false; // the token accepted the SO-PIN now in the field
};
