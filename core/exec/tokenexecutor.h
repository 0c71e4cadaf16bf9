// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThreadPool>

#include <functional>
#include <memory>

// One per token (login state belongs to the token): its jobs run one at a
// time, in order, on a thread of their own. Exceptions travel in the future
// (Qt 6.4 would otherwise wrap them as QUnhandledException).
class TokenExecutor : public QObject {
    Q_OBJECT
public:
    explicit TokenExecutor(QString name, QObject *parent = nullptr);
    ~TokenExecutor() override;

    const QString &name() const { return m_name; }

    template <typename T, typename Job> // Job: void(QPromise<T> &)
    QFuture<T> submit(Job job)
    {
        // Not QtConcurrent::run: its futures let waitForFinished() "steal" a job that has
        // not started and run it on the waiting thread — a token call on the GUI thread,
        // or two calls to one token at once. A plain runnable cannot be stolen.
        auto promise = std::make_shared<QPromise<T>>();
        QFuture<T> future = promise->future();
        promise->start(); // "queued" counts as running, so result()/waitForFinished() wait for it
        std::function<void()> run = [promise, job = std::make_shared<Job>(std::move(job))]() mutable {
            try {
                (*job)(*promise);
            } catch (...) {
                promise->setException(std::current_exception());
            }
            // Whatever the job captured goes here, on this thread, before the future
            // reports: owners waiting for the result know the job holds nothing.
            job.reset();
            promise->finish();
        };
        startFromCaller(std::move(run));
        return future;
    }
    // Starts at once, on any thread, with no future: for clean-up that nobody
    // waits on with a continuation (an owner shutting down on the GUI thread,
    // where submit() would only start the job from the event loop).
    void startNow(std::function<void()> job);
    // Blocks until every started job has run (a job submit() queued on the GUI
    // thread's event loop has not started yet). Never call it on the GUI thread
    // with continuations that run there, nor from this executor's own thread.
    void waitForIdle() { m_pool.waitForDone(); }

private:
    // On the GUI thread the job starts from the event loop, after the caller has
    // attached its .then() continuations: Qt 6.4 can lose a continuation attached
    // while the job finishes on the worker at the same moment (seen in
    // test_csrwizard under load). Elsewhere (workers, the --list command) at once.
    void startFromCaller(std::function<void()> run);
    QString m_name;
    QThreadPool m_pool;
};
