// SPDX-License-Identifier: GPL-3.0-or-later
#include "exec/tokenexecutor.h"

#include "p11/module.h"
#include "p11/threadguard.h"

#include <QThread>

TokenExecutor::TokenExecutor(QString name, QObject *parent) : QObject(parent), m_name(std::move(name))
{
    m_pool.setMaxThreadCount(1);
    // Keep the thread: a token's calls come in bursts, and some modules keep
    // per-thread state, so one long-lived thread per token is the friendliest.
    m_pool.setExpiryTimeout(-1);
    m_pool.setObjectName(m_name);
}

TokenExecutor::~TokenExecutor() { m_pool.waitForDone(); }

void TokenExecutor::startFromCaller(std::function<void()> run)
{
    if (QThread::currentThread() == thread() && ThreadGuard::onGuiThread()) {
        QMetaObject::invokeMethod(this, [this, run = std::move(run)] { m_pool.start(run); }, Qt::QueuedConnection);
        return;
    }
    m_pool.start(std::move(run));
}

void TokenExecutor::startNow(std::function<void()> job)
{
    m_pool.start([job = std::move(job), name = m_name] {
        try {
            job();
        } catch (const std::exception &e) {
            // Nobody to report to, and a pool thread must not die of an exception.
            qCWarning(lcP11) << name << "clean-up job failed:" << e.what();
        }
    });
}
