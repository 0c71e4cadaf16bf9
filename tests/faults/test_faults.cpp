// SPDX-License-Identifier: GPL-3.0-or-later
// A module that crashes or hangs never takes TokenDesk down for good nor keeps it
// from finishing: the real tokendesk executable against the fault module
// (tests/lifecycle/faultp11.cpp, TOKENDESK_FAULT_ACTIONS), which forwards to SoftHSM.
#include "listrun.h"
#include "softhsmfixture.h"

#include "dialogs/addmoduledialog.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "models/treenode.h"
#include "dialogs/crashedmodulesdialog.h"
#include "inventory/crashedmodules.h"
#include "inventory/discovery.h"
#include "inventory/moduleprobe.h"
#include "p11/module.h"

#include <QCheckBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>

#include <thread>

namespace {
const QString kExe = QStringLiteral(TOKENDESK_EXE);
const QString kFault = ModuleRegistry::canonicalPath(QStringLiteral(TOKENDESK_FAULT_MODULE));

struct Run {
    int status = -1;          // exit code, or 128 + signal-ish for a crash (see crashed)
    bool crashed = false;
    QByteArray out, err;
    qint64 ms = 0;
};

// Runs tokendesk with the test's environment (XDG dirs, SoftHSM store) plus actions.
Run tokendesk(const QStringList &args, const QString &actions = {}, int limitMs = 120000)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("TOKENDESK_FAULT_ACTIONS"), actions);
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    QElapsedTimer t;
    t.start();
    p.start(kExe, args);
    Run r;
    if (!p.waitForStarted(10000))
        return r;
    if (!p.waitForFinished(limitMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.ms = t.elapsed();
    r.crashed = p.exitStatus() == QProcess::CrashExit;
    r.status = p.exitCode();
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    return r;
}

QJsonObject moduleEntry(const QByteArray &json, const QString &path)
{
    // Every JSON a test reads here also matches the published schema.
    if (const QString problems = ListRun::schemaErrors(json); !problems.isEmpty())
        QTest::qFail(qPrintable(QStringLiteral("output does not match the schema: ") + problems), __FILE__, __LINE__);
    const QJsonArray modules = QJsonDocument::fromJson(json).object().value(QStringLiteral("modules")).toArray();
    for (const auto &m : modules)
        if (m.toObject().value(QStringLiteral("path")).toString() == path)
            return m.toObject();
    return {};
}

// Processes running a module in a separate process (`p11-kit remote MODULE`), and our own
// children that are p11-kit's, zombies included: what must not stay behind.
QStringList helperProcesses(const QString &module)
{
    QStringList found;
    const QString self = QString::number(QCoreApplication::applicationPid());
    for (const QString &pid : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        if (pid.toLongLong() <= 0)
            continue;
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        const QByteArray args = cmd.open(QIODevice::ReadOnly) ? cmd.readAll() : QByteArray();
        if (args.contains(QFile::encodeName(module)) && args.contains("remote"))
            found << pid + QStringLiteral(" ") + QString::fromLocal8Bit(args).replace(QLatin1Char('\0'), QLatin1Char(' '));
        QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
        const QByteArray st = stat.open(QIODevice::ReadOnly) ? stat.readAll() : QByteArray();
        const QList<QByteArray> fields = st.mid(st.lastIndexOf(')') + 2).split(' ');
        if (st.contains("(p11-kit") && fields.size() > 1 && fields[1] == self.toLatin1())
            found << pid + QStringLiteral(" child ") + QString::fromLatin1(st.left(60));
    }
    return found;
}

bool listsToken(const QJsonObject &module, const QString &label)
{
    for (const auto &s : module.value(QStringLiteral("slots")).toArray())
        if (s.toObject().value(QStringLiteral("token")).toObject().value(QStringLiteral("label")).toString() == label)
            return true;
    return false;
}
} // namespace

class TestFaults : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QTemporaryDir m_home; // XDG config (settings) and data (crash records) of every tokendesk run here
    QString m_softhsm = ModuleRegistry::canonicalPath(SoftHsmFixture::softhsmModule());

    QStringList listArgs(const QStringList &extra = {}) const
    {
        return QStringList{QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--module"), kFault,
                           QStringLiteral("--module"), m_softhsm}
            + extra;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("XDG_CONFIG_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("config"))));
        qputenv("XDG_DATA_HOME", QFile::encodeName(m_home.filePath(QStringLiteral("data"))));
        QCoreApplication::setOrganizationName(QStringLiteral("TokenDesk"));
        QCoreApplication::setApplicationName(QStringLiteral("TokenDesk"));
        m_hsm.initToken(QStringLiteral("Helpdesk"));
        ModuleProbe::setProgram(kExe);
    }

    void init()
    {
        QSettings().clear();
        QSettings().sync();
    }

    // Bullet "the app can brick itself": a crash while loading or using a module; the next
    // start names it and what it was doing, skips it (exit 2) and lists the others;
    // --retry-crashed loads it again.
    void listSkipsModuleThatCrashed_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("call");
        QTest::newRow("abort in C_Initialize") << "C_Initialize=abort" << "C_Initialize";
        QTest::newRow("segfault in C_GetTokenInfo") << "C_GetTokenInfo=segv" << "C_GetTokenInfo";
        QTest::newRow("abort in C_FindObjects") << "C_FindObjects=abort" << "C_FindObjects";
        QTest::newRow("abort in C_Finalize") << "C_Finalize=abort" << "C_Finalize";
        // Called from a destructor (unguarded), still recorded.
        QTest::newRow("segfault in C_CloseSession") << "C_CloseSession=segv" << "C_CloseSession";
    }
    void listSkipsModuleThatCrashed()
    {
        QFETCH(QString, action);
        QFETCH(QString, call);
        const Run crash = tokendesk(listArgs(), action);
        QVERIFY2(crash.crashed, crash.err.constData());

        const Run next = tokendesk(listArgs()); // the module would work now: it must still be skipped
        QCOMPARE(next.crashed, false);
        QCOMPARE(next.status, 2);
        const QJsonObject fault = moduleEntry(next.out, kFault);
        QCOMPARE(fault.value(QStringLiteral("outcome")).toString(), QStringLiteral("skipped after crash"));
        const QString error = fault.value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(call) && error.contains(kFault) && error.contains(QStringLiteral("--retry-crashed")),
                 qPrintable(error));
        // From now on it runs in a separate process, and the notice says so.
        QVERIFY2(error.contains(QStringLiteral("separate process")), qPrintable(error));
        QVERIFY(Discovery::isIsolated(QSettings(), kFault));
        QVERIFY2(listsToken(moduleEntry(next.out, m_softhsm), QStringLiteral("Helpdesk")), next.out.constData());

        const Run text = tokendesk({QStringLiteral("--list"), QStringLiteral("--module"), kFault});
        QCOMPARE(text.status, 2);
        QVERIFY(QString::fromUtf8(text.out).contains(call));

        // Tried again in a separate process: the same fault now ends only that process.
        const Run contained = tokendesk(listArgs({QStringLiteral("--retry-crashed")}), action);
        QVERIFY2(!contained.crashed, contained.err.constData());
        if (call != QLatin1String("C_Finalize") && call != QLatin1String("C_CloseSession")) {
            QCOMPARE(contained.status, 2);
            QVERIFY2(QJsonDocument(moduleEntry(contained.out, kFault)).toJson().contains("crashed in its separate process"),
                     contained.out.constData());
        }
        QVERIFY(CrashedModules::list(QSettings()).isEmpty());

        const Run retry = tokendesk(listArgs({QStringLiteral("--retry-crashed")}));
        QVERIFY2(retry.status == 0, retry.err.constData());
        QVERIFY(listsToken(moduleEntry(retry.out, kFault), QStringLiteral("Helpdesk")));
        QCOMPARE(tokendesk(listArgs()).status, 0); // retried successfully: no longer skipped
    }

    // Bullet "every wait has a limit": a module hanging in C_Initialize or C_FindObjects is
    // reported as not answering, the others are listed, exit 2, within the time limit.
    void listGivesUpOnModuleThatHangs_data()
    {
        QTest::addColumn<QString>("call");
        QTest::newRow("C_Initialize") << "C_Initialize";
        QTest::newRow("C_GetTokenInfo") << "C_GetTokenInfo";
        QTest::newRow("C_FindObjects") << "C_FindObjects";
    }
    void listGivesUpOnModuleThatHangs()
    {
        QFETCH(QString, call);
        const int timeout = 3;
        const Run r = tokendesk(listArgs({QStringLiteral("--timeout"), QString::number(timeout)}),
                                call + QStringLiteral("=sleep:600"));
        QCOMPARE(r.crashed, false);
        QCOMPARE(r.status, 2);
        QVERIFY2(r.ms < (timeout + 30) * 1000, qPrintable(QString::number(r.ms)));
        QJsonParseError pe;
        QJsonDocument::fromJson(r.out, &pe);
        QCOMPARE(pe.error, QJsonParseError::NoError);
        const QJsonObject fault = moduleEntry(r.out, kFault);
        QCOMPARE(fault.value(QStringLiteral("outcome")).toString(), QStringLiteral("timed out"));
        QVERIFY2(fault.value(QStringLiteral("error")).toString().contains(call), r.out.constData());
        QVERIFY2(listsToken(moduleEntry(r.out, m_softhsm), QStringLiteral("Helpdesk")), r.out.constData());
        // Reported already: the next run tries it again (and it answers now).
        QCOMPARE(tokendesk(listArgs()).status, 0);
    }

    void listRejectsBadTimeout()
    {
        QCOMPARE(tokendesk({QStringLiteral("--list"), QStringLiteral("--timeout"), QStringLiteral("0")}).status, 64);
        QCOMPARE(tokendesk({QStringLiteral("--list"), QStringLiteral("--timeout"), QStringLiteral("x")}).status, 64);
    }

    // Quit (here SIGTERM, which closes the window like Quit) ends the process within
    // seconds although a worker is stuck in C_FindObjects; the next start skips the module
    // and says it did not answer.
    void guiQuitsWhileWorkerIsStuck()
    {
        QTemporaryDir tmp;
        const QString mark = tmp.filePath(QStringLiteral("inside"));
        qputenv("TOKENDESK_FAULT_ACTION_MARK", QFile::encodeName(mark));
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TOKENDESK_FAULT_ACTIONS"), QStringLiteral("C_FindObjects=sleep:600"));
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(kExe, {QStringLiteral("--module"), kFault});
        qunsetenv("TOKENDESK_FAULT_ACTION_MARK");
        QVERIFY(gui.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(mark), 60000);
        QElapsedTimer t;
        t.start();
        gui.terminate();
        QVERIFY2(gui.waitForFinished(15000), "the GUI did not exit");
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
        QCOMPARE(gui.exitCode(), 0);

        const Run next = tokendesk(listArgs());
        QCOMPARE(next.status, 2);
        const QString error = moduleEntry(next.out, kFault).value(QStringLiteral("error")).toString();
        QVERIFY2(error.contains(QStringLiteral("did not answer")) && error.contains(QStringLiteral("C_FindObjects")),
                 qPrintable(error));
    }

    // "Run in a separate process" (issue 10, first bullet): a module that crashes in its own
    // process is reported by name, call and signal; TokenDesk does not crash, lists the other
    // modules, exits 2, records no crash (nothing took it down) and leaves no process behind.
    // The flag comes from the settings (one module) or from --isolate (all of them).
    void isolatedCrashIsContained_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("call");
        QTest::addColumn<QString>("signal");
        QTest::addColumn<bool>("isolateAll");
        QTest::newRow("segfault in C_GetTokenInfo, module setting")
            << "C_GetTokenInfo=segv" << "C_GetTokenInfo" << "SIGSEGV" << false;
        QTest::newRow("abort in C_FindObjects, module setting") << "C_FindObjects=abort" << "C_FindObjects" << "SIGABRT" << false;
        QTest::newRow("segfault in C_FindObjects, --isolate") << "C_FindObjects=segv" << "C_FindObjects" << "SIGSEGV" << true;
        QTest::newRow("abort in C_Initialize, --isolate") << "C_Initialize=abort" << "C_Initialize" << "SIGABRT" << true;
    }
    void isolatedCrashIsContained()
    {
        QFETCH(QString, action);
        QFETCH(QString, call);
        QFETCH(QString, signal);
        QFETCH(bool, isolateAll);
        QStringList extra;
        if (isolateAll) {
            extra << QStringLiteral("--isolate");
        } else {
            QSettings settings;
            Discovery::setIsolated(settings, kFault, true);
        }
        const Run r = tokendesk(listArgs(extra), action);
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.status, 2);
        // The module's error (a crash while loading or scanning) or its token's (while reading objects).
        const QString fault = QString::fromUtf8(QJsonDocument(moduleEntry(r.out, kFault)).toJson());
        QVERIFY2(fault.contains(QStringLiteral("crashed in its separate process")) && fault.contains(kFault)
                     && fault.contains(call) && fault.contains(signal),
                 qPrintable(fault));
        QVERIFY2(listsToken(moduleEntry(r.out, m_softhsm), QStringLiteral("Helpdesk")), r.out.constData());
        QVERIFY2(helperProcesses(kFault).isEmpty(), qPrintable(helperProcesses(kFault).join(QLatin1Char('\n'))));
        // TokenDesk itself did not crash: nothing is skipped next time, and the module works again.
        QSettings settings;
        QVERIFY(CrashedModules::collect(settings, CrashedModules::activityDir()).isEmpty());
        const Run next = tokendesk(listArgs(extra));
        QCOMPARE(next.status, 0);
        QVERIFY2(listsToken(moduleEntry(next.out, kFault), QStringLiteral("Helpdesk")), next.out.constData());
    }

    // A hang in the separate process is bounded by --timeout: that process is ended, the
    // module named with its call, the others listed, exit 2, no process left behind.
    void isolatedHangIsBounded_data() { listGivesUpOnModuleThatHangs_data(); }
    void isolatedHangIsBounded()
    {
        QFETCH(QString, call);
        QSettings settings;
        Discovery::setIsolated(settings, kFault, true);
        settings.sync();
        const int timeout = 3;
        const Run r = tokendesk(listArgs({QStringLiteral("--timeout"), QString::number(timeout)}),
                                call + QStringLiteral("=sleep:600"));
        QVERIFY2(!r.crashed, r.err.constData());
        QCOMPARE(r.status, 2);
        // One limit per call, and the module is stopped, not abandoned: well before the next one.
        QVERIFY2(r.ms < (timeout + 12) * 1000, qPrintable(QString::number(r.ms)));
        const QString fault = QString::fromUtf8(QJsonDocument(moduleEntry(r.out, kFault)).toJson());
        QVERIFY2(fault.contains(QStringLiteral("stopped responding in its separate process")) && fault.contains(call),
                 qPrintable(fault));
        QVERIFY2(listsToken(moduleEntry(r.out, m_softhsm), QStringLiteral("Helpdesk")), r.out.constData());
        QVERIFY2(helperProcesses(kFault).isEmpty(), qPrintable(helperProcesses(kFault).join(QLatin1Char('\n'))));
        QVERIFY(CrashedModules::collect(settings, CrashedModules::activityDir()).isEmpty());
    }

    // What a module in a separate process lists is what it holds: the same objects as
    // pkcs11-tool -O on the same store (the independent oracle), and as the module loaded here.
    void isolatedListingMatchesPkcs11Tool()
    {
        if (!m_hsm.pkcs11Tool(QStringLiteral("Helpdesk"), {QStringLiteral("-O")}).contains("iso-rsa")) {
            m_hsm.pkcs11Tool(QStringLiteral("Helpdesk"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                                          QStringLiteral("rsa:2048"), QStringLiteral("--label"),
                                                          QStringLiteral("iso-rsa"), QStringLiteral("--id"), QStringLiteral("a1")});
            m_hsm.pkcs11Tool(QStringLiteral("Helpdesk"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                                          QStringLiteral("EC:prime256v1"), QStringLiteral("--label"),
                                                          QStringLiteral("iso-ec"), QStringLiteral("--id"), QStringLiteral("b2")});
        }
        // pkcs11-tool without login: the public objects, as --list without --login.
        const QString tool = QString::fromUtf8(SoftHsmFixture::run(
            QStringLiteral("pkcs11-tool"), {QStringLiteral("--module"), m_softhsm, QStringLiteral("--token-label"),
                                            QStringLiteral("Helpdesk"), QStringLiteral("-O")}));
        QStringList expected;
        QString label;
        for (const QString &line : tool.split(QLatin1Char('\n'))) {
            const QString t = line.trimmed();
            if (t.startsWith(QLatin1String("label:")))
                label = t.mid(6).trimmed();
            else if (t.startsWith(QLatin1String("ID:")))
                expected << label + QLatin1Char('|') + t.mid(3).trimmed().toLower();
        }
        expected.sort();
        QVERIFY2(expected.size() >= 2, qPrintable(tool));

        const auto listed = [this](bool isolated) {
            QSettings settings;
            Discovery::setIsolated(settings, kFault, isolated);
            settings.sync();
            const Run r = tokendesk({QStringLiteral("--list"), QStringLiteral("--json"), QStringLiteral("--module"), kFault});
            QStringList objects;
            for (const auto &sl : moduleEntry(r.out, kFault).value(QStringLiteral("slots")).toArray()) {
                const QJsonObject token = sl.toObject().value(QStringLiteral("token")).toObject();
                if (token.value(QStringLiteral("label")).toString() != QLatin1String("Helpdesk"))
                    continue;
                for (const auto &o : token.value(QStringLiteral("objects")).toArray())
                    objects << o.toObject().value(QStringLiteral("label")).toString() + QLatin1Char('|')
                            + o.toObject().value(QStringLiteral("id")).toString().remove(QLatin1Char(':')).toLower();
            }
            objects.sort();
            return std::make_pair(r.status, objects);
        };
        const auto [isolatedStatus, isolated] = listed(true);
        QCOMPARE(isolatedStatus, 0);
        QCOMPARE(isolated, expected);
        const auto [directStatus, direct] = listed(false);
        QCOMPARE(directStatus, 0);
        QCOMPARE(direct, isolated);
        QVERIFY(helperProcesses(kFault).isEmpty());
    }

    // The window (offscreen, in this process): a module whose separate process crashes while
    // its objects are read shows the crash on its row; the other module's token stays listed,
    // and the crashed process does not linger, not even as a zombie.
    void isolatedCrashInWindow()
    {
        qputenv("TOKENDESK_FAULT_ACTIONS", "C_FindObjects=segv"); // the child inherits it
        {
            ModuleRegistry registry;
            Inventory inventory(registry);
            MainWindow window(inventory, [this] {
                return QList<ModuleSpec>{ModuleSpec{kFault, QStringLiteral("fault"), false, true},
                                         ModuleSpec{m_softhsm, QStringLiteral("softhsm2"), false, false}};
            });
            window.show();
            window.refreshAll();
            const TokenTreeModel *model = window.model();
            const auto moduleError = [model](const QString &path) {
                const QModelIndex i = model->indexOfModule(path);
                return i.isValid() ? model->node(i)->module()->error : QString();
            };
            const auto showsToken = [model](const QString &path, const QString &label) {
                const QModelIndex m = model->indexOfModule(path);
                for (int s = 0; m.isValid() && s < model->rowCount(m); ++s) {
                    const QModelIndex slot = model->index(s, 0, m);
                    for (int t = 0; t < model->rowCount(slot); ++t)
                        if (model->node(model->index(t, 0, slot))->token()->label == label)
                            return true;
                }
                return false;
            };
            QTRY_VERIFY_WITH_TIMEOUT(moduleError(kFault).contains(QStringLiteral("crashed in its separate process")), 60000);
            const QString error = moduleError(kFault);
            QVERIFY2(error.contains(kFault) && error.contains(QStringLiteral("C_FindObjects"))
                         && error.contains(QStringLiteral("SIGSEGV")),
                     qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(showsToken(m_softhsm, QStringLiteral("Helpdesk")), 30000);
            QTRY_VERIFY_WITH_TIMEOUT(helperProcesses(kFault).isEmpty(), 20000);

            // Turned off for this module: loaded into the process again (no fault now), listed.
            qunsetenv("TOKENDESK_FAULT_ACTIONS");
            {
                QSettings settings;
                Discovery::setIsolated(settings, kFault, true);
            }
            window.tree()->setCurrentIndex(model->indexOfModule(kFault));
            window.setSelectedModuleIsolated(false);
            QVERIFY(!Discovery::isIsolated(QSettings(), kFault));
        }
        qunsetenv("TOKENDESK_FAULT_ACTIONS");
        QVERIFY(helperProcesses(kFault).isEmpty());
    }

    // A call in a separate process has a limit of its own (ModuleRegistry::setCallLimit):
    // the hung process is ended and the call returns an error instead of blocking its worker.
    void isolatedCallHasALimit()
    {
        qputenv("TOKENDESK_FAULT_ACTIONS", "C_GetSlotList=sleep:600");
        std::thread worker([this] {
            ModuleRegistry registry;
            registry.setCallLimit(std::chrono::milliseconds(1500));
            const std::shared_ptr<Module> m = registry.load(kFault, true);
            QVERIFY(m->helper()->pid() > 0);
            QElapsedTimer t;
            t.start();
            CK_ULONG n = 0;
            QVERIFY(P11CALL(*m, C_GetSlotList, CK_FALSE, nullptr, &n) != CKR_OK);
            QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
            QVERIFY(m->helper()->stopped());
            QVERIFY2(m->helper()->problem().contains(QStringLiteral("C_GetSlotList")), qPrintable(m->helper()->problem()));
        });
        worker.join();
        qunsetenv("TOKENDESK_FAULT_ACTIONS");
        QVERIFY(helperProcesses(kFault).isEmpty());
    }

    // Quit with a module stuck in its separate process: the window closes, the process
    // exits within seconds, and its child is ended too.
    void guiQuitEndsIsolatedChild()
    {
        QSettings settings;
        Discovery::setIsolated(settings, kFault, true);
        settings.sync();
        QTemporaryDir tmp;
        const QString mark = tmp.filePath(QStringLiteral("inside"));
        QProcess gui;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("TOKENDESK_FAULT_ACTIONS"), QStringLiteral("C_FindObjects=sleep:600"));
        env.insert(QStringLiteral("TOKENDESK_FAULT_ACTION_MARK"), mark);
        env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        gui.setProcessEnvironment(env);
        gui.start(kExe, {QStringLiteral("--module"), kFault});
        QVERIFY(gui.waitForStarted(10000));
        QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(mark), 60000);
        QVERIFY(!helperProcesses(kFault).isEmpty());
        QElapsedTimer t;
        t.start();
        gui.terminate();
        QVERIFY2(gui.waitForFinished(15000), "the GUI did not exit");
        QVERIFY2(t.elapsed() < 10000, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(gui.exitStatus(), QProcess::NormalExit);
        QTRY_VERIFY_WITH_TIMEOUT(helperProcesses(kFault).isEmpty(), 5000);
        // Nothing took TokenDesk down: the module is not skipped next time.
        QVERIFY(CrashedModules::collect(settings, CrashedModules::activityDir()).isEmpty());
    }

    // "Add module…" tries the module in a child process; a module that crashes there is
    // not saved, and the dialog says which call it died in.
    void addModuleProbesBeforeSaving_data()
    {
        QTest::addColumn<QString>("action");
        QTest::addColumn<QString>("call");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("works") << "" << "" << true;
        QTest::newRow("abort in C_Initialize") << "C_Initialize=abort" << "C_Initialize" << false;
        QTest::newRow("segfault in C_GetTokenInfo") << "C_GetTokenInfo=segv" << "C_GetTokenInfo" << false;
        QTest::newRow("abort in C_Finalize") << "C_Finalize=abort" << "C_Finalize" << false;
    }
    void addModuleProbesBeforeSaving()
    {
        QFETCH(QString, action);
        QFETCH(QString, call);
        QFETCH(bool, accepted);
        qputenv("TOKENDESK_FAULT_ACTIONS", action.toUtf8());
        AddModuleDialog dlg({});
        dlg.show();
        QSignalSpy done(&dlg, &QDialog::finished);
        dlg.tryModule(kFault);
        QVERIFY(dlg.isTrying());
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isTrying(), 60000);
        qunsetenv("TOKENDESK_FAULT_ACTIONS");
        QCOMPARE(done.size(), accepted ? 1 : 0);
        if (accepted) {
            QCOMPARE(dlg.selectedPath(), kFault);
            QVERIFY2(dlg.status().contains(QStringLiteral("SoftHSM")), qPrintable(dlg.status()));
        } else {
            QVERIFY(dlg.isVisible());
            QVERIFY(dlg.selectedPath().isEmpty());
            QVERIFY2(dlg.status().contains(call), qPrintable(dlg.status()));
            // Nothing saved, and no crash record of the child for the next start.
            QVERIFY(Discovery::userModules(QSettings()).isEmpty());
            QSettings settings;
            QVERIFY(CrashedModules::collect(settings, CrashedModules::activityDir()).isEmpty());
        }
    }

    // "Add module…" offers the separate process, off by default, with its cost in plain words.
    void addModuleOffersIsolation()
    {
        AddModuleDialog dlg({});
        dlg.show();
        auto *box = dlg.findChild<QCheckBox *>();
        QVERIFY(box && !box->isChecked() && !dlg.runIsolated());
        QCOMPARE(box->text(), QStringLiteral("Run in a separate process (safer, slower)"));
        QVERIFY2(box->toolTip().contains(QStringLiteral("per second")), qPrintable(box->toolTip()));
        box->setFocus();
        QTest::keyClick(box, Qt::Key_Space);
        QVERIFY(dlg.runIsolated());
        QSignalSpy done(&dlg, &QDialog::finished);
        dlg.tryModule(kFault);
        QTRY_VERIFY_WITH_TIMEOUT(!dlg.isTrying(), 60000);
        QCOMPARE(done.size(), 1);
        QCOMPARE(dlg.selectedPath(), kFault);
        QVERIFY(dlg.runIsolated());
    }

    void probeGivesUpOnModuleThatHangs()
    {
        qputenv("TOKENDESK_FAULT_ACTIONS", "C_GetSlotList=sleep:600");
        ModuleProbe probe;
        QSignalSpy finished(&probe, &ModuleProbe::finished);
        QElapsedTimer t;
        t.start();
        probe.start(kFault, 2000);
        QVERIFY(finished.wait(30000));
        qunsetenv("TOKENDESK_FAULT_ACTIONS");
        QVERIFY(t.elapsed() < 20000);
        QCOMPARE(finished.at(0).at(0).toBool(), false);
        const QString message = finished.at(0).at(1).toString();
        QVERIFY2(message.contains(QStringLiteral("did not answer")) && message.contains(QStringLiteral("C_GetSlotList")),
                 qPrintable(message));
    }

    // The startup dialog: Try again forgets the crash, Remove also drops a user-added module.
    void crashedModulesDialog()
    {
        QVERIFY(tokendesk(listArgs(), QStringLiteral("C_Initialize=abort")).crashed);
        QSettings settings;
        Discovery::addUserModule(settings, kFault);
        const QList<CrashedModule> crashed = CrashedModules::collect(settings, CrashedModules::activityDir());
        QCOMPARE(crashed.size(), 1);
        QCOMPARE(crashed[0].path, kFault);
        QCOMPARE(crashed[0].calls, QStringList{QStringLiteral("C_Initialize")});
        QVERIFY(!crashed[0].hung);

        // Keep skipped: nothing changes.
        {
            CrashedModulesDialog dlg(crashed, {kFault});
            dlg.show();
            QTest::keyClick(&dlg, Qt::Key_Escape);
            QVERIFY(!dlg.isVisible());
            QCOMPARE(CrashedModules::list(QSettings()).size(), 1);
        }
        // Try again.
        {
            CrashedModulesDialog dlg(crashed, {kFault});
            QSignalSpy retried(&dlg, &CrashedModulesDialog::retried);
            dlg.show();
            auto *retry = dlg.findChild<QWidget *>(kFault)->findChild<QPushButton *>(QStringLiteral("retry"));
            QTest::mouseClick(retry, Qt::LeftButton);
            QCOMPARE(retried.size(), 1);
            QCOMPARE(dlg.result(), int(QDialog::Accepted));
            QVERIFY(CrashedModules::list(QSettings()).isEmpty());
            QCOMPARE(Discovery::userModules(QSettings()).size(), 1);
        }
        // Remove (user-added) vs. p11-kit's module (cannot be removed here).
        {
            CrashedModulesDialog p11kit(crashed, {});
            QVERIFY(!p11kit.findChild<QWidget *>(kFault)->findChild<QPushButton *>(QStringLiteral("remove"))->isEnabled());
            CrashedModulesDialog dlg(crashed, {kFault});
            dlg.show();
            QTest::mouseClick(dlg.findChild<QWidget *>(kFault)->findChild<QPushButton *>(QStringLiteral("remove")),
                              Qt::LeftButton);
            QVERIFY(CrashedModules::list(QSettings()).isEmpty());
            QVERIFY(Discovery::userModules(QSettings()).isEmpty());
        }
    }
};

QTEST_MAIN(TestFaults)
#include "test_faults.moc"
