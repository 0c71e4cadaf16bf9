// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "widgets/tokenjobwizard.h"

class CertImportFilePage;
class CertImportPlanPage;
class CertImportRunPage;
class Inventory;

// Import certificates (PEM, DER, PKCS#7, chains) onto a token: each one is
// matched to the token's keys by public key; the end-entity certificate gets
// its key's CKA_ID and label so Java, NSS and OpenSSL pair them, chain
// certificates go in as CA certificates when the user asks for them, and nothing
// is written twice. File → plan (commit page) → write. The plan is always shown
// before the write, and no Enter key ever starts it: the wizard has no default
// button (the file field's Enter goes to the plan page, nothing further).
class CertImportWizard : public TokenJobWizard {
    Q_OBJECT
public:
    // contents: what the tree knows of the token (logged in, so private keys are listed).
    CertImportWizard(Inventory &inventory, TokenRef token, TokenContents contents, const QString &file = {},
                     QWidget *parent = nullptr);
    CertImportFilePage *filePage() const { return m_file; }
    CertImportPlanPage *planPage() const { return m_plan; }
    CertImportRunPage *runPage() const { return m_run; }

Q_SIGNALS:
    void imported(const TokenRef &token);

private:
    CertImportFilePage *m_file;
    CertImportPlanPage *m_plan;
    CertImportRunPage *m_run;
};
