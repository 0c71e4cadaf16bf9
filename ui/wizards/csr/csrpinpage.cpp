// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrpinpage.h"

#include "widgets/secretedit.h"
#include "wizards/csr/csrrequestpage.h"

#include <QFormLayout>
#include <QLabel>

CsrPinPage::CsrPinPage(CsrRequestPage *request, QWidget *parent)
    : QWizardPage(parent), m_request(request), m_text(new QLabel(this)), m_pin(new SecretEdit(this))
{
    setTitle(tr("PIN for this signature"));
    setCommitPage(true);
    auto *form = new QFormLayout(this);
    m_text->setWordWrap(true);
    form->addRow(m_text);
    m_pin->setAccessibleName(tr("PIN"));
    form->addRow(tr("&PIN:"), m_pin);
    connect(m_pin, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
}

void CsrPinPage::initializePage()
{
    const CsrKeyChoice *key = m_request->key();
    m_text->setText(tr("The key “%1” asks for the PIN for every use. Enter it to sign the request:")
                        .arg(key ? key->label : QString()));
    m_pin->wipe();
    m_pin->setFocus();
}

void CsrPinPage::cleanupPage() { m_pin->wipe(); }

bool CsrPinPage::isComplete() const { return m_pin->utf8Length() > 0; }

SecureBytes CsrPinPage::takePin() { return m_pin->take(); }
