// SPDX-License-Identifier: GPL-3.0-or-later
// The tree over a real SoftHSM token: contents, in-place refresh, live slot events, detail pane.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "widgets/detailpane.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

#include <cstring>

class TestTree : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    QModelIndex findRow(const QModelIndex &parent, const QString &text) const
    {
        const QAbstractItemModel *m = m_window->model();
        for (int r = 0; r < m->rowCount(parent); ++r) {
            const QModelIndex i = m->index(r, 0, parent);
            if (i.data().toString() == text)
                return i;
            const QModelIndex deeper = findRow(i, text);
            if (deeper.isValid())
                return deeper;
        }
        return {};
    }
    void refresh()
    {
        QSignalSpy done(m_window.get(), &MainWindow::refreshFinished);
        m_window->refreshAll();
        QVERIFY(done.wait(30000));
    }
    void makeCert(const QString &name, const QString &id, const QString &label)
    {
        const QString key = m_hsm.dir() + QLatin1Char('/') + name + QStringLiteral(".key");
        const QString crt = m_hsm.dir() + QLatin1Char('/') + name + QStringLiteral(".der");
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                                        QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                                                        QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                                        QStringLiteral("-subj"), QStringLiteral("/CN=") + name,
                                                        QStringLiteral("-days"), QStringLiteral("10"),
                                                        QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), crt});
        m_hsm.pkcs11Tool(QStringLiteral("Tree"), {QStringLiteral("--write-object"), crt, QStringLiteral("--type"), QStringLiteral("cert"),
                                                  QStringLiteral("--id"), id, QStringLiteral("--label"), label});
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Tree"));
        m_hsm.pkcs11Tool(QStringLiteral("Tree"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("rsa:2048"),
                                                  QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("signing")});
        makeCert(QStringLiteral("Short Lived"), QStringLiteral("07"), QStringLiteral("short"));
        m_inventory = std::make_unique<Inventory>(m_registry);
        const QString path = SoftHsmFixture::softhsmModule();
        m_window = std::make_unique<MainWindow>(*m_inventory, [path] {
            return QList<ModuleSpec>{ModuleSpec{path, QStringLiteral("softhsm2"), false}};
        });
        m_tester = std::make_unique<QAbstractItemModelTester>(m_window->model(), QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_window->show();
        refresh();
    }

    void treeShowsModuleSlotTokenObjects()
    {
        const QAbstractItemModel *m = m_window->model();
        QCOMPARE(m->rowCount(), 1);
        const QModelIndex token = findRow({}, QStringLiteral("Tree"));
        QVERIFY(token.isValid());
        QCOMPARE(TreeNode::Kind(token.data(TokenTreeModel::KindRole).toInt()), TreeNode::Kind::Token);
        QVERIFY(token.siblingAtColumn(1).data().toString().contains(QStringLiteral("private objects hidden")));
        QVERIFY(findRow(token, QStringLiteral("Public keys")).isValid());
        QVERIFY(findRow(token, QStringLiteral("Certificates")).isValid());
        QVERIFY(!findRow(token, QStringLiteral("Private keys")).isValid()); // not logged in
        QVERIFY(findRow(token, QStringLiteral("signing")).isValid());
        QVERIFY(m_window->tree()->isExpanded(token));
    }

    void detailPaneShowsCertificate()
    {
        const QModelIndex cert = findRow({}, QStringLiteral("short"));
        QVERIFY(cert.isValid());
        m_window->tree()->setCurrentIndex(cert);
        const QString html = DetailPane::html(m_window->model()->node(cert));
        QVERIFY(html.contains(QStringLiteral("CN=Short Lived")));
        QVERIFY2(html.contains(QStringLiteral("expires in")), qPrintable(html)); // 10 days: inside the 30-day warning
        QVERIFY(html.contains(QStringLiteral("SHA-256 fingerprint")));
        QVERIFY(m_window->detailPane()->uri().startsWith(QStringLiteral("pkcs11:model=SoftHSM%20v2")));
        QVERIFY(m_window->detailPane()->uri().endsWith(QStringLiteral(";id=%07;object=short;type=cert")));
    }

    void refreshUpdatesInPlace()
    {
        const QModelIndex cert = findRow({}, QStringLiteral("short"));
        m_window->tree()->setCurrentIndex(cert);
        const QPersistentModelIndex kept(cert);
        const QPersistentModelIndex keptGroup(cert.parent());
        m_window->tree()->expand(cert.parent());
        QSignalSpy resets(m_window->model(), &QAbstractItemModel::modelReset);
        QSignalSpy inserted(m_window->model(), &QAbstractItemModel::rowsInserted);
        makeCert(QStringLiteral("Second"), QStringLiteral("08"), QStringLiteral("second"));
        refresh();
        QCOMPARE(resets.count(), 0);
        QVERIFY(inserted.count() >= 1);
        QVERIFY(kept.isValid());
        QCOMPARE(kept.data().toString(), QStringLiteral("short"));
        QCOMPARE(m_window->tree()->currentIndex().siblingAtColumn(0), QModelIndex(kept));
        QVERIFY(m_window->tree()->isExpanded(keptGroup));
        QVERIFY(findRow({}, QStringLiteral("second")).isValid());
    }

    void tokenAppearsWithoutRestart()
    {
        // SoftHSM only sees its own process's changes, so initialize the free slot from here,
        // on a worker (as any token call must be): the module then adds a new slot, and the
        // monitor must show it and the new label without anyone pressing Refresh.
        const QString path = ModuleRegistry::canonicalPath(SoftHsmFixture::softhsmModule());
        QSignalSpy changed(m_inventory.get(), &Inventory::slotsChanged);
        QFuture<void> init = m_inventory->moduleExecutor(path)
            ->submit<void>([this](QPromise<void> &) {
                auto m = m_registry.load(SoftHsmFixture::softhsmModule());
                CK_ULONG n = 0;
                check(P11CALL(*m, C_GetSlotList, CK_FALSE, nullptr, &n), "C_GetSlotList");
                std::vector<CK_SLOT_ID> ids(n);
                check(P11CALL(*m, C_GetSlotList, CK_FALSE, ids.data(), &n), "C_GetSlotList");
                for (CK_SLOT_ID id : ids) {
                    CK_TOKEN_INFO ti{};
                    if (P11CALL(*m, C_GetTokenInfo, id, &ti) == CKR_OK && !(ti.flags & CKF_TOKEN_INITIALIZED)) {
                        CK_UTF8CHAR label[32];
                        std::memset(label, ' ', sizeof label);
                        std::memcpy(label, "Arrived", 7);
                        char so[] = "12345678";
                        check(P11CALL(*m, C_InitToken, id, reinterpret_cast<CK_UTF8CHAR_PTR>(so), 8, label), "C_InitToken");
                        return;
                    }
                }
            });
        // Not waitForFinished(): on the GUI thread the job only starts from the event loop.
        QTRY_VERIFY_WITH_TIMEOUT(init.isFinished(), 10000);
        QTRY_VERIFY_WITH_TIMEOUT(findRow({}, QStringLiteral("Arrived")).isValid(), 2500);
        QVERIFY(changed.count() >= 1);
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_window.reset();
        m_inventory.reset();
    }
};

QTEST_MAIN(TestTree)
#include "test_tree.moc"
