// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/keygen/keygenwizard.h"

#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenrunpage.h"

KeyGenWizard::KeyGenWizard(Inventory &inventory, TokenRef token, TokenSnapshot snapshot, std::vector<QByteArray> existingIds,
                           QWidget *parent)
    : QWizard(parent), m_params(new KeyGenParamsPage(snapshot, std::move(existingIds), this)),
      m_run(new KeyGenRunPage(inventory, token, [this] { return m_params->spec(); }, this))
{
    setWindowTitle(tr("Generate key pair"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    addPage(m_params);
    addPage(m_run);
    setButtonText(QWizard::NextButton, tr("&Generate"));
    connect(m_run, &KeyGenRunPage::generated, this, [this, token] { Q_EMIT keyGenerated(token); });
}
