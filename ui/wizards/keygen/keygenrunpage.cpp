// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/keygen/keygenrunpage.h"

#include "operations/tokenoperations.h"
#include "inventory/objectfacts.h"
#include "p11/errortext.h"
#include "dialogs/resultfields.h"
#include "widgets/tokenjobwizard.h"

#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

KeyGenRunPage::KeyGenRunPage(Inventory &inventory, TokenRef token, std::function<KeyGenSpec()> spec, QWidget *parent)
    : ResultHeadlinePage(parent), m_inventory(inventory), m_token(std::move(token)), m_spec(std::move(spec)),
      m_result(new QLabel(this)), m_uris(new ResultFields(this)),
      m_retry(new QPushButton(tr("&Change the settings and try again"), this))
{
    setTitle(tr("Generating the key pair"));
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    body()->addWidget(m_result);
    body()->addWidget(m_uris);
    body()->addWidget(m_retry, 0, Qt::AlignLeft);
    body()->addStretch(1);
    setFinalPage(true);
    // The form before this page is a commit page, so the wizard's Back stays off; this
    // button is the way back, offered only when the token was left unchanged.
    connect(m_retry, &QPushButton::clicked, this, [this] { wizard()->back(); });
}

QString KeyGenRunPage::resultText() const { return m_result->text(); }

QStringList KeyGenRunPage::resultUris() const { return m_uris->values(); }

void KeyGenRunPage::finish(bool ok, const QString &status)
{
    showOutcome(status);
    m_done = true;
    m_ok = ok;
    m_retry->setVisible(!ok);
    setTitle(ok ? tr("Key pair generated") : tr("Key generation failed"));
    // A failed generation destroyed what it made (ObjectTransaction); the tree is
    // re-read all the same (jobEnded), in case the token kept something.
    if (TokenJobWizard *w = jobWizard()) {
        w->endJob(ok);
        // Written: there is nothing left to cancel, only Finish.
        w->setOption(QWizard::NoCancelButton, ok);
    }
    Q_EMIT completeChanged();
}

void KeyGenRunPage::initializePage()
{
    const KeyGenSpec spec = m_spec();
    m_done = false;
    m_ok = false;
    m_result->clear();
    m_uris->setFields({});
    setTitle(tr("Generating the key pair"));
    m_retry->hide();
    showWaiting(tr("Waiting for the token to generate %1. A smart card can take a minute for large RSA "
                   "keys; the token cannot be interrupted while it works, but TokenDesk stays usable.")
                    .arg(spec.algorithm.displayName()));
    if (TokenJobWizard *w = jobWizard())
        w->beginJob();
    TokenOperations::generateKeyPair(m_inventory, m_token, spec)
        .then(this,
              [this](const GeneratedKey &k) {
                  m_result->setText(tr("<b>%1</b><br>CKA_ID %2%3")
                                        .arg(k.label.toHtmlEscaped(), ObjectFacts::idHex(k.id),
                                             k.idDerived ? tr(" (derived from the public key)") : QString()));
                  m_uris->setFields({{tr("Private key URI:"), k.privateKeyUri}, {tr("Public key URI:"), k.publicKeyUri}});
                  finish(true, tr("The key pair is on the token."));
                  Q_EMIT generated();
              })
        .onCanceled(this, [this] { finish(false, tr("Key generation was cancelled; nothing was written.")); })
        .onFailed(this, [this](const std::exception &) {
            finish(false, describeFailure(tr("Key generation"), userError(std::current_exception())));
        });
}
