// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmimportprogresspage.h"

#include "p11/errortext.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"
#include "wizards/schsm/schsmimportshareswizard.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

SchsmImportProgressPage::SchsmImportProgressPage(SchsmImportSharesWizard *wizard)
    : m_wizard(wizard), m_progress(new QProgressBar(this)), m_step(new QLabel(this)),
      m_stop(new QPushButton(tr("&Stop After This Share"), this))
{
    setTitle(tr("Importing"));
    setSubTitle(tr("The shares go to the device one by one. A share being sent cannot be interrupted; Stop ends the "
                   "import before the next one."));
    m_progress->setObjectName(QStringLiteral("importProgress"));
    m_step->setObjectName(QStringLiteral("importStep"));
    m_stop->setObjectName(QStringLiteral("stopButton"));
    m_step->setWordWrap(true);
    auto *stopRow = new QHBoxLayout;
    stopRow->addStretch();
    stopRow->addWidget(m_stop);
    auto *v = new QVBoxLayout(this);
    v->addSpacing(12);
    v->addWidget(m_progress);
    v->addWidget(m_step);
    v->addLayout(stopRow);
    v->addStretch();
    connect(&m_watcher, &QFutureWatcher<DkekImportResult>::progressValueChanged, this,
            &SchsmImportProgressPage::showProgress);
    connect(m_stop, &QPushButton::clicked, this, [this] {
        m_stop->setEnabled(false);
        m_step->setText(tr("Stopping after the share being sent…"));
        m_watcher.cancel();
    });
}

void SchsmImportProgressPage::initializePage()
{
    SchsmImportState &s = m_wizard->state();
    s.outcome = SchsmImportState::Outcome::None;
    s.result.reset();
    s.failure.clear();
    s.kcvMismatch = false;
    s.statusAfter.reset();
    m_done = false;
    m_stop->setEnabled(true);
    m_progress->setRange(0, int(s.shares.size()));
    showProgress(0);
    m_wizard->beginJob();
    Q_EMIT completeChanged();
    QFuture<DkekImportResult> job = m_wizard->jobs().importShares(s.reader, s.inputs());
    m_watcher.setFuture(job);
    job.then(this,
             [this](const DkekImportResult &r) {
                 SchsmImportState &st = m_wizard->state();
                 st.result = r;
                 st.outcome = SchsmImportState::Outcome::Imported;
                 ended();
             })
        .onCanceled(this,
                    [this] {
                        m_wizard->state().outcome = SchsmImportState::Outcome::Stopped;
                        ended();
                    })
        .onFailed(this,
                  [this](const SchsmError &e) {
                      SchsmImportState &st = m_wizard->state();
                      st.outcome = SchsmImportState::Outcome::Failed;
                      st.failure = e.message();
                      st.kcvMismatch = e.code() == SchsmError::Code::KcvMismatch;
                      ended();
                  })
        .onFailed(this, [this] {
            SchsmImportState &st = m_wizard->state();
            st.outcome = SchsmImportState::Outcome::Failed;
            st.failure = userError(std::current_exception()).text();
            ended();
        });
}

void SchsmImportProgressPage::showProgress(int value)
{
    const SchsmImportState &s = m_wizard->state();
    const int n = int(s.shares.size());
    m_progress->setValue(value);
    if (value < n)
        m_step->setText(tr("Importing share %1 of %2 (%3)…").arg(value + 1).arg(n).arg(s.shares[std::size_t(value)].input.name));
}

void SchsmImportProgressPage::ended()
{
    m_stop->setEnabled(false);
    m_step->setText(tr("Reading the device's DKEK state…"));
    const QString reader = m_wizard->state().reader;
    // Whatever happened, what counts is what the device now says.
    auto finish = [this, reader] {
        m_wizard->endJob(true);
        Q_EMIT m_wizard->deviceChanged(reader);
        m_done = true;
        Q_EMIT completeChanged();
        if (m_wizard->currentPage() == this)
            m_wizard->next();
    };
    m_wizard->jobs()
        .readStatus(reader)
        .then(this,
              [this, finish](const SchsmStatus &status) {
                  m_wizard->state().statusAfter = status;
                  finish();
              })
        .onCanceled(this, finish)
        .onFailed(this, finish);
}
