// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/eraseconfirmpage.h"

class InitTokenWizard;

// The commit page: what will be erased (objects counted before anything is
// done), what the token will look like, and a field where the user types the
// token's current label or serial. Its button names the action ("Erase and
// Initialize") and is enabled only when every page's input is valid and the
// typed text matches.
class ConfirmErasePage : public EraseConfirmPage {
    Q_OBJECT
public:
    explicit ConfirmErasePage(InitTokenWizard *wizard);

    void initializePage() override;
    bool isComplete() const override;
    bool validatePage() override;

private:
    void updateSummary();

    InitTokenWizard *m_wizard;
};
