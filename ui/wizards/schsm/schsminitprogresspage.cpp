// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsminitprogresspage.h"

#include "p11/errortext.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"
#include "wizards/schsm/schsminitializewizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

SchsmInitProgressPage::SchsmInitProgressPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_progress(new QProgressBar(this)), m_step(new QLabel(this))
{
    setTitle(tr("Initializing"));
    setSubTitle(tr("Please wait. A command the device is working on cannot be interrupted; this usually takes a "
                   "few seconds."));
    m_progress->setObjectName(QStringLiteral("initProgress"));
    m_step->setObjectName(QStringLiteral("initStep"));
    m_step->setWordWrap(true);
    m_progress->setRange(0, 0);
    auto *v = new QVBoxLayout(this);
    v->addSpacing(12);
    v->addWidget(m_progress);
    v->addWidget(m_step);
    v->addStretch();
}

namespace {
// INITIALIZE DEVICE is the first command that writes: a status word or a refusal
// before or from it leaves the device as it was.
bool soPinRefused(const SchsmError &e)
{
    return e.code() == SchsmError::Code::Refused
        || (e.code() == SchsmError::Code::StatusWord && ((e.sw() & 0xFFF0) == 0x63C0 || e.sw() == 0x6983));
}
} // namespace

void SchsmInitProgressPage::initializePage()
{
    SchsmInitState &s = m_wizard->state();
    s.result.reset();
    s.failure.clear();
    s.changedDespiteFailure = false;
    s.statusAfterFailure.reset();
    m_done = false;
    m_step->setText(tr("Initializing the device in %1…").arg(s.reader));
    m_wizard->beginJob();
    Q_EMIT completeChanged();
    m_wizard->jobs()
        .initialize(s.reader, s.params.clone())
        .then(this,
              [this](const InitializeDeviceResult &r) {
                  m_wizard->state().result = r;
                  m_wizard->endJob(true);
                  Q_EMIT m_wizard->deviceChanged(m_wizard->state().reader);
                  m_wizard->wipeSecrets(); // the device has them now; nothing can be retried
                  finish(false);
              })
        .onCanceled(this, [this] { failed(tr("The initialization did not run."), false, false); })
        .onFailed(this,
                  [this](const SchsmError &e) {
                      failed(e.changedNothing() ? e.messageNothingChanged() : e.message(), soPinRefused(e),
                             !e.changedNothing());
                  })
        .onFailed(this, [this] { failed(userError(std::current_exception()).text(), false, true); });
}

void SchsmInitProgressPage::failed(const QString &sentence, bool soPinRefused, bool mayHaveChanged)
{
    SchsmInitState &s = m_wizard->state();
    s.failure = sentence;
    s.changedDespiteFailure = mayHaveChanged;
    m_step->setText(tr("Reading the device's state…"));
    // A wrong SO-PIN counts: read the device again so its page shows the tries left.
    m_wizard->jobs()
        .readStatus(s.reader)
        .then(this,
              [this, soPinRefused](const SchsmStatus &status) {
                  m_wizard->state().statusAfterFailure = status;
                  m_wizard->state().status = status;
                  finish(soPinRefused);
              })
        .onCanceled(this, [this, soPinRefused] { finish(soPinRefused); })
        .onFailed(this, [this, soPinRefused] { finish(soPinRefused); });
}

void SchsmInitProgressPage::finish(bool soPinRefused)
{
    SchsmInitState &s = m_wizard->state();
    if (m_wizard->isJobRunning()) {
        m_wizard->endJob(s.changedDespiteFailure);
        // A refused SO-PIN still counted a try: the device's state changed too.
        Q_EMIT m_wizard->deviceChanged(s.reader);
    }
    m_done = true;
    Q_EMIT completeChanged();
    if (soPinRefused && m_wizard->visitedIds().contains(SchsmInitializeWizard::SoPinPageId)) {
        m_done = false;
        m_wizard->backToSoPin(s.failure);
        return;
    }
    if (!s.result)
        m_wizard->wipeSecrets();
    if (m_wizard->currentPage() == this)
        m_wizard->next();
}
