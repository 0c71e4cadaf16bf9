// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "wizards/csr/csrkeychoice.h"

#include "widgets/tokenjobwizard.h"

class CsrPinPage;
class CsrRequestPage;
class CsrResultPage;
class Inventory;

// Certificate signing request for a key on the token: choose the key, fill in
// the subject (live RFC 4514 and OpenSSL previews), names and usage; the request
// is signed on the token (the private key never leaves it), verified against
// the key, then saved as PEM or DER. A key that asks for the PIN for every use
// (CKA_ALWAYS_AUTHENTICATE) gets a PIN page before the signing. While the token
// signs, the wizard cannot be closed, escaped or stepped back from (TokenJobWizard).
class CsrWizard : public TokenJobWizard {
    Q_OBJECT
public:
    enum PageId { RequestPageId, PinPageId, ResultPageId };

    CsrWizard(Inventory &inventory, TokenRef token, std::vector<CsrKeyChoice> keys, QByteArray preselectedId = {},
              QWidget *parent = nullptr);
    CsrRequestPage *requestPage() const { return m_request; }
    CsrPinPage *pinPage() const { return m_pin; }
    CsrResultPage *resultPage() const { return m_result; }
    int nextId() const override;

private:
    CsrRequestPage *m_request;
    CsrPinPage *m_pin;
    CsrResultPage *m_result;
};
