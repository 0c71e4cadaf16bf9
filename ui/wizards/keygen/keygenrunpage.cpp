// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/keygen/keygenrunpage.h"

#include "inventory/inventory.h"
#include "inventory/objectfacts.h"
#include "p11/errortext.h"
#include "dialogs/resultfields.h"
#include "widgets/tokenjobwizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

KeyGenRunPage::KeyGenRunPage(Inventory &inventory, TokenRef token, std::function<KeyGenSpec()> spec, QWidget *parent)
    : QWizardPage(parent), m_inventory(inventory), m_token(std::move(token)), m_spec(std::move(spec)),
      m_status(new QLabel(this)), m_busy(new QProgressBar(this)), m_note(new QLabel(this)), m_result(new QLabel(this)),
      m_uris(new ResultFields(this)), m_retry(new QPushButton(tr("&Change the settings and try again"), this))
{
    setTitle(tr("Generating the key pair"));
    auto *v = new QVBoxLayout(this);
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    m_busy->setRange(0, 0);
    v->addWidget(m_busy);
    m_note->setWordWrap(true);
    v->addWidget(m_note);
    m_result->setWordWrap(true);
    m_result->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_result);
    v->addWidget(m_uris);
    v->addWidget(m_retry, 0, Qt::AlignLeft);
    v->addStretch(1);
    setFinalPage(true);
    // The form before this page is a commit page, so the wizard's Back stays off; this
    // button is the way back, offered only when the token was left unchanged.
    connect(m_retry, &QPushButton::clicked, this, [this] { wizard()->back(); });
}

QString KeyGenRunPage::resultText() const { return m_result->text(); }

QStringList KeyGenRunPage::resultUris() const { return m_uris->values(); }

QString KeyGenRunPage::statusText() const { return m_status->text(); }

void KeyGenRunPage::showNote(const QString &text) { m_note->setText(text); }

TokenJobWizard *KeyGenRunPage::jobWizard() const { return qobject_cast<TokenJobWizard *>(wizard()); }

void KeyGenRunPage::finish(bool ok, const QString &status)
{
    m_busy->hide();
    m_note->clear();
    m_status->setText(status);
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
    m_note->clear();
    m_retry->hide();
    m_busy->show();
    m_status->setText(tr("Waiting for the token to generate %1. A smart card can take a minute for large RSA "
                         "keys; the token cannot be interrupted while it works, but TokenDesk stays usable.")
                          .arg(spec.algorithm.displayName()));
    if (TokenJobWizard *w = jobWizard())
        w->beginJob();
    m_inventory
        .withSession<GeneratedKey>(m_token,
                                   [spec](QPromise<GeneratedKey> &p, Session &s, const CK_TOKEN_INFO &ti) {
                                       p.addResult(generateKeyPair(s, ti, spec));
                                   })
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
