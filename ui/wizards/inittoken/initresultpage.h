// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/readbackresultpage.h"

class InitTokenWizard;

// The outcome: ready to use; initialized but the user PIN could not be set
// (the token is erased either way, so this is said plainly, with what to do);
// or not initialized at all, with the reason.
class InitResultPage : public ReadBackResultPage {
    Q_OBJECT
public:
    explicit InitResultPage(InitTokenWizard *wizard);
    void initializePage() override;

private:
    InitTokenWizard *m_wizard;
};
