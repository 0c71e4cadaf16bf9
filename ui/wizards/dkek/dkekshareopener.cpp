// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekshareopener.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "p11/errortext.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

#include <QFileInfo>
#include <QLocale>
#include <QWidget>

DkekShareOpener::DkekShareOpener(QWidget *dialogParent) : QObject(dialogParent), m_parent(dialogParent)
{
    connect(&m_watcher, &QFutureWatcher<OpenShareResult>::progressValueChanged, this, [this](int value) {
        if (m_unlock)
            m_unlock->setProgress(value);
        Q_EMIT progress(value);
    });
    connect(&m_watcher, &QFutureWatcher<OpenShareResult>::finished, this, &DkekShareOpener::jobFinished);
}

DkekShareOpener::~DkekShareOpener()
{
    m_watcher.cancel();
}

void DkekShareOpener::setBusy()
{
    if (isBusy() != m_wasBusy) {
        m_wasBusy = isBusy();
        Q_EMIT busyChanged(m_wasBusy);
    }
}

void DkekShareOpener::addFiles(const QStringList &paths)
{
    m_queue += paths;
    promptNext();
}

void DkekShareOpener::stop()
{
    m_queue.clear();
    m_watcher.cancel();
    if (m_unlock && !m_jobPending)
        m_unlock->reject();
}

void DkekShareOpener::promptNext()
{
    while (!m_queue.isEmpty() && !isBusy()) {
        const QString path = m_queue.takeFirst();
        try {
            DkekShareFile::read(path); // size and magic before asking for a password
        } catch (const DkekError &e) {
            Q_EMIT failed(e.message());
            continue;
        }
        // open(), not exec(): this runs from the end of a job too.
        auto *unlock = new UnlockDkekShareDialog(path, m_parent);
        unlock->setAttribute(Qt::WA_DeleteOnClose);
        unlock->setStaysOpenWhileOpening(true);
        m_unlock = unlock;
        // QDialog emits accepted/rejected before finished: the dialog counts as gone only here.
        connect(unlock, &QDialog::finished, this, [this, unlock] {
            if (m_unlock == unlock)
                m_unlock.clear(); // closed: deleted later, no longer asked
            if (!m_jobPending) {
                setBusy();
                promptNext();
            }
        });
        connect(unlock, &UnlockDkekShareDialog::openRequested, this, [this, unlock, path] {
            start(path, unlock->takePasswords(), unlock->fromCustodianShares());
        });
        connect(unlock, &QDialog::rejected, this, [this] {
            m_watcher.cancel(); // Cancel while the key is derived stops the worker
        });
        setBusy();
        unlock->open();
        Q_EMIT asking(unlock);
        return;
    }
    setBusy();
}

void DkekShareOpener::open(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares)
{
    if (isBusy())
        return;
    start(path, std::move(passwords), fromCustodianShares);
}

void DkekShareOpener::start(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares)
{
    OpenShareRequest request;
    request.path = path;
    request.passwords = std::move(passwords);
    request.fromCustodianShares = fromCustodianShares;
    request.iterations = m_iterations;
    m_fromCustodians = fromCustodianShares;
    const QString text = tr("Opening %1… (%2 key derivation rounds)")
                             .arg(QFileInfo(path).fileName(), QLocale().toString(qulonglong(m_iterations)));
    if (m_unlock)
        m_unlock->setOpening(true, text);
    m_jobPending = true;
    setBusy();
    if (!m_unlock)
        Q_EMIT started(text);
    m_watcher.setFuture(DkekShareJobs::openAsync(std::move(request)));
}

void DkekShareOpener::jobFinished()
{
    // The empty future set below reports "finished" too: only a started job counts.
    if (!m_jobPending)
        return;
    m_jobPending = false;
    QFuture<OpenShareResult> future = m_watcher.future();
    // Let go of the watcher's reference to the share (not takeResult(): it resets the
    // state the worker's QPromise still shares, which then reports a second finish).
    m_watcher.setFuture(QFuture<OpenShareResult>());
    QPointer<UnlockDkekShareDialog> unlock = m_unlock;
    if (future.isCanceled() && future.resultCount() == 0) {
        QString message = tr("Opening was stopped.");
        bool wrongPassword = false;
        try {
            future.waitForFinished(); // rethrows the worker's error, if that is why it stopped
        } catch (const DkekError &e) {
            message = e.message();
            wrongPassword = e.code() == DkekError::Code::WrongPasswordOrNotShare;
        } catch (...) {
            message = userError(std::current_exception()).text();
        }
        Q_EMIT jobEnded();
        if (wrongPassword && unlock && unlock->isVisible()) {
            // The user types again in the same dialog: same file, nothing else lost.
            unlock->showWrongPassword(message);
            Q_EMIT passwordRefused(message);
            setBusy();
            return;
        }
        if (unlock)
            unlock->reject();
        Q_EMIT failed(message);
        setBusy();
        promptNext();
        return;
    }
    const OpenShareResult r = future.result();
    future = QFuture<OpenShareResult>();
    Q_EMIT jobEnded();
    const QString duplicate = m_duplicate ? m_duplicate(r) : QString();
    if (!duplicate.isEmpty())
        Q_EMIT failed(duplicate);
    else
        Q_EMIT opened(r, m_fromCustodians);
    if (unlock)
        unlock->finishOpened(); // its end asks for the next file
    setBusy();
    promptNext();
}
