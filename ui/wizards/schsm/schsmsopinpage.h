// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QRadioButton;
class SchsmInitializeWizard;
class SecretEdit;

// The device's current SO-PIN: the vendor's documented default (a device fresh
// from the factory) or one typed. Shows the tries left; the last try needs a tick.
class SchsmSoPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmSoPinPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    // After the device refused the SO-PIN: the message, the new tries, the field emptied.
    void showFailure(const QString &message);

private:
    void showDeviceState();
    void bind();

    SchsmInitializeWizard *m_wizard;
    QLabel *m_status;
    QRadioButton *m_vendorDefault;
    QRadioButton *m_other;
    SecretEdit *m_soPin;
    QCheckBox *m_finalTry;
    QLabel *m_message;
    QLabel *m_failure;
};
