// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "widgets/readbackresultpage.h"

class SchsmImportSharesWizard;

// What the import did, the device's check value against the expected one, and
// the device's state as read back.
class SchsmImportResultPage : public ReadBackResultPage {
    Q_OBJECT
public:
    explicit SchsmImportResultPage(SchsmImportSharesWizard *wizard);
    void initializePage() override;

private:
    QString headline() const;

    SchsmImportSharesWizard *m_wizard;
};
