// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "wizards/csr/csrkeychoice.h"

#include <QWizard>

class CsrRequestPage;
class CsrResultPage;
class Inventory;

// Certificate signing request for a key on the token: choose the key, fill in
// the subject (live RFC 4514 and OpenSSL previews), names and usage; the request
// is signed on the token (the private key never leaves it), verified against
// the key, then saved as PEM or DER.
class CsrWizard : public QWizard {
    Q_OBJECT
public:
    CsrWizard(Inventory &inventory, TokenRef token, std::vector<CsrKeyChoice> keys, QByteArray preselectedId = {},
              QWidget *parent = nullptr);
    CsrRequestPage *requestPage() const { return m_request; }
    CsrResultPage *resultPage() const { return m_result; }

private:
    CsrRequestPage *m_request;
    CsrResultPage *m_result;
};
