// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"

#include <QWizard>

class CertImportFilePage;
class CertImportRunPage;
class Inventory;

// Import certificates (PEM, DER, PKCS#7, chains) onto a token: each one is
// matched to the token's keys by public key; the end-entity certificate gets
// its key's CKA_ID and label so Java, NSS and OpenSSL pair them, chain
// certificates go in as CA certificates, and nothing is written twice.
class CertImportWizard : public QWizard {
    Q_OBJECT
public:
    // contents: what the tree knows of the token (logged in, so private keys are listed).
    CertImportWizard(Inventory &inventory, TokenRef token, TokenContents contents, const QString &file = {},
                     QWidget *parent = nullptr);
    CertImportFilePage *filePage() const { return m_file; }
    CertImportRunPage *runPage() const { return m_run; }

Q_SIGNALS:
    void imported(const TokenRef &token);

private:
    CertImportFilePage *m_file;
    CertImportRunPage *m_run;
};
