// SPDX-License-Identifier: GPL-3.0-or-later
#include "exitwatchdog.h"

#include "p11/moduleactivity.h"
#include "p11/modulehelper.h"

#include <QCoreApplication>

#include <cstdio>

#include <unistd.h>

ExitWatchdog::~ExitWatchdog()
{
    {
        std::lock_guard lock(m_mutex);
        m_disarmed = true;
    }
    m_cv.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

void ExitWatchdog::arm(std::chrono::milliseconds grace, int exitCode)
{
    if (m_thread.joinable())
        return;
    m_thread = std::thread([this, grace, exitCode] {
        std::unique_lock lock(m_mutex);
        if (m_cv.wait_for(lock, grace, [this] { return m_disarmed; }))
            return;
        ModuleActivity::markAllStuck();
        ModuleHelper::stopAll(); // modules in a separate process: no child stays behind
        const QString msg = QCoreApplication::translate(
            "main", "tokendesk: a module did not return from a call; exiting without waiting for it.");
        std::fprintf(stderr, "%s\n", qPrintable(msg));
        std::fflush(stdout);
        std::fflush(stderr);
        ::_exit(exitCode);
    });
}
