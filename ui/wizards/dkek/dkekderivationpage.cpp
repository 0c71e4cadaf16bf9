// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekderivationpage.h"

#include "dkek/dkekerror.h"
#include "dkek/keycheckvalue.h"
#include "wizards/dkek/createdkeksharewizard.h"
#include "wizards/dkek/dkekcreatestate.h"

#include <QDir>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

DkekDerivationPage::DkekDerivationPage(DkekCreateState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Creating the Share"));
    setSubTitle(tr("The share is generated, encrypted and saved."));
    setCommitPage(true);
    setButtonText(QWizard::CommitButton, tr("&Next"));

    auto *explain = new QLabel;
    explain->setObjectName(QStringLiteral("derivationExplain"));
    explain->setWordWrap(true);
    explain->setText(tr("Deriving the file key from the password with %1 MD5 rounds, as sc-hsm-tool does. This "
                        "takes a few seconds and makes every password guess as slow for an attacker.")
                         .arg(QLocale().toString(qulonglong(kDkekShareIterations))));
    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("derivationProgress"));
    m_progress->setRange(0, DkekShareJobs::kProgressMaximum);
    m_progress->setTextVisible(true);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("derivationStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop = new QPushButton(tr("&Cancel Derivation"));
    m_stop->setObjectName(QStringLiteral("stopButton"));

    auto *stopRow = new QHBoxLayout;
    stopRow->addStretch();
    stopRow->addWidget(m_stop);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addSpacing(12);
    layout->addWidget(m_progress);
    layout->addLayout(stopRow);
    layout->addWidget(m_status);
    layout->addStretch();

    connect(&m_watcher, &QFutureWatcher<CreateShareResult>::progressValueChanged, m_progress,
            &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<CreateShareResult>::finished, this, &DkekDerivationPage::finished);
    // Stopping returns to the previous page, where the settings can be changed.
    connect(m_stop, &QPushButton::clicked, this, [this] {
        if (wizard())
            wizard()->back();
    });
}

DkekDerivationPage::~DkekDerivationPage()
{
    cancel();
}

void DkekDerivationPage::initializePage()
{
    start();
}

void DkekDerivationPage::cleanupPage()
{
    cancel();
}

void DkekDerivationPage::start()
{
    m_done = false;
    m_state->result.reset();
    m_progress->setValue(0);
    m_stop->setEnabled(true);
    m_status->setText(tr("Saving to %1").arg(QDir::toNativeSeparators(m_state->params.path)));

    CreateShareRequest request;
    request.path = m_state->params.path;
    request.existing = m_state->params.replaceExisting ? ShareFileWriter::Existing::Replace
                                                       : ShareFileWriter::Existing::Keep;
    request.password = std::move(m_state->password); // the worker wipes it when done
    request.iterations = m_state->iterations;
    m_watcher.setFuture(DkekShareJobs::createAsync(std::move(request)));
    Q_EMIT completeChanged();
}

void DkekDerivationPage::cancel()
{
    if (m_watcher.isRunning())
        m_watcher.cancel();
}

bool DkekDerivationPage::isRunning() const
{
    return m_watcher.isRunning();
}

void DkekDerivationPage::finished()
{
    m_stop->setEnabled(false);
    QFuture<CreateShareResult> future = m_watcher.future();
    if (future.isCanceled() && future.resultCount() == 0) {
        // A worker that failed also reads as cancelled; tell them apart by its exception.
        try {
            future.waitForFinished();
            m_status->setText(tr("Cancelled. No file was written."));
        } catch (const DkekError &e) {
            m_status->setText(e.message());
        } catch (const std::exception &e) {
            m_status->setText(tr("Creating the share failed: %1").arg(QString::fromLocal8Bit(e.what())));
        }
    } else {
        m_state->result = future.result();
        m_state->createdAt = QDateTime::currentDateTime();
        m_done = true;
        m_progress->setValue(DkekShareJobs::kProgressMaximum);
        m_status->setText(tr("Saved %1.\nKey check value of the share: %2")
                              .arg(QDir::toNativeSeparators(m_state->result->path),
                                   formatKeyCheckValue(m_state->result->kcv)));
        Q_EMIT created();
    }
    Q_EMIT completeChanged();
    Q_EMIT workerStopped();
    // The file exists now: move on (this is a commit page, so there is no way back
    // to settings that no longer apply).
    if (m_done && wizard() && wizard()->currentPage() == this)
        wizard()->next();
}

bool DkekDerivationPage::isComplete() const
{
    return m_done;
}

int DkekDerivationPage::nextId() const
{
    return m_state->custodians ? CreateDkekShareWizard::FirstCustodianPageId : CreateDkekShareWizard::ResultPageId;
}
