// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrwizard.h"

#include "wizards/csr/csrpinpage.h"
#include "wizards/csr/csrrequestpage.h"
#include "wizards/csr/csrresultpage.h"

CsrWizard::CsrWizard(Inventory &inventory, TokenRef token, std::vector<CsrKeyChoice> keys, QByteArray preselectedId,
                     QWidget *parent)
    : TokenJobWizard(parent), m_request(new CsrRequestPage(std::move(keys), preselectedId, this)),
      m_pin(new CsrPinPage(m_request, this)), m_result(new CsrResultPage(inventory, std::move(token), m_request, m_pin, this))
{
    setWindowTitle(tr("Create certificate signing request"));
    setPage(RequestPageId, m_request);
    setPage(PinPageId, m_pin);
    setPage(ResultPageId, m_result);
    setButtonText(QWizard::CommitButton, tr("&Sign on token"));
    connect(this, &TokenJobWizard::closeRefused, m_result, &CsrResultPage::showNote);
}

int CsrWizard::nextId() const
{
    switch (currentId()) {
    case RequestPageId:
        return m_request->needsPin() ? PinPageId : ResultPageId;
    case PinPageId:
        return ResultPageId;
    default:
        return -1;
    }
}
