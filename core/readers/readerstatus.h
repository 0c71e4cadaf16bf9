// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QString>
#include <QStringList>

// What PC/SC (pcsc-lite) sees, for the first-start panel: is the service running,
// which readers does it know. Never touches a card.
struct ReaderStatus {
    bool serviceRunning = false;
    QStringList readers;
    QString error; // a sentence when PC/SC answered with something other than "no service"

    // Blocking (pcscd may take a moment to answer): call on a worker, e.g. through probeAsync().
    static ReaderStatus probe();
    // probe() on a thread of the global pool: never on the GUI thread.
    static QFuture<ReaderStatus> probeAsync();
};
