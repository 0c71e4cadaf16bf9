// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/initprogresspage.h"

#include "inventory/inventory.h"
#include "lifecycle/inittokenvalidator.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/lifecyclejobs.h"
#include "p11/pkcs11error.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QAbstractButton>
#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

InitProgressPage::InitProgressPage(InitTokenWizard *wizard)
    : m_wizard(wizard), m_progress(new QProgressBar(this)), m_step(new QLabel(this))
{
    setTitle(tr("Initializing"));
    setSubTitle(tr("Please wait. A token that is busy cannot be interrupted; this usually takes a few seconds."));
    m_progress->setObjectName(QStringLiteral("initProgress"));
    m_step->setObjectName(QStringLiteral("initStep"));
    m_step->setWordWrap(true);
    auto *v = new QVBoxLayout(this);
    v->addSpacing(12);
    v->addWidget(m_progress);
    v->addWidget(m_step);
    v->addStretch();
    connect(&m_watcher, &QFutureWatcher<InitTokenOutcome>::progressRangeChanged, m_progress,
            &QProgressBar::setRange);
    connect(&m_watcher, &QFutureWatcher<InitTokenOutcome>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<InitTokenOutcome>::progressTextChanged, m_step, &QLabel::setText);
}

void InitProgressPage::initializePage()
{
    start();
}

void InitProgressPage::start()
{
    InitTokenState &s = m_wizard->state();
    s.outcome.reset();
    s.failure = nullptr;
    m_done = false;
    m_progress->setRange(0, 0);
    m_step->setText(tr("Waiting for the token…"));

    InitTokenRequest request;
    request.token = s.chosen->ref;
    request.wasInitialized = s.params.token.flags & CKF_TOKEN_INITIALIZED;
    request.label = InitTokenValidator::storedLabel(s.params.label);
    if (!(s.params.token.flags & CKF_PROTECTED_AUTHENTICATION_PATH)) {
        // Copies: if C_InitToken refuses the SO-PIN, the wizard goes back to its page and
        // keeps the label and user PIN typed. The fields are wiped once the token is erased.
        request.soPin = s.params.soPin.clone();
        request.userPin = s.params.userPin.clone();
    }

    m_running = true;
    m_wizard->beginJob();
    Q_EMIT completeChanged();
    QFuture<InitTokenOutcome> job = LifecycleJobs::initToken(m_wizard->inventory(), m_wizard->registry(),
                                                             std::move(request));
    m_watcher.setFuture(job);
    const TokenRef ref = s.chosen->ref;
    job.then(this,
             [this](const InitTokenOutcome &o) {
                 m_wizard->state().outcome = o;
                 finish();
             })
        .onCanceled(this, [this] { finish(); })
        .onFailed(this, [this, ref] {
            // No argument: catches everything; std::current_exception() is the failure.
            InitTokenState &st = m_wizard->state();
            st.failure = std::current_exception();
            st.tokenAfterFailure = st.params.token;
            if (!(st.params.token.flags & CKF_TOKEN_INITIALIZED)) {
                finish();
                return;
            }
            // A wrong SO-PIN counts: read the token again so the sentence can say how many tries are left.
            m_wizard->inventory()
                .tokenInfo(ref)
                .then(this,
                      [this](const TokenSnapshot &t) {
                          m_wizard->state().tokenAfterFailure = t.info;
                          finish();
                      })
                .onCanceled(this, [this] { finish(); })
                .onFailed(this, [this] { finish(); });
        });
}

namespace {
// C_InitToken refused what was typed on the SO-PIN page: that page can fix it.
bool soPinRefused(const InitTokenState &s)
{
    if (!s.failure)
        return false;
    try {
        std::rethrow_exception(s.failure);
    } catch (const Pkcs11Error &e) {
        switch (e.rv()) {
        case CKR_PIN_INCORRECT:
        case CKR_PIN_LEN_RANGE:
        case CKR_PIN_INVALID: return true;
        default: return false;
        }
    } catch (...) {
        return false;
    }
}
} // namespace

void InitProgressPage::finish()
{
    m_running = false;
    m_done = true;
    InitTokenState &s = m_wizard->state();
    const bool erased = s.outcome.has_value();
    const TokenRef ref = s.outcome && s.outcome->found ? s.outcome->token : s.chosen->ref;
    m_wizard->endJob(erased);
    Q_EMIT completeChanged();
    Q_EMIT m_wizard->tokenChanged(ref);
    if (s.outcome && s.outcome->complete())
        Q_EMIT m_wizard->tokenInitialized(ref);
    if (soPinRefused(s) && !(s.params.token.flags & CKF_PROTECTED_AUTHENTICATION_PATH)) {
        // Nothing was changed: back to the SO-PIN, everything else kept.
        const QString message = initTokenError(s.failure, s.tokenAfterFailure, s.params.tokenInitialized()).text()
            + QLatin1Char(' ') + tr("Nothing on the token was changed.");
        const CK_TOKEN_INFO after = s.tokenAfterFailure;
        s.failure = nullptr;
        m_done = false;
        m_wizard->backToSoPin(message, after);
        return;
    }
    m_wizard->wipePins(); // the token was erased, or nothing can be retried from here
    if (m_wizard->currentPage() == this)
        m_wizard->next();
}

bool InitProgressPage::isComplete() const
{
    return m_done;
}
