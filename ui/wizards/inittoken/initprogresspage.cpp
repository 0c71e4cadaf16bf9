// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/inittoken/initprogresspage.h"

#include "inventory/inventory.h"
#include "lifecycle/inittokenvalidator.h"
#include "lifecycle/lifecyclejobs.h"
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
        request.soPin = std::move(s.params.soPin);
        request.userPin = std::move(s.params.userPin);
    }
    m_wizard->wipePins(); // the fields and the confirmations; the PINs now live only in the job

    m_running = true;
    if (QAbstractButton *cancel = m_wizard->button(QWizard::CancelButton))
        cancel->setEnabled(false);
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
                .onFailed(this, [this] { finish(); });
        });
}

void InitProgressPage::finish()
{
    m_running = false;
    m_done = true;
    if (QAbstractButton *cancel = m_wizard->button(QWizard::CancelButton))
        cancel->setEnabled(true);
    const InitTokenState &s = m_wizard->state();
    const TokenRef ref = s.outcome && s.outcome->found ? s.outcome->token : s.chosen->ref;
    Q_EMIT completeChanged();
    Q_EMIT m_wizard->tokenChanged(ref);
    if (s.outcome && s.outcome->complete())
        Q_EMIT m_wizard->tokenInitialized(ref);
    if (m_wizard->currentPage() == this)
        m_wizard->next();
}

bool InitProgressPage::isComplete() const
{
    return m_done;
}
