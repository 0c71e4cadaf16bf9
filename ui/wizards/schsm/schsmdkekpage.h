// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class QSpinBox;
class SchsmInitializeWizard;

// How many DKEK shares the device expects. 0 means no key can ever be backed up
// or cloned: said plainly, and only with a tick.
class SchsmDkekPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmDkekPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void bind();

    SchsmInitializeWizard *m_wizard;
    QSpinBox *m_shares;
    QLabel *m_explain;
    QCheckBox *m_acceptNone;
    QLabel *m_message;
};
