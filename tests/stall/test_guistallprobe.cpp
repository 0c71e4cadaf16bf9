// SPDX-License-Identifier: GPL-3.0-or-later
// GuiStallProbe (tests/common) can fail: a GUI thread that computes for 120 ms of its own
// CPU time, or blocks for 120 ms, is reported as a stall however loaded the machine is,
// and an idle event loop is not.
#include "guistallprobe.h"

#include <QTest>

#include <chrono>
#include <thread>

#include <time.h>

namespace {
qint64 threadCpuNs()
{
    timespec t{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
    return qint64(t.tv_sec) * 1000000000 + t.tv_nsec;
}
} // namespace

class TestGuiStallProbe : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void busyGuiThreadIsAStall()
    {
        GuiStallProbe probe;
        probe.start();
        QTest::qWait(30);
        const qint64 cpuStart = threadCpuNs();
        volatile unsigned sink = 0;
        while (threadCpuNs() - cpuStart < 120000000) // 120 ms of this thread's own CPU time
            sink = sink + 1;
        QTest::qWait(30);
        probe.stop();
        qInfo("busy: %s", qPrintable(probe.summary()));
        QVERIFY2(probe.longestStallMs() >= 100, qPrintable(probe.summary()));
        QVERIFY(!probe.withinLimit());
    }

    void blockedGuiThreadIsAStall()
    {
        GuiStallProbe probe;
        probe.start();
        QTest::qWait(30);
        std::this_thread::sleep_for(std::chrono::milliseconds(120)); // the GUI thread blocked, on purpose
        QTest::qWait(30);
        probe.stop();
        qInfo("blocked: %s", qPrintable(probe.summary()));
        QVERIFY2(probe.longestStallMs() >= 100, qPrintable(probe.summary()));
        QVERIFY(!probe.withinLimit());
    }

    void idleLoopIsNoStall()
    {
        GuiStallProbe probe;
        probe.start();
        QTest::qWait(500);
        probe.stop();
        qInfo("idle: %s", qPrintable(probe.summary()));
        QVERIFY2(probe.ticks() >= 20, qPrintable(probe.summary()));
        QVERIFY2(probe.withinLimit(), qPrintable(probe.summary()));
        QVERIFY(probe.correctedForLoad()); // Linux with schedstat: CPU waits are told apart
    }
};

QTEST_GUILESS_MAIN(TestGuiStallProbe)
#include "test_guistallprobe.moc"
