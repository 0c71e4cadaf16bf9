// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWizardPage>

class QCheckBox;
class QLabel;
class SchsmInitializeWizard;
class SchsmSecretPair;

// The new SO-PIN, typed twice. On a device never initialized it is the SO-PIN the
// initialization sets; otherwise it replaces the current one right after the
// initialization - required when the current one is the vendor's public default.
// With the box ticked Next waits for both fields to be valid and equal.
class SchsmNewSoPinPage : public QWizardPage {
    Q_OBJECT
public:
    explicit SchsmNewSoPinPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;

private:
    void bind();
    QString problem() const;
    bool mustChange() const;
    static QString typeOrUntick();

    SchsmInitializeWizard *m_wizard;
    QLabel *m_intro;
    QCheckBox *m_change;
    SchsmSecretPair *m_pins;
    QLabel *m_message;
};
