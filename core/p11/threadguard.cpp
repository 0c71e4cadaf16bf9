// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/threadguard.h"

#include <QCoreApplication>
#include <QMutex>
#include <QThread>

namespace {
QMutex g_mutex;
ThreadGuard::Handler g_handler; // guarded by g_mutex
} // namespace

void ThreadGuard::setViolationHandler(Handler h)
{
    QMutexLocker lock(&g_mutex);
    g_handler = std::move(h);
}

bool ThreadGuard::onGuiThread()
{
    const QCoreApplication *app = QCoreApplication::instance();
    // A QCoreApplication-only process (the --list inventory) has no GUI thread to protect,
    // but it uses the same executors; only a QGuiApplication's main thread counts.
    return app && app->inherits("QGuiApplication") && QThread::currentThread() == app->thread();
}

void ThreadGuard::check(const char *function)
{
#ifdef TOKENDESK_DEBUG_CHECKS
    if (!onGuiThread())
        return;
    Handler h;
    {
        QMutexLocker lock(&g_mutex);
        h = g_handler;
    }
    if (h)
        h(function);
    else
        qFatal("PKCS#11 call %s on the GUI thread: token calls must run on a TokenExecutor", function);
#else
    Q_UNUSED(function);
#endif
}
