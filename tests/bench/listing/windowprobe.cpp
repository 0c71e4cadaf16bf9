// SPDX-License-Identifier: GPL-3.0-or-later
// bench_listing_window MODULE EXPECTED_OBJECTS: the window as app/gui.cpp builds it
// (Inventory + MainWindow, shown), restricted to one module, with a probe timer on
// the GUI thread. Prints, 20 ticks after the tree holds EXPECTED_OBJECTS object rows:
//   populated_ns=<CLOCK_MONOTONIC when it did> max_stall_ms=<longest gap between probe ticks> rows=<n>
// The parent (bench_listing) takes the process start from its own clock before the
// spawn. Meant for QT_QPA_PLATFORM=offscreen: the tree is laid out and painted into
// an offscreen buffer, no display is involved.
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>
#include <ctime>

namespace {
qint64 monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

// Object rows: the children of depth-3 nodes (module → slot → token → group → object).
int objectRows(const QAbstractItemModel &m, const QModelIndex &parent = {}, int depth = 0)
{
    const int rows = m.rowCount(parent);
    if (depth == 4) // parent is a group
        return rows;
    int n = 0;
    for (int r = 0; r < rows; ++r)
        n += objectRows(m, m.index(r, 0, parent), depth + 1);
    return n;
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    if (argc != 3) {
        std::fprintf(stderr, "usage: bench_listing_window MODULE EXPECTED_OBJECTS\n");
        return 64;
    }
    QTemporaryDir settingsDir; // never the user's settings (crashed modules, window state)
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir.path());
    QCoreApplication::setOrganizationName(QStringLiteral("TokenDeskBench"));
    const ModuleSpec spec{QString::fromLocal8Bit(argv[1]), QStringLiteral("bench"), false};
    const int expected = QByteArray(argv[2]).toInt();

    ModuleRegistry registry;
    Inventory inventory(registry);
    MainWindow window(inventory, [spec] { return QList<ModuleSpec>{spec}; });
    window.resize(1200, 800);
    window.show();

    constexpr int kTickMs = 5;
    // Ticks still counted once the tree is full: the gap of the turn that filled it ends only
    // at the next tick, and the view's layout, first paint and column fit come after it.
    constexpr int kSettleTicks = 20;
    QElapsedTimer sinceTick;
    qint64 maxGapNs = 0;
    int ticks = 0;
    qint64 populatedNs = 0;
    int rowsSeen = 0;
    int settle = -1; // ticks left to count after populating; -1 while still populating
    auto finishIfPopulated = [&] {
        if (settle >= 0)
            return;
        rowsSeen = objectRows(*window.model());
        if (rowsSeen < expected)
            return;
        populatedNs = monotonicNs();
        settle = kSettleTicks;
    };
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(kTickMs);
    QObject::connect(&probe, &QTimer::timeout, [&] {
        maxGapNs = std::max(maxGapNs, sinceTick.nsecsElapsed());
        sinceTick.restart();
        ++ticks;
        if (settle > 0 && --settle == 0) {
            std::printf("populated_ns=%lld max_stall_ms=%.1f rows=%d ticks=%d\n", static_cast<long long>(populatedNs),
                        double(maxGapNs) / 1e6, rowsSeen, ticks);
            std::fflush(stdout);
            probe.stop();
            QTimer::singleShot(0, &app, [&window] { window.close(); QApplication::quit(); });
        }
    });
    QObject::connect(&window, &MainWindow::refreshFinished, &window, [&] {
        finishIfPopulated();
        if (settle < 0) // not all rows yet (a later refresh may bring them)
            QObject::connect(&probe, &QTimer::timeout, &window, finishIfPopulated);
    });
    QTimer::singleShot(0, &window, [&] {
        sinceTick.start();
        probe.start();
        window.refreshAll();
    });
    QTimer::singleShot(600000, &app, [] { std::fprintf(stderr, "not populated within 10 minutes\n"); QApplication::exit(2); });
    return QApplication::exec();
}
