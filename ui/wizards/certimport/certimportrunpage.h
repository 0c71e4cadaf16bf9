// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"

#include "widgets/resultheadlinepage.h"

class CertImportFilePage;
class Inventory;
class ResultFields;

// Writes the planned certificates on the token's worker and says what was written.
// The wizard (a TokenJobWizard) refuses to close while the job runs.
class CertImportRunPage : public ResultHeadlinePage {
    Q_OBJECT
public:
    CertImportRunPage(Inventory &inventory, TokenRef token, CertImportFilePage *file, QWidget *parent = nullptr);
    void initializePage() override;
    bool isComplete() const override { return m_done; }
    QString resultText() const;

Q_SIGNALS:
    void finishedImport(bool ok);

private:
    void finish(bool ok, const QString &text);

    Inventory &m_inventory;
    TokenRef m_token;
    CertImportFilePage *m_file;
    ResultFields *m_uris;
    bool m_done = false;
};
