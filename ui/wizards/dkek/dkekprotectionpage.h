// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

struct DkekCreateState;
class QGroupBox;
class QLabel;
class QLineEdit;
class SecretEdit;
class QProgressBar;
class QRadioButton;
class QSpinBox;

// How the share file is protected: a password typed twice (with a strength
// hint), or a random password split T-of-N among key custodians, compatible
// with sc-hsm-tool --pwd-shares-threshold/--pwd-shares-total.
class DkekProtectionPage : public QWizardPage {
    Q_OBJECT
public:
    explicit DkekProtectionPage(DkekCreateState *state, QWidget *parent = nullptr);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    int nextId() const override;

private:
    void update();
    QString problem() const;

    DkekCreateState *m_state;
    QRadioButton *m_passwordMode;
    QRadioButton *m_custodianMode;
    QGroupBox *m_passwordBox;
    QGroupBox *m_custodianBox;
    SecretEdit *m_password;
    SecretEdit *m_confirm;
    QProgressBar *m_strengthBar;
    QLabel *m_strength;
    QSpinBox *m_threshold;
    QSpinBox *m_total;
    QLabel *m_custodianSummary;
    QLabel *m_problem;
};
