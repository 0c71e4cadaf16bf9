// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrwizard.h"

#include "wizards/csr/csrrequestpage.h"
#include "wizards/csr/csrresultpage.h"

CsrWizard::CsrWizard(Inventory &inventory, TokenRef token, std::vector<CsrKeyChoice> keys, QByteArray preselectedId,
                     QWidget *parent)
    : QWizard(parent), m_request(new CsrRequestPage(std::move(keys), preselectedId, this)),
      m_result(new CsrResultPage(inventory, std::move(token), m_request, this))
{
    setWindowTitle(tr("Create certificate signing request"));
    addPage(m_request);
    addPage(m_result);
    setButtonText(QWizard::NextButton, tr("&Sign on token"));
}
