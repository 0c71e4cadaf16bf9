// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QSpinBox;
class SchsmInitializeWizard;
class SchsmSecretPair;

// The user PIN (6-15 characters, twice), its retry counter (1-10) and the PIN
// options: whether the SO-PIN may reset it, and the transport PIN mode.
class SchsmUserPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmUserPinPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void bind();
    QString problem(bool withMismatch) const;

    SchsmInitializeWizard *m_wizard;
    SchsmSecretPair *m_pins;
    QSpinBox *m_retry;
    QCheckBox *m_soMayReset;
    QCheckBox *m_transport;
    QLabel *m_message;
};
