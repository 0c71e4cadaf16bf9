// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class SchsmInitializeWizard;

// The device's label, written to EF.TokenInfo where OpenSC reads it (as
// sc-hsm-tool --label does), so OpenSC shows "<label> (UserPIN)".
class SchsmLabelPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmLabelPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void bind();

    SchsmInitializeWizard *m_wizard;
    QLineEdit *m_label;
    QLabel *m_preview;
    QLabel *m_message;
};
