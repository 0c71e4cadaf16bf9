// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/eraseconfirmpage.h"

class SchsmInitializeWizard;

// The commit page: what will be erased (the keys, certificates and data objects
// the device holds) and what will be set; enabled once the device's current
// label or its serial is typed.
class SchsmConfirmInitPage : public EraseConfirmPage {
    Q_OBJECT
public:
    explicit SchsmConfirmInitPage(SchsmInitializeWizard *wizard);
    void initializePage() override;
    bool isComplete() const override;
    // What may be typed to confirm: the serial and the current label, when known.
    QStringList confirmationTargets() const;

private:
    void updateSummary();

    SchsmInitializeWizard *m_wizard;
};
