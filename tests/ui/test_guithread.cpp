// SPDX-License-Identifier: GPL-3.0-or-later
// A PKCS#11 call on the GUI thread is caught; the same calls through Inventory are not.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "p11/threadguard.h"

#include <QApplication>
#include <QSignalSpy>
#include <QTest>

#include <thread>

class TestGuiThread : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QStringList m_violations; // touched from any thread: only read after the workers are idle

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Guarded"));
        ThreadGuard::setViolationHandler([this](const char *fn) { m_violations << QString::fromLatin1(fn); });
    }
    void cleanupTestCase() { ThreadGuard::setViolationHandler({}); }

    void callOnGuiThreadIsCaught()
    {
        QVERIFY(ThreadGuard::onGuiThread());
        m_violations.clear();
        ModuleRegistry registry;
        auto m = registry.load(SoftHsmFixture::softhsmModule()); // C_Initialize, right here: wrong
        CK_ULONG n = 0;
        P11CALL(*m, C_GetSlotList, CK_FALSE, nullptr, &n);
        QVERIFY2(m_violations.contains(QStringLiteral("C_Initialize")), qPrintable(m_violations.join(u',')));
        QVERIFY(m_violations.contains(QStringLiteral("C_GetSlotList")));
    }

    void inventoryStaysOffTheGuiThread()
    {
        m_violations.clear();
        ModuleRegistry registry;
        Inventory inventory(registry);
        const QString path = SoftHsmFixture::softhsmModule();
        MainWindow w(inventory, [path] { return QList<ModuleSpec>{ModuleSpec{path, QStringLiteral("softhsm2"), false}}; });
        QSignalSpy done(&w, &MainWindow::refreshFinished);
        w.refreshAll();
        QVERIFY(done.wait(30000));
        QVERIFY(w.hasTokens());
        QCOMPARE(m_violations, QStringList());
    }

    void checkWorksOffGuiThread()
    {
        bool onGui = true;
        std::thread t([&] { onGui = ThreadGuard::onGuiThread(); });
        t.join();
        QVERIFY(!onGui);
    }
};

QTEST_MAIN(TestGuiThread)
#include "test_guithread.moc"
