// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QObject>
#include <QPromise>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

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
        return QtConcurrent::run(&m_pool, [job = std::move(job)](QPromise<T> &p) mutable {
            try {
                job(p);
            } catch (...) {
                p.setException(std::current_exception());
            }
        });
    }
    // Blocks until every queued job has run. Never call it on the GUI thread with
    // continuations that run there.
    void waitForIdle() { m_pool.waitForDone(); }

private:
    QString m_name;
    QThreadPool m_pool;
};
