// SPDX-License-Identifier: GPL-3.0-or-later
// The main window's selection across object commands: after Rename / change ID the
// current row is the renamed object (its new label and ID), after Delete it is
// nothing, never a neighbour (the next Delete or Export would hit the wrong object).
#include "commandtestbench.h"

#include "commands/deleteobjectsdialog.h"
#include "commands/renamekeydialog.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"

#include <QAbstractItemModelTester>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTreeView>

namespace {
const QString kToken = QStringLiteral("Selection");
}

class TestSelection : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // The private key row with this label, found through the model.
    QModelIndex keyRow(const QString &label) const
    {
        const TokenTreeModel *m = m_window->model();
        const QModelIndex token = m->indexOfToken(m_ref.modulePath, m_ref.id);
        for (int g = 0; g < m->rowCount(token); ++g) {
            const QModelIndex group = m->index(g, 0, token);
            for (int r = 0; r < m->rowCount(group); ++r) {
                const QModelIndex i = m->index(r, 0, group);
                const TreeNode *n = m->node(i);
                if (n->object() && n->object()->object.cls == CKO_PRIVATE_KEY && n->object()->object.labelText() == label)
                    return i;
            }
        }
        return {};
    }
    const ObjectInfo *current() const
    {
        const QModelIndex i = m_window->tree()->currentIndex();
        const TreeNode *n = i.isValid() ? m_window->model()->node(i.siblingAtColumn(0)) : nullptr;
        return n && n->object() ? &n->object()->object : nullptr;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        const QStringList labels{QStringLiteral("alpha"), QStringLiteral("beta"), QStringLiteral("gamma"), QStringLiteral("delta")};
        for (int i = 0; i < labels.size(); ++i)
            m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                                  QStringLiteral("--id"), QStringLiteral("0%1").arg(i + 1), QStringLiteral("--label"), labels[i]});
        m_ref = m_bench.open(kToken); // logged in: the tree lists the private keys
        const QString module = SoftHsmFixture::softhsmModule();
        m_window = std::make_unique<MainWindow>(m_bench.inventory(), [module] {
            return QList<ModuleSpec>{ModuleSpec{module, QStringLiteral("softhsm2"), false}};
        });
        m_tester = std::make_unique<QAbstractItemModelTester>(m_window->model(),
                                                              QAbstractItemModelTester::FailureReportingMode::Fatal);
        m_window->show();
        QSignalSpy done(m_window.get(), &MainWindow::refreshFinished);
        m_window->refreshAll();
        QVERIFY(done.wait(30000));
        QVERIFY(keyRow(QStringLiteral("beta")).isValid());
    }

    void renameKeepsTheObjectSelected()
    {
        m_window->tree()->setCurrentIndex(keyRow(QStringLiteral("beta")));
        QCOMPARE(current()->labelText(), QStringLiteral("beta"));
        m_window->renameSelected();
        RenameKeyDialog *d = nullptr;
        QTRY_VERIFY((d = m_window->findChild<RenameKeyDialog *>()) != nullptr);
        d->labelEdit()->setText(QStringLiteral("beta renamed"));
        d->idEdit()->setText(QStringLiteral("2b"));
        QVERIFY2(d->renameButton()->isEnabled(), qPrintable(d->validationMessage()));
        QTest::mouseClick(d->renameButton(), Qt::LeftButton);
        // After the tree's refresh: the renamed key, not alpha or gamma, nor nothing.
        QTRY_VERIFY_WITH_TIMEOUT(current() && current()->labelText() == QStringLiteral("beta renamed"), 30000);
        QCOMPARE(current()->cls, CKO_PRIVATE_KEY);
        QCOMPARE(current()->id, QByteArray::fromHex("2b"));
        QVERIFY(!keyRow(QStringLiteral("beta")).isValid());
        // pkcs11-tool agrees.
        const QList<ToolEntry> listed = m_bench.toolObjects(kToken);
        const ToolEntry *e = CommandTestBench::findTool(listed, QStringLiteral("Private Key Object"),
                                                        QStringLiteral("beta renamed"));
        QVERIFY(e);
        QCOMPARE(e->id, QStringLiteral("2b"));
    }

    void deleteLeavesNothingSelected()
    {
        m_window->tree()->setCurrentIndex(keyRow(QStringLiteral("gamma")));
        QCOMPARE(current()->labelText(), QStringLiteral("gamma"));
        m_window->deleteSelected();
        DeleteObjectsDialog *d = nullptr;
        QTRY_VERIFY((d = m_window->findChild<DeleteObjectsDialog *>()) != nullptr);
        QTest::keyClicks(d->confirmEdit(), QStringLiteral("delete"));
        QVERIFY(d->deleteButton()->isEnabled());
        QTest::mouseClick(d->deleteButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!keyRow(QStringLiteral("gamma")).isValid(), 30000);
        // Not beta renamed or delta: nothing.
        QVERIFY2(!m_window->tree()->currentIndex().isValid(),
                 qPrintable(m_window->tree()->currentIndex().data().toString()));
        QVERIFY(keyRow(QStringLiteral("delta")).isValid());
        const QList<ToolEntry> listed = m_bench.toolObjects(kToken);
        QVERIFY(!CommandTestBench::findTool(listed, QStringLiteral("Private Key Object"),
                                            QStringLiteral("gamma")));
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_window.reset();
    }
};

QTEST_MAIN(TestSelection)
#include "test_selection.moc"
