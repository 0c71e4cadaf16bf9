// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/sopinpage.h"

#include "widgets/secretedit.h"
#include "dialogs/pin/pinstatuslabel.h"
#include "inventory/inventory.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/inittokenvalidator.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/lifecyclejobs.h"
#include "lifecycle/pinrules.h"
#include "lifecycle/pinstatus.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

SoPinPage::SoPinPage(InitTokenWizard *wizard)
    : m_wizard(wizard), m_status(new PinStatusLabel(this)), m_intro(new QLabel(this)), m_soLabel(new QLabel(this)),
      m_so(new SecretEdit(this)), m_repeatLabel(new QLabel(tr("Repeat the new SO-PIN:"), this)),
      m_repeat(new SecretEdit(this)), m_hint(new QLabel(this)), m_finalTryAck(new QCheckBox(this)),
      m_message(new QLabel(this)), m_failure(new QLabel(this))
{
    setTitle(tr("Security Officer PIN"));
    m_status->setObjectName(QStringLiteral("soStatus"));
    m_so->setObjectName(QStringLiteral("soPin"));
    m_repeat->setObjectName(QStringLiteral("soPinRepeat"));
    m_finalTryAck->setObjectName(QStringLiteral("soFinalTryAck"));
    m_message->setObjectName(QStringLiteral("soMessage"));
    m_hint->setObjectName(QStringLiteral("soHint"));
    m_failure->setObjectName(QStringLiteral("soCheck"));
    for (QLabel *l : {m_intro, m_hint, m_message, m_failure})
        l->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    m_finalTryAck->setText(tr("I understand: if this SO-PIN is wrong, the SO-PIN locks for good."));

    auto *form = new QFormLayout;
    form->addRow(m_soLabel, m_so);
    form->addRow(m_repeatLabel, m_repeat);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_status);
    v->addWidget(m_intro);
    v->addSpacing(6);
    v->addLayout(form);
    v->addWidget(m_hint);
    v->addWidget(m_finalTryAck);
    v->addWidget(m_message);
    v->addWidget(m_failure);
    v->addStretch();

    connect(m_so, &QLineEdit::textChanged, this, [this] {
        m_checked = false; // another SO-PIN: the token has not seen this one
        bind();
    });
    connect(m_repeat, &QLineEdit::textChanged, this, &SoPinPage::bind);
    connect(m_finalTryAck, &QCheckBox::toggled, this, &SoPinPage::bind);
}

void SoPinPage::initializePage()
{
    const InitTokenState &s = m_wizard->state();
    const CK_TOKEN_INFO &ti = s.params.token;
    const bool initialized = ti.flags & CKF_TOKEN_INITIALIZED;
    const bool pinPad = ti.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    const PinRules rules = PinRules::forToken(ti, PinRole::So);
    setSubTitle(s.chosen ? tr("Token “%1”, serial %2")
                               .arg(DisplayField::text(s.chosen->token.label), DisplayField::text(s.chosen->token.id.serial))
                         : QString());
    m_failure->clear();
    if (pinPad) {
        m_intro->setText(initialized
                             ? tr("This reader has a PIN pad: you will enter the current SO-PIN on the reader when "
                                  "the initialization starts.")
                             : tr("This reader has a PIN pad: you will choose the SO-PIN on the reader when the "
                                  "initialization starts."));
    } else if (initialized) {
        m_intro->setText(tr("Enter the token's current SO-PIN. The token checks it before erasing anything, and "
                            "keeps it: change it afterwards with Change SO-PIN… if needed."));
    } else {
        m_intro->setText(tr("This token has no SO-PIN yet. Choose one and keep it safe: it is needed to unblock the "
                            "user PIN and to initialize the token again."));
    }
    m_soLabel->setText(initialized ? tr("Current SO-PIN:") : tr("New SO-PIN:"));
    for (QWidget *w : std::initializer_list<QWidget *>{m_soLabel, m_so})
        w->setVisible(!pinPad);
    for (QWidget *w : std::initializer_list<QWidget *>{m_repeatLabel, m_repeat})
        w->setVisible(!pinPad && !initialized);
    QString hint = tr("SO-PINs on this token have %1.").arg(rules.lengthText());
    if (rules.sixteenHexDigits)
        hint += QLatin1Char(' ')
            + tr("A SmartCard-HSM / Nitrokey HSM takes the SO-PIN as 16 hexadecimal digits; its factory "
                 "setting is 3537363231383830.");
    m_hint->setText(hint);
    m_hint->setVisible(!pinPad);
    showTokenState();
    if (!pinPad)
        m_so->setFocus();
    bind();
}

void SoPinPage::showTokenState()
{
    const CK_TOKEN_INFO &ti = m_wizard->state().params.token;
    const bool initialized = ti.flags & CKF_TOKEN_INITIALIZED;
    m_status->setVisible(initialized);
    if (initialized)
        m_status->setPins(ti, {PinRole::So});
    m_finalTryAck->setChecked(false); // every last try needs its own confirmation
    m_finalTryAck->setVisible(initialized && PinStatus::of(ti, PinRole::So).finalTry());
}

bool SoPinPage::validatePage()
{
    const InitTokenParams &p = m_wizard->state().params;
    if (m_wizard->isJobRunning())
        return false;
    // A blank token has no SO-PIN yet; a PIN pad asks for it when C_InitToken runs.
    if (!p.tokenInitialized() || (p.token.flags & CKF_PROTECTED_AUTHENTICATION_PATH) || m_checked)
        return true;
    checkSoPin();
    return false; // Next again once the token has answered
}

void SoPinPage::checkSoPin()
{
    InitTokenState &s = m_wizard->state();
    const TokenRef ref = s.chosen->ref;
    m_failure->setStyleSheet(QString());
    m_failure->setText(tr("Checking the SO-PIN with the token…"));
    m_wizard->beginJob();
    m_so->setEnabled(false);
    LifecycleJobs::checkSoPin(m_wizard->inventory(), ref, s.params.soPin.clone())
        .then(this,
              [this, ref] {
                  m_wizard->endJob(false);
                  m_so->setEnabled(true);
                  m_checked = true;
                  m_failure->clear();
                  Q_EMIT m_wizard->tokenChanged(ref); // our session was closed: the login state changed
                  if (m_wizard->currentPage() == this)
                      m_wizard->next();
              })
        .onCanceled(this,
                    [this] {
                        m_wizard->endJob(false);
                        m_so->setEnabled(true);
                        m_failure->clear();
                    })
        .onFailed(this, [this, ref] {
            const std::exception_ptr e = std::current_exception();
            // Re-read the token: after a wrong SO-PIN its flags say whether one try is left.
            auto show = [this, e, ref](const CK_TOKEN_INFO &ti) {
                m_wizard->endJob(false);
                m_so->setEnabled(true);
                showFailure(lifecycleError(e, ti, PinRole::So, PinRole::So).text(), ti);
                Q_EMIT m_wizard->tokenChanged(ref);
            };
            m_wizard->inventory()
                .tokenInfo(ref)
                .then(this, [show](const TokenSnapshot &t) { show(t.info); })
                .onCanceled(this, [this, show] { show(m_wizard->state().params.token); })
                .onFailed(this, [this, show] { show(m_wizard->state().params.token); });
        });
}

void SoPinPage::showFailure(const QString &message, const CK_TOKEN_INFO &token)
{
    m_wizard->state().params.token.flags = token.flags; // the SO-PIN's state (tries, locked)
    showTokenState();
    m_so->wipe();
    m_repeat->wipe();
    m_failure->setStyleSheet(QStringLiteral("color: #b02020"));
    m_failure->setText(message);
    m_so->setFocus();
    bind();
}

void SoPinPage::cleanupPage()
{
    // Back to the token list: a PIN typed for one token is not kept for another.
    m_so->wipe();
    m_repeat->wipe();
}

void SoPinPage::bind()
{
    InitTokenParams &p = m_wizard->state().params;
    p.soPin = m_so->peek();
    p.soPinConfirmation = m_repeat->peek();
    p.soFinalTryAcknowledged = m_finalTryAck->isChecked();
    QString problem = InitTokenValidator::checkToken(p);
    if (problem.isEmpty())
        problem = InitTokenValidator::checkSoPin(p);
    // Say it once something was typed; a blocking token state always.
    const bool typed = !m_so->text().isEmpty() || !m_repeat->text().isEmpty();
    const bool blocking = !InitTokenValidator::checkToken(p).isEmpty();
    m_message->setText(typed || blocking || m_finalTryAck->isVisibleTo(this) ? problem : QString());
    m_so->setEnabled(!blocking);
    m_repeat->setEnabled(!blocking);
    Q_EMIT completeChanged();
}

bool SoPinPage::isComplete() const
{
    const InitTokenParams &p = m_wizard->state().params;
    return InitTokenValidator::checkToken(p).isEmpty() && InitTokenValidator::checkSoPin(p).isEmpty();
}
