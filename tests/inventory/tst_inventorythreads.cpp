// SPDX-License-Identifier: GPL-3.0-or-later
// Inventory's threads and lifetimes, against SoftHSM behind a recording module
// (recordp11.cpp) that reports which thread finalizes, which calls overlap a
// C_Finalize, and which sessions are open: removing a module while it is being
// scanned, unloading with slot monitoring on, rescanning readers while a token
// job is queued, entry points that cannot start, and tokens that go away.
#include "recorder.h"
#include "softhsmfixture.h"

#include "inventory/discovery.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/threadguard.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QMessageBox>
#include <QMutex>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <QTreeView>

#include <dlfcn.h>

#include <algorithm>
#include <memory>

namespace {
const QString kModule = ModuleRegistry::canonicalPath(QStringLiteral(TOKENDESK_RECORD_MODULE));

// The application as gui.cpp builds it: the modules listed are the user's, from settings.
struct Desk {
    ModuleRegistry registry;
    Inventory inventory{registry};
    MainWindow window{inventory, [] { return Discovery::userModules(QSettings()); }};
    QAbstractItemModelTester tester{window.model(), QAbstractItemModelTester::FailureReportingMode::Fatal};
};
} // namespace

class TestInventoryThreads : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QTemporaryDir m_settings;
    void *m_library = nullptr;
    Recorder *m_rec = nullptr;
    std::thread::id m_guiThread;
    std::size_t m_finalizesBefore = 0;
    bool m_expectUnload = true; // the test loaded the module, so its end must unload it
    QMutex m_mutex;
    QStringList m_violations; // guarded by m_mutex

    std::unique_ptr<Desk> openDesk()
    {
        auto d = std::make_unique<Desk>();
        d->window.show();
        QSignalSpy done(&d->window, &MainWindow::refreshFinished);
        d->window.refreshAll();
        if (!done.wait(30000))
            qWarning("the first refresh did not finish");
        return d;
    }
    static QModelIndex tokenRow(const Desk &d, const QString &label)
    {
        const TokenTreeModel *m = d.window.model();
        const QModelIndex mod = m->indexOfModule(kModule);
        for (int s = 0; s < m->rowCount(mod); ++s) {
            const QModelIndex slot = m->index(s, 0, mod);
            for (int t = 0; t < m->rowCount(slot); ++t)
                if (m->index(t, 0, slot).data().toString() == label)
                    return m->index(t, 0, slot);
        }
        return {};
    }
    static QAction *action(const Desk &d, const QString &text)
    {
        for (QAction *a : d.window.findChildren<QAction *>())
            if (a->text() == text)
                return a;
        return nullptr;
    }
    // Clicks `button` in the next modal message box, once it is shown.
    void answerNextQuestion(QMessageBox::StandardButton button)
    {
        auto *timer = new QTimer(this);
        connect(timer, &QTimer::timeout, this, [timer, button] {
            if (auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget())) {
                timer->stop();
                timer->deleteLater();
                box->button(button)->click();
            }
        });
        timer->start(10);
    }
    int finalizesSinceInit() const { return int(m_rec->finalizeThreads().size() - m_finalizesBefore); }
    static void closeDesk(std::unique_ptr<Desk> &d)
    {
        QTRY_COMPARE_WITH_TIMEOUT(d->window.busyJobs(), 0, 15000);
        d.reset();
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_settings.isValid());
        QCoreApplication::setOrganizationName(QStringLiteral("TokenDeskInventoryThreadsTest"));
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
        m_hsm.initToken(QStringLiteral("Threads"));
        m_hsm.pkcs11Tool(QStringLiteral("Threads"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                                     QStringLiteral("EC:prime256v1"), QStringLiteral("--id"),
                                                     QStringLiteral("01"), QStringLiteral("--label"),
                                                     QStringLiteral("signing")});
        m_hsm.initToken(QStringLiteral("Leaves"));
        qputenv("TOKENDESK_RECORD_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        // The same instance Inventory will load: this handle only reads its recorder.
        m_library = dlopen(QFile::encodeName(kModule).constData(), RTLD_NOW | RTLD_LOCAL);
        QVERIFY2(m_library, dlerror());
        auto access = reinterpret_cast<RecorderAccess>(dlsym(m_library, "recp11_recorder"));
        QVERIFY(access);
        m_rec = access();
        m_guiThread = std::this_thread::get_id();
        ThreadGuard::setViolationHandler([this](const char *fn) {
            QMutexLocker lock(&m_mutex);
            m_violations << QString::fromLatin1(fn);
        });
    }
    void cleanupTestCase() { ThreadGuard::setViolationHandler({}); }

    void init()
    {
        m_rec->release();
        m_rec->resetCounters();
        m_finalizesBefore = m_rec->finalizeThreads().size();
        m_expectUnload = true;
        QSettings settings;
        Discovery::addUserModule(settings, kModule);
        QMutexLocker lock(&m_mutex);
        m_violations.clear();
    }
    // Every test ends with its Inventory destroyed: by then the module was finalized
    // (and unloaded), and never on the GUI thread.
    void cleanup()
    {
        m_rec->release();
        if (m_expectUnload)
            QVERIFY(finalizesSinceInit() >= 1);
        const auto threads = m_rec->finalizeThreads();
        for (std::size_t i = m_finalizesBefore; i < threads.size(); ++i)
            QVERIFY2(threads[i] != m_guiThread, "C_Finalize ran on the GUI thread");
        QMutexLocker lock(&m_mutex);
        QCOMPARE(m_violations, QStringList());
    }

    void removeModuleWhileItsScanIsInFlight()
    {
        auto d = openDesk();
        const QModelIndex token = tokenRow(*d, QStringLiteral("Threads"));
        QVERIFY(token.isValid());
        const TokenRef ref = *d->window.model()->tokenRef(token);

        m_rec->hold(QStringLiteral("C_GetSlotList").toStdString());
        d->window.refreshAll();
        QTRY_COMPARE(m_rec->waiting(), 1); // the module's worker is inside the scan

        d->window.tree()->setCurrentIndex(d->window.model()->indexOfModule(kModule));
        QAction *remove = action(*d, QStringLiteral("&Remove module"));
        QVERIFY(remove && remove->isEnabled());
        answerNextQuestion(QMessageBox::Yes);
        remove->trigger();
        QVERIFY(!d->window.model()->indexOfModule(kModule).isValid());

        m_rec->release();
        // The removal unloads the module after the scan in flight; wait for both to end.
        QTRY_COMPARE_WITH_TIMEOUT(finalizesSinceInit(), 1, 15000);
        QVERIFY2(!d->window.model()->indexOfModule(kModule).isValid(), "a late scan result brought the module back");
        QTRY_COMPARE_WITH_TIMEOUT(d->window.busyJobs(), 0, 15000);
        QVERIFY(!d->window.model()->indexOfModule(kModule).isValid());
        QCOMPARE(d->window.model()->rowCount(), 0);
        QVERIFY(m_rec->finalizeThreads().back() != m_guiThread);
        QTRY_COMPARE(d->inventory.tokenExecutorCount(), 0);

        // What "Log in" on a resurrected row did: a job for a token of the removed module.
        QFuture<void> login;
        try {
            login = d->inventory.login(ref, CKU_USER, std::nullopt);
        } catch (...) {
            QFAIL("Inventory::login threw instead of returning a failed future");
        }
        QTRY_VERIFY(login.isFinished());
        QVERIFY_THROWS_EXCEPTION(TokenDeskError, login.waitForFinished());
        closeDesk(d);
    }

    void removedModuleIsFinalizedOffTheGuiThread()
    {
        auto d = openDesk();
        QVERIFY(tokenRow(*d, QStringLiteral("Threads")).isValid());
        QCOMPARE(d->inventory.tokenExecutorCount(), 2); // both tokens' objects were read
        d->window.tree()->setCurrentIndex(d->window.model()->indexOfModule(kModule));
        answerNextQuestion(QMessageBox::Yes);
        action(*d, QStringLiteral("&Remove module"))->trigger();
        // Slot monitoring is on; the monitor must not be what holds the module last.
        QTRY_COMPARE_WITH_TIMEOUT(finalizesSinceInit(), 1, 15000);
        QVERIFY2(m_rec->finalizeThreads().back() != m_guiThread, "C_Finalize ran on the GUI thread");
        QTRY_COMPARE(d->inventory.tokenExecutorCount(), 0);
        QCOMPARE(m_rec->openSessions(), 0);
        {
            QMutexLocker lock(&m_mutex);
            QCOMPARE(m_violations, QStringList()); // neither C_Finalize nor dlclose on the GUI thread
        }
        closeDesk(d);
    }

    void rescanAdmitsNoTokenJobUntilItIsDone()
    {
        auto d = openDesk();
        const QModelIndex token = tokenRow(*d, QStringLiteral("Threads"));
        QVERIFY(token.isValid());
        const TokenRef ref = *d->window.model()->tokenRef(token);
        QCOMPARE(m_rec->openSessions(), 2);

        m_rec->hold(QStringLiteral("C_Finalize").toStdString());
        d->window.tree()->setCurrentIndex(d->window.model()->indexOfModule(kModule));
        action(*d, QStringLiteral("Rescan &readers"))->trigger();
        QTRY_COMPARE(m_rec->waiting(), 1); // the module's worker is inside C_Finalize

        // A token job submitted now (a dialog, a refresh) must wait for C_Initialize.
        QFuture<TokenContents> read = d->inventory.readObjects(ref);
        QTRY_VERIFY(d->inventory.tokenJobsWaiting(kModule) == 1 || m_rec->overlaps() > 0);
        m_rec->release();
        QTRY_VERIFY_WITH_TIMEOUT(read.isFinished(), 15000);
        QCOMPARE(m_rec->overlaps(), 0);
        QCOMPARE(d->inventory.tokenJobsWaiting(kModule), 0);
        // It ran on a session opened after the re-initialization.
        bool listed = false;
        for (const ObjectInfo &o : read.result().objects)
            listed = listed || o.labelText() == QLatin1String("signing");
        QVERIFY(listed);
        QTRY_COMPARE_WITH_TIMEOUT(d->window.busyJobs(), 0, 15000);
        QCOMPARE(finalizesSinceInit(), 1);
        QVERIFY(m_rec->finalizeThreads().back() != m_guiThread);
        QVERIFY(tokenRow(*d, QStringLiteral("Threads")).isValid());
        QCOMPARE(m_rec->overlaps(), 0);
        closeDesk(d);
    }

    void entryPointsReturnFailedFutures_data()
    {
        QTest::addColumn<QString>("modulePath");
        QTest::newRow("unknown module") << QStringLiteral("/nonexistent/module.so");
        QTest::newRow("module listed but never scanned") << kModule;
    }
    void entryPointsReturnFailedFutures()
    {
        QFETCH(QString, modulePath);
        ModuleRegistry registry;
        auto inventory = std::make_unique<Inventory>(registry);
        const TokenRef ref{modulePath, 0, TokenIdentity{QStringLiteral("m"), QStringLiteral("x"), QStringLiteral("1"), std::nullopt}};
        int checked = 0;
        const auto expectFailure = [&](const char *name, auto start) {
            try {
                auto f = start();
                QTRY_VERIFY2(f.isFinished(), name);
                QVERIFY_THROWS_EXCEPTION(TokenDeskError, f.waitForFinished());
                ++checked;
            } catch (const std::exception &e) {
                QFAIL(qPrintable(QStringLiteral("%1 threw: %2").arg(QLatin1String(name), QString::fromUtf8(e.what()))));
            }
        };
        expectFailure("readObjects", [&] { return inventory->readObjects(ref); });
        expectFailure("login", [&] { return inventory->login(ref, CKU_USER, std::nullopt); });
        expectFailure("logout", [&] { return inventory->logout(ref); });
        expectFailure("tokenInfo", [&] { return inventory->tokenInfo(ref); });
        expectFailure("withSession", [&] {
            return inventory->withSession<int>(ref, [](QPromise<int> &p, Session &, const CK_TOKEN_INFO &) { p.addResult(1); });
        });
        expectFailure("withoutSession", [&] {
            return inventory->withoutSession<int>(
                ref, [](QPromise<int> &p, Module &, CK_SLOT_ID, const CK_TOKEN_INFO &) { p.addResult(1); });
        });
        expectFailure("rescanReaders", [&] { return inventory->rescanReaders(modulePath); });
        QCOMPARE(checked, 7);
        QCOMPARE(inventory->tokenExecutorCount(), 0);
        m_expectUnload = false; // nothing was loaded
    }

    // Issue 9 §3: a slot event is one read on the module's worker and one update of the tree.
    // The token that stayed is not read again (objects, mechanism list); only the one that came.
    void slotEventReadsOnlyTheTokenThatCameOrWent()
    {
        auto d = openDesk();
        const QModelIndex threadsRow = tokenRow(*d, QStringLiteral("Threads"));
        const QModelIndex leavesRow = tokenRow(*d, QStringLiteral("Leaves"));
        QVERIFY(threadsRow.isValid() && leavesRow.isValid());
        const CK_SLOT_ID threads = d->window.model()->tokenRef(threadsRow)->slot;
        const CK_SLOT_ID leaves = d->window.model()->tokenRef(leavesRow)->slot;
        QTRY_COMPARE_WITH_TIMEOUT(d->window.busyJobs(), 0, 15000);
        // Two polls of the monitor (each lists the slots twice): it runs, and knows the baseline.
        const auto pollsFrom = [this](int before, int polls) { return m_rec->calls("C_GetSlotList") >= before + 2 * polls; };
        int lists = m_rec->calls("C_GetSlotList");
        QTRY_VERIFY_WITH_TIMEOUT(pollsFrom(lists, 2), 10000);
        QVERIFY(!d->inventory.waitsForSlotEvents(kModule)); // SoftHSM's answer: not supported, so it polls

        QSignalSpy events(&d->inventory, &Inventory::slotsChanged);
        QSignalSpy removed(d->window.model(), &QAbstractItemModel::rowsRemoved);
        const int threadsFinds = m_rec->callsOnSlot("C_FindObjectsInit", threads);
        const int threadsMechanisms = m_rec->callsOnSlot("C_GetMechanismList", threads);
        const int scans = m_rec->calls("C_GetTokenInfo");

        m_rec->hideSlot(leaves, true); // the card is pulled out
        QTRY_VERIFY_WITH_TIMEOUT(!tokenRow(*d, QStringLiteral("Leaves")).isValid(), 15000);
        lists = m_rec->calls("C_GetSlotList");
        QTRY_VERIFY_WITH_TIMEOUT(pollsFrom(lists, 2), 10000); // later polls see nothing new
        QCOMPARE(events.count(), 1);
        // The event carries what the worker read: the reader is there, its card is not.
        const ModuleSnapshot pulled = events.at(0).at(1).value<ModuleSnapshot>();
        const auto leavesSlot = std::find_if(pulled.slots.begin(), pulled.slots.end(),
                                             [leaves](const SlotSnapshot &sl) { return sl.id == leaves; });
        QVERIFY(leavesSlot != pulled.slots.end());
        QVERIFY(!leavesSlot->token);
        QCOMPARE(removed.count(), 1); // the token's row, once
        QCOMPARE(m_rec->callsOnSlot("C_FindObjectsInit", threads), threadsFinds);
        QCOMPARE(m_rec->callsOnSlot("C_GetMechanismList", threads), threadsMechanisms);
        QVERIFY(m_rec->calls("C_GetTokenInfo") > scans); // the monitor's rescan read the token facts

        const int leavesFinds = m_rec->callsOnSlot("C_FindObjectsInit", leaves);
        m_rec->hideSlot(leaves, false); // and back in
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow(*d, QStringLiteral("Leaves")).isValid(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(d->window.busyJobs(), 0, 15000);
        lists = m_rec->calls("C_GetSlotList");
        QTRY_VERIFY_WITH_TIMEOUT(pollsFrom(lists, 2), 10000);
        QCOMPARE(events.count(), 2);
        QVERIFY(m_rec->callsOnSlot("C_FindObjectsInit", leaves) > leavesFinds); // the token that came is read
        QCOMPARE(m_rec->callsOnSlot("C_FindObjectsInit", threads), threadsFinds);
        QCOMPARE(m_rec->callsOnSlot("C_GetMechanismList", threads), threadsMechanisms);
        closeDesk(d);
    }

    // Where the module can wait for slot events (OpenSC can), a thread blocks in
    // C_WaitForSlotEvent and nothing polls; C_Finalize wakes it (a rescan of the readers, and the
    // module's unloading at the end, which must not hang), and after a rescan it waits again.
    void slotEventsWakeTheMonitorInsteadOfPolling()
    {
        m_rec->setSlotEvents(true);
        auto d = openDesk();
        QTRY_COMPARE_WITH_TIMEOUT(m_rec->slotEventWaiters(), 1, 10000);
        QTRY_VERIFY_WITH_TIMEOUT(d->inventory.waitsForSlotEvents(kModule), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(d->window.busyJobs(), 0, 15000);
        const QModelIndex leavesRow = tokenRow(*d, QStringLiteral("Leaves"));
        QVERIFY(leavesRow.isValid());
        const CK_SLOT_ID leaves = d->window.model()->tokenRef(leavesRow)->slot;
        QSignalSpy events(&d->inventory, &Inventory::slotsChanged);

        m_rec->hideSlot(leaves, true);
        QTRY_VERIFY_WITH_TIMEOUT(!tokenRow(*d, QStringLiteral("Leaves")).isValid(), 15000);
        QCOMPARE(events.count(), 1);
        QTRY_COMPARE_WITH_TIMEOUT(m_rec->slotEventWaiters(), 1, 10000); // waiting for the next one

        // C_Finalize + C_Initialize (what a SmartCard-HSM ceremony ends with): the wait is woken
        // and starts again on the new initialization.
        QFuture<void> rescan = d->inventory.rescanReaders(kModule);
        QTRY_VERIFY_WITH_TIMEOUT(rescan.isFinished(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_rec->slotEventWaiters(), 1, 10000);
        QVERIFY(d->inventory.waitsForSlotEvents(kModule));
        m_rec->hideSlot(leaves, false);
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow(*d, QStringLiteral("Leaves")).isValid(), 15000);

        closeDesk(d); // cleanup(): finalized (so the wait was woken), not on the GUI thread
        QCOMPARE(m_rec->slotEventWaiters(), 0);
    }

    void goneTokenReleasesItsThreadAndSession()
    {
        auto d = openDesk();
        const QModelIndex leaves = tokenRow(*d, QStringLiteral("Leaves"));
        QVERIFY(leaves.isValid());
        const TokenRef gone = *d->window.model()->tokenRef(leaves);
        QCOMPARE(d->inventory.tokenExecutorCount(), 2);
        QCOMPARE(m_rec->openSessions(), 2);

        // The card is pulled out: the slot monitor sees it, the tree drops the token,
        // and the token's worker thread and session end.
        m_rec->hideSlot(gone.slot, true);
        QTRY_VERIFY_WITH_TIMEOUT(!tokenRow(*d, QStringLiteral("Leaves")).isValid(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(d->inventory.tokenExecutorCount(), 1, 15000);
        QTRY_COMPARE(m_rec->openSessions(), 1);
        QVERIFY(tokenRow(*d, QStringLiteral("Threads")).isValid());

        // A job for it (a dialog still open on it) fails, and does not keep a thread.
        QFuture<TokenSnapshot> late = d->inventory.tokenInfo(gone);
        QTRY_VERIFY(late.isFinished());
        QVERIFY_THROWS_EXCEPTION(Pkcs11Error, late.waitForFinished());
        QTRY_COMPARE_WITH_TIMEOUT(d->inventory.tokenExecutorCount(), 1, 15000);
        QTRY_COMPARE(m_rec->openSessions(), 1);

        // Back in: a new thread and session for it.
        m_rec->hideSlot(gone.slot, false);
        QTRY_VERIFY_WITH_TIMEOUT(tokenRow(*d, QStringLiteral("Leaves")).isValid(), 15000);
        QTRY_COMPARE_WITH_TIMEOUT(d->inventory.tokenExecutorCount(), 2, 15000);
        QTRY_COMPARE_WITH_TIMEOUT(m_rec->openSessions(), 2, 15000);
        closeDesk(d);
    }
};

QTEST_MAIN(TestInventoryThreads)
#include "tst_inventorythreads.moc"
