// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QRadioButton;
class SchsmInitializeWizard;
class SchsmSecretPair;

// The device's current SO-PIN: the vendor's documented default (a device fresh
// from the factory: never initialized, or initialized by the vendor and unused
// since, where the default is preselected) or one typed. Shows the tries left;
// the last try needs a tick.
// Next checks the SO-PIN with the device at once (one VERIFY, never retried), so a
// wrong one is known here and not after five pages; on a device never initialized
// the SO-PIN chosen here is the one its initialization sets, so one typed there is
// typed twice (nothing checks it; one typo and nobody knows the device's SO-PIN).
class SchsmSoPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmSoPinPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;
    bool isChecking() const { return m_checking; }
    // After the device refused the SO-PIN: the message, the new tries, the field emptied.
    void showFailure(const QString &message);

private:
    void showDeviceState();
    // Preselects the vendor's default on a device fresh from the factory, until the user chooses.
    void suggestChoice();
    void focusChoice();
    bool looksAsFromTheFactory() const;
    void bind();
    void checkWithDevice();

    SchsmInitializeWizard *m_wizard;
    QLabel *m_status;
    QRadioButton *m_vendorDefault;
    QRadioButton *m_other;
    SchsmSecretPair *m_soPin; // the repeat row only on a device never initialized
    QCheckBox *m_finalTry;
    QLabel *m_message;
    QLabel *m_failure;
    bool m_checking = false; // the device is checking the SO-PIN
    bool m_checked = false;  // the device accepted the SO-PIN as it is now chosen
    bool m_chosen = false;   // the user picked one of the two (or a refused one was dropped)
};
