// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/keygen/keygenrunpage.h"

#include "inventory/inventory.h"
#include "inventory/objectfacts.h"
#include "p11/errortext.h"

#include <QAbstractButton>
#include <QLabel>
#include <QProgressBar>
#include <QWizard>
#include <QVBoxLayout>

KeyGenRunPage::KeyGenRunPage(Inventory &inventory, TokenRef token, std::function<KeyGenSpec()> spec, QWidget *parent)
    : QWizardPage(parent), m_inventory(inventory), m_token(std::move(token)), m_spec(std::move(spec)),
      m_status(new QLabel(this)), m_busy(new QProgressBar(this)), m_result(new QLabel(this))
{
    setTitle(tr("Generating the key pair"));
    auto *v = new QVBoxLayout(this);
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    m_busy->setRange(0, 0);
    v->addWidget(m_busy);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_result);
    v->addStretch(1);
    setFinalPage(true);
}

QString KeyGenRunPage::resultText() const { return m_result->text(); }

void KeyGenRunPage::initializePage()
{
    const KeyGenSpec spec = m_spec();
    m_done = false;
    m_ok = false;
    m_result->clear();
    m_busy->show();
    m_status->setText(tr("Waiting for the token to generate %1. A smart card can take a minute for large RSA "
                         "keys; the token cannot be interrupted while it works, but TokenDesk stays usable.")
                          .arg(spec.algorithm.displayName()));
    wizard()->button(QWizard::CancelButton)->setEnabled(false);
    wizard()->button(QWizard::BackButton)->setEnabled(false);
    m_inventory
        .withSession<GeneratedKey>(m_token,
                                   [spec](QPromise<GeneratedKey> &p, Session &s, const CK_TOKEN_INFO &ti) {
                                       p.addResult(generateKeyPair(s, ti, spec));
                                   })
        .then(this,
              [this](const GeneratedKey &k) {
                  m_busy->hide();
                  m_status->setText(tr("The key pair is on the token."));
                  m_result->setText(tr("<b>%1</b><br>CKA_ID %2%3<br><br>Private key URI:<br><tt>%4</tt><br>Public key URI:<br><tt>%5</tt>")
                                        .arg(k.label.toHtmlEscaped(), ObjectFacts::idHex(k.id),
                                             k.idDerived ? tr(" (derived from the public key)") : QString(),
                                             k.privateKeyUri.toHtmlEscaped(), k.publicKeyUri.toHtmlEscaped()));
                  m_done = m_ok = true;
                  wizard()->button(QWizard::CancelButton)->setEnabled(true);
                  Q_EMIT completeChanged();
                  Q_EMIT generated();
              })
        .onFailed(this, [this](const std::exception &) {
            m_busy->hide();
            m_status->setText(describeFailure(tr("Key generation"), userError(std::current_exception())));
            m_done = true;
            wizard()->button(QWizard::CancelButton)->setEnabled(true);
            wizard()->button(QWizard::BackButton)->setEnabled(true);
            Q_EMIT completeChanged();
        });
}
