// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QStringList>

#include <map>

// One program run as a fresh process: posix_spawn, its output into a file, then
// wait4() for its exit and resource use. Wall time is taken around spawn and
// wait (CLOCK_MONOTONIC), peak memory is the child's ru_maxrss.
struct ChildRun {
    qint64 startNs = 0;  // CLOCK_MONOTONIC just before the spawn
    qint64 wallNs = 0;
    long maxRssKb = 0;
    qint64 cpuNs = 0;    // the child's user + system CPU time (wait4's ru_utime + ru_stime)
    int exitCode = -1;   // -1: killed by a signal
    QByteArray out;
    QByteArray err;

    // env: the variables to set or override on top of this process's environment.
    static ChildRun run(const QString &program, const QStringList &args, const std::map<QByteArray, QByteArray> &env,
                        const QString &scratchDir);
    static qint64 monotonicNs();
};
