// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/keygen/keygenwizard.h"

#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenrunpage.h"

KeyGenWizard::KeyGenWizard(Inventory &inventory, TokenRef token, TokenSnapshot snapshot, std::vector<QByteArray> existingIds,
                           QWidget *parent)
    : TokenJobWizard(parent), m_params(new KeyGenParamsPage(snapshot, std::move(existingIds), this)),
      m_run(new KeyGenRunPage(inventory, token, [this] { return m_params->spec(); }, this))
{
    setWindowTitle(tr("Generate key pair"));
    addPage(m_params);
    addPage(m_run);
    setButtonText(QWizard::CommitButton, tr("&Generate"));
    connect(m_run, &KeyGenRunPage::generated, this, [this, token] { Q_EMIT keyGenerated(token); });
    connect(this, &TokenJobWizard::closeRefused, m_run, &KeyGenRunPage::showNote);
    // Re-read the token when the job ends, whatever the wizard does next.
    connect(this, &TokenJobWizard::jobEnded, this, [this, token] { Q_EMIT tokenChanged(token); });
}
