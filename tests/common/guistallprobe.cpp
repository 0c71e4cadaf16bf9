// SPDX-License-Identifier: GPL-3.0-or-later
#include "guistallprobe.h"

#include <QThread>

#include <algorithm>
#include <cstdlib>

#include <fcntl.h>
#include <unistd.h>

GuiStallProbe::GuiStallProbe(QObject *parent) : QObject(parent)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(kPeriodMs);
    connect(&m_timer, &QTimer::timeout, this, [this] { tick(); });
}

GuiStallProbe::~GuiStallProbe()
{
    if (m_fd >= 0)
        ::close(m_fd);
}

qint64 GuiStallProbe::runQueueNs() const
{
    // "<ns on CPU> <ns waiting on a run queue> <timeslices>\n", for the calling thread.
    if (m_fd < 0)
        return 0;
    char buf[96] = {};
    const ssize_t n = ::pread(m_fd, buf, sizeof buf - 1, 0);
    if (n <= 0)
        return m_lastRunQueueNs;
    char *end = nullptr;
    std::strtoull(buf, &end, 10);
    return qint64(std::strtoull(end, nullptr, 10));
}

void GuiStallProbe::start()
{
    Q_ASSERT(QThread::currentThread() == thread());
    if (m_fd < 0)
        m_fd = ::open("/proc/thread-self/schedstat", O_RDONLY | O_CLOEXEC);
    m_ticks = 0;
    m_longestStallNs = m_longestRawNs = m_runQueueNs = m_durationNs = 0;
    m_clock.start();
    m_lastNs = 0;
    m_startRunQueueNs = m_lastRunQueueNs = runQueueNs();
    m_timer.start();
}

void GuiStallProbe::stop()
{
    if (!m_timer.isActive())
        return;
    tick(); // the gap up to now counts too: a stall at the very end is still a stall
    m_timer.stop();
    m_durationNs = m_clock.nsecsElapsed();
    m_runQueueNs = m_lastRunQueueNs - m_startRunQueueNs;
}

void GuiStallProbe::tick()
{
    const qint64 now = m_clock.nsecsElapsed();
    const qint64 runQueue = runQueueNs();
    const qint64 late = std::max<qint64>(0, now - m_lastNs - qint64(kPeriodMs) * 1000000);
    const qint64 waited = std::max<qint64>(0, runQueue - m_lastRunQueueNs);
    m_longestRawNs = std::max(m_longestRawNs, late);
    m_longestStallNs = std::max(m_longestStallNs, std::max<qint64>(0, late - waited));
    m_lastNs = now;
    m_lastRunQueueNs = runQueue;
    ++m_ticks;
}

QString GuiStallProbe::summary() const
{
    return QStringLiteral("longest stall %1 ms (raw gap %2 ms), %3 ticks in %4 s, %5 ms waiting for a CPU%6")
        .arg(longestStallMs(), 0, 'f', 1)
        .arg(longestRawGapMs(), 0, 'f', 1)
        .arg(m_ticks)
        .arg(double(m_durationNs) / 1e9, 0, 'f', 1)
        .arg(cpuWaitMs(), 0, 'f', 1)
        .arg(correctedForLoad() ? QString() : QStringLiteral(" (no schedstat: raw gaps judged)"));
}
