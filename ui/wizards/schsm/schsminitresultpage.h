// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/readbackresultpage.h"

class SchsmInitializeWizard;

// What happened, and the device's state as read back from it.
class SchsmInitResultPage : public ReadBackResultPage {
    Q_OBJECT
public:
    explicit SchsmInitResultPage(SchsmInitializeWizard *wizard);
    void initializePage() override;

private:
    SchsmInitializeWizard *m_wizard;
};
