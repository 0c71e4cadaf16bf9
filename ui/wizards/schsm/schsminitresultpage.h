// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class SchsmInitializeWizard;

// What happened, and the device's state as read back from it.
class SchsmInitResultPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmInitResultPage(SchsmInitializeWizard *wizard);
    void initializePage() override;

private:
    SchsmInitializeWizard *m_wizard;
    QLabel *m_headline;
    QLabel *m_details;
};
