// SPDX-License-Identifier: GPL-3.0-or-later
// The main window as a help-desk user meets it (issue 12): a right-click on each kind of
// row opens a menu with only the actions for that kind, enabled as they apply to that row
// (table-driven); Copy URI copies a URI that p11tool resolves to the object; a job window
// is modeless, so the tree still answers clicks while it works, and the token's row says
// it is busy; with no token at all the first-start panel replaces the empty tree and says
// what PC/SC sees (pcscd is asked, and checked against whether its socket exists); the
// Help menu's About, shortcuts and manual.
#include "commandtestbench.h"
#include "smallscreen.h"

#include "dialogs/aboutdialog.h"
#include "dialogs/copybutton.h"
#include "dialogs/firststartpanel.h"
#include "dialogs/manualdialog.h"
#include "dialogs/shortcutsdialog.h"
#include "mainwindow.h"
#include "widgets/detailpane.h"
#include "models/tokentreemodel.h"
#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenwizard.h"

#include <QAbstractItemModelTester>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSignalSpy>
#include <QStatusBar>
#include <QTableWidget>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTreeView>
#include <QUrl>
#include <QFile>
#include <QRegularExpression>
#include <QScrollBar>
#include <QHeaderView>
#include <QScreen>

#include <openssl/crypto.h>

namespace {
const QString kToken = QStringLiteral("Desk");

QString plain(const QString &actionText) { return QString(actionText).remove(QLatin1Char('&')); }
} // namespace

class TestDeskWindow : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<QAbstractItemModelTester> m_tester;

    // The row of a kind (and for objects: class and label), found through the model.
    QModelIndex row(const QString &what) const
    {
        const TokenTreeModel *m = m_window->model();
        const QModelIndex module = m->index(0, 0);
        if (what == QLatin1String("module"))
            return module;
        const QModelIndex token = m->indexOfToken(m_ref.modulePath, m_ref.id);
        if (what == QLatin1String("slot"))
            return token.parent();
        if (what == QLatin1String("token"))
            return token;
        const QStringList parts = what.split(QLatin1Char(':')); // "cls:label"
        const CK_OBJECT_CLASS cls = parts[0].toULong();
        for (int g = 0; g < m->rowCount(token); ++g) {
            const QModelIndex group = m->index(g, 0, token);
            if (parts[1].isEmpty() && m->node(group)->group()->cls == cls)
                return group;
            for (int r = 0; r < m->rowCount(group); ++r) {
                const QModelIndex i = m->index(r, 0, group);
                const TreeNode *n = m->node(i);
                if (n->object() && n->object()->object.cls == cls && n->object()->object.labelText() == parts[1])
                    return i;
            }
        }
        return {};
    }
    // A right-click on the row, as a user does it; returns the menu that opened.
    QMenu *rightClick(const QModelIndex &index)
    {
        QTreeView *tree = m_window->tree();
        tree->scrollTo(index);
        const QPoint pos = tree->visualRect(index).center();
        QContextMenuEvent e(QContextMenuEvent::Mouse, pos, tree->viewport()->mapToGlobal(pos));
        QApplication::sendEvent(tree->viewport(), &e);
        QMenu *menu = nullptr;
        if (!QTest::qWaitFor([&] { return (menu = qobject_cast<QMenu *>(QApplication::activePopupWidget())) != nullptr; }))
            return nullptr;
        return menu;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("key")});
        const QString paired = m_bench.certificateFor(kToken, QStringLiteral("01"), QStringLiteral("Paired"));
        m_bench.tool(kToken, {QStringLiteral("--write-object"), paired, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("key")});
        // A certificate whose key is elsewhere: nothing on the token to rename with it.
        const QString otherKey = m_bench.path(QStringLiteral("other.pem")), other = m_bench.path(QStringLiteral("other.der"));
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                                   QStringLiteral("-nodes"), QStringLiteral("-keyout"), otherKey, QStringLiteral("-outform"),
                                   QStringLiteral("DER"), QStringLiteral("-out"), other, QStringLiteral("-subj"), QStringLiteral("/CN=Lone")});
        m_bench.tool(kToken, {QStringLiteral("--write-object"), other, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("09"), QStringLiteral("--label"), QStringLiteral("lone")});
        m_bench.tool(kToken, {QStringLiteral("--keygen"), QStringLiteral("--key-type"), QStringLiteral("AES:16"),
                              QStringLiteral("--id"), QStringLiteral("0a"), QStringLiteral("--label"), QStringLiteral("secret")});
        const QString note = m_bench.path(QStringLiteral("note.txt"));
        CommandTestBench::writeFile(note, "hello\n");
        m_bench.tool(kToken, {QStringLiteral("--write-object"), note, QStringLiteral("--type"), QStringLiteral("data"),
                              QStringLiteral("--label"), QStringLiteral("note")});
        m_ref = m_bench.open(kToken); // logged in: the private key is listed
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
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("%1:lone").arg(CKO_CERTIFICATE)).isValid(), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(row(QStringLiteral("%1:key").arg(CKO_PRIVATE_KEY)).isValid(), 30000);
        QVERIFY(m_window->tree()->isVisible());
        QVERIFY(!m_window->firstStartPanel()->isVisible());
    }

    void contextMenuFitsTheRow_data()
    {
        QTest::addColumn<QString>("row");
        QTest::addColumn<QStringList>("actions"); // in order; "-" is a separator
        QTest::addColumn<QStringList>("disabled");
        const QString c = QString::number(CKO_CERTIFICATE), k = QString::number(CKO_PRIVATE_KEY),
                      p = QString::number(CKO_PUBLIC_KEY), s = QString::number(CKO_SECRET_KEY),
                      d = QString::number(CKO_DATA);
        const QStringList tail{QStringLiteral("Show all attributes…"), QStringLiteral("Copy URI"), QStringLiteral("-"),
                               QStringLiteral("Delete…")};
        QTest::newRow("module") << QStringLiteral("module")
                                << QStringList{QStringLiteral("Refresh"), QStringLiteral("Rescan readers"), QStringLiteral("-"),
                                               QStringLiteral("Run in a separate process (safer, slower)"),
                                               QStringLiteral("-"), QStringLiteral("Add module…"),
                                               QStringLiteral("Remove module")}
                                << QStringList{QStringLiteral("Remove module")}; // not added by the user
        QTest::newRow("slot") << QStringLiteral("slot") << QStringList{QStringLiteral("Refresh"), QStringLiteral("Rescan readers")}
                              << QStringList{};
        QTest::newRow("token") << QStringLiteral("token")
                               << QStringList{QStringLiteral("Log in…"), QStringLiteral("Log out"), QStringLiteral("-"),
                                              QStringLiteral("Generate key pair…"), QStringLiteral("Create certificate request (CSR)…"),
                                              QStringLiteral("Import certificates…"), QStringLiteral("Import PKCS#12…"),
                                              QStringLiteral("Check health…"), QStringLiteral("Use this key in…"),
                                              QStringLiteral("-"), QStringLiteral("Change PIN…"),
                                              QStringLiteral("Change SO-PIN…"), QStringLiteral("Unblock PIN…"),
                                              QStringLiteral("Initialize token…"), QStringLiteral("-"), QStringLiteral("Copy URI"),
                                              QStringLiteral("Refresh")}
                               << QStringList{QStringLiteral("Log in…")}; // logged in already
        QTest::newRow("certificates group") << c + QStringLiteral(":")
                                            << QStringList{QStringLiteral("Import certificates…"), QStringLiteral("Import PKCS#12…"),
                                                           QStringLiteral("-"), QStringLiteral("Refresh")}
                                            << QStringList{};
        QTest::newRow("private key") << k + QStringLiteral(":key")
                                     << QStringList{QStringLiteral("Create certificate request (CSR)…"),
                                                    QStringLiteral("Self-signed certificate…"), QStringLiteral("Rename / change ID…"),
                                                    QStringLiteral("Export public key (PEM)…"), QStringLiteral("Back up key…"),
                                                    QStringLiteral("-"), QStringLiteral("Use this key in…"), QStringLiteral("-")}
                                            + tail
                                     // Listed for every private key, enabled only on a SmartCard-HSM (issue 13).
                                     << QStringList{QStringLiteral("Back up key…")};
        QTest::newRow("public key") << p + QStringLiteral(":key")
                                    << QStringList{QStringLiteral("Rename / change ID…"), QStringLiteral("Export public key (PEM)…"),
                                                   QStringLiteral("-")} + tail
                                    << QStringList{};
        const QStringList certActions = QStringList{QStringLiteral("Export certificate (PEM)…"),
                                                    QStringLiteral("Export certificate (DER)…"),
                                                    QStringLiteral("Export public key (PEM)…"), QStringLiteral("Rename / change ID…"),
                                                    QStringLiteral("-"), QStringLiteral("Use this key in…"),
                                                    QStringLiteral("-")} + tail;
        QTest::newRow("certificate with its key") << c + QStringLiteral(":key") << certActions << QStringList{};
        // New-user finding: a certificate without a key offered Rename, which then failed.
        QTest::newRow("certificate without a key") << c + QStringLiteral(":lone") << certActions
                                                   << QStringList{QStringLiteral("Rename / change ID…")};
        QTest::newRow("secret key") << s + QStringLiteral(":secret") << tail << QStringList{};
        QTest::newRow("data object") << d + QStringLiteral(":note") << tail << QStringList{};
    }

    void contextMenuFitsTheRow()
    {
        QFETCH(QString, row);
        QFETCH(QStringList, actions);
        QFETCH(QStringList, disabled);
        const QModelIndex index = this->row(row);
        QVERIFY2(index.isValid(), qPrintable(row));
        QMenu *menu = rightClick(index);
        QVERIFY(menu);
        QStringList shown, off;
        for (QAction *a : menu->actions()) {
            shown << (a->isSeparator() ? QStringLiteral("-") : plain(a->text()));
            if (!a->isSeparator() && !a->isEnabled())
                off << plain(a->text());
        }
        QCOMPARE(shown, actions);
        QCOMPARE(off, disabled);
        // The row is the current one, so the menu acts on what was clicked.
        QCOMPARE(m_window->tree()->currentIndex().siblingAtColumn(0), index);
        QTest::keyClick(menu, Qt::Key_Escape);
        QTRY_VERIFY(!QApplication::activePopupWidget());
    }

    void copyUriNamesTheObject()
    {
        const QModelIndex cert = row(QStringLiteral("%1:lone").arg(CKO_CERTIFICATE));
        QMenu *menu = rightClick(cert);
        QVERIFY(menu);
        QAction *copy = nullptr;
        for (QAction *a : menu->actions())
            if (plain(a->text()) == QLatin1String("Copy URI"))
                copy = a;
        QVERIFY(copy && copy->isEnabled());
        QTest::keyClick(menu, Qt::Key_Escape);
        copy->trigger();
        const QString uri = QApplication::clipboard()->text();
        QVERIFY2(uri.startsWith(QLatin1String("pkcs11:")), qPrintable(uri));
        QVERIFY2(m_window->statusBar()->currentMessage().startsWith(QLatin1String("Copied")),
                 qPrintable(m_window->statusBar()->currentMessage()));
        // p11tool resolves the URI to exactly this certificate.
        const QByteArray listed = SoftHsmFixture::run(
            QStringLiteral("p11tool"), {QStringLiteral("--provider"), SoftHsmFixture::softhsmModule(), QStringLiteral("--list-all-certs"), uri});
        QVERIFY2(listed.contains("Label: lone") && listed.count("Object ") == 1, listed.constData());
    }

    void jobWindowLeavesTheTreeUsableAndMarksTheToken()
    {
        const QPersistentModelIndex token = row(QStringLiteral("token"));
        m_window->tree()->setCurrentIndex(token);
        m_window->generateKey();
        KeyGenWizard *w = nullptr;
        QTRY_VERIFY((w = m_window->findChild<KeyGenWizard *>()) != nullptr);
        QCOMPARE(w->windowModality(), Qt::NonModal);
        QVERIFY(!QApplication::activeModalWidget());
        // The tree still takes a click while the wizard is open (a modal window would swallow it).
        const QModelIndex cert = row(QStringLiteral("%1:lone").arg(CKO_CERTIFICATE));
        QTest::mouseClick(m_window->tree()->viewport(), Qt::LeftButton, {}, m_window->tree()->visualRect(cert).center());
        QCOMPARE(m_window->tree()->currentIndex().siblingAtColumn(0), cert);
        QVERIFY(!token.data(TokenTreeModel::BusyRole).toBool());
        QTest::keyClicks(w->paramsPage()->labelEdit(), QStringLiteral("made while browsing"));
        QSignalSpy ended(w, &TokenJobWizard::jobEnded);
        QTest::mouseClick(w->button(QWizard::CommitButton), Qt::LeftButton);
        // Busy from the click until the job ends; the row says so.
        QVERIFY(token.data(TokenTreeModel::BusyRole).toBool());
        QVERIFY(!token.data(Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(ended.wait(60000));
        QVERIFY(!token.data(TokenTreeModel::BusyRole).toBool());
        QTest::mouseClick(w->button(QWizard::FinishButton), Qt::LeftButton);
        QTRY_VERIFY(!m_window->findChild<KeyGenWizard *>());
        QVERIFY(m_bench.tool(kToken, {QStringLiteral("-O")}).contains("made while browsing"));
    }

    void helpMenu()
    {
        QMenu *help = nullptr;
        for (QAction *a : m_window->menuBar()->actions())
            if (plain(a->text()) == QLatin1String("Help"))
                help = a->menu();
        QVERIFY(help);
        auto trigger = [&](const QString &text) {
            for (QAction *a : help->actions())
                if (plain(a->text()) == text)
                    return a->trigger(), true;
            return false;
        };
        QCoreApplication::setApplicationVersion(QStringLiteral("9.8.7"));
        QVERIFY(trigger(QStringLiteral("About TokenDesk…")));
        AboutDialog *about = nullptr;
        QTRY_VERIFY((about = m_window->findChild<AboutDialog *>()) != nullptr);
        const QString versions = AboutDialog::versionsText();
        // Oracles: the version set above, the Qt the test runs on, openssl's and pkg-config's own words.
        QVERIFY(versions.contains(QStringLiteral("TokenDesk 9.8.7")));
        QVERIFY(versions.contains(QStringLiteral("Qt %1").arg(QString::fromLatin1(qVersion()))));
        const QString openssl = QString::fromUtf8(SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("version")}));
        QVERIFY2(versions.contains(openssl.section(QLatin1Char(' '), 0, 1)), qPrintable(versions + QLatin1Char('|') + openssl));
        const QString p11kit = QString::fromUtf8(SoftHsmFixture::run(QStringLiteral("pkg-config"),
                                                                     {QStringLiteral("--modversion"), QStringLiteral("p11-kit-1")})).trimmed();
        QVERIFY2(versions.contains(QStringLiteral("p11-kit %1").arg(p11kit)), qPrintable(versions));
        QVERIFY(versions.contains(QStringLiteral("GPL-3.0-or-later")));
        QVERIFY(SmallScreen::problems(about).isEmpty());
        auto *copy = about->findChild<CopyButton *>();
        QVERIFY(copy);
        QTest::mouseClick(copy, Qt::LeftButton);
        QCOMPARE(copy->text(), QStringLiteral("Copied"));
        QCOMPARE(QApplication::clipboard()->text(), versions);
        QTRY_COMPARE_WITH_TIMEOUT(copy->text(), QStringLiteral("&Copy versions"), CopyButton::kFeedbackMs * 4);
        QTest::keyClick(about, Qt::Key_Escape); // Esc closes it (and deletes it)
        QTRY_VERIFY(!m_window->findChild<AboutDialog *>());

        QVERIFY(trigger(QStringLiteral("Keyboard shortcuts…")));
        ShortcutsDialog *keys = nullptr;
        QTRY_VERIFY((keys = m_window->findChild<ShortcutsDialog *>()) != nullptr);
        QStringList rows;
        for (int r = 0; r < keys->table()->rowCount(); ++r)
            rows << keys->table()->item(r, 0)->text() + QLatin1Char('=') + keys->table()->item(r, 1)->text();
        QVERIFY2(rows.contains(QStringLiteral("Log in…=%1").arg(QKeySequence(Qt::CTRL | Qt::Key_L).toString(QKeySequence::NativeText))),
                 qPrintable(rows.join(QLatin1Char(','))));
        QVERIFY2(rows.contains(QStringLiteral("Show all attributes…=%1").arg(QKeySequence(Qt::CTRL | Qt::Key_I).toString(QKeySequence::NativeText))),
                 qPrintable(rows.join(QLatin1Char(','))));
        // The filter's Ctrl+F is a QShortcut, not a QAction: it is listed all the same.
        QVERIFY2(rows.contains(QStringLiteral("Filter the tree=%1").arg(QKeySequence(QKeySequence::Find).toString(QKeySequence::NativeText))),
                 qPrintable(rows.join(QLatin1Char(','))));
        // Every key the window answers to (each QAction and QShortcut of the window, found
        // here independently of the dialog) is in the table, under that action's name.
        int keyed = 0;
        auto keysListed = [&](const QString &name, const QList<QKeySequence> &seqs) {
            for (const QKeySequence &k : seqs) {
                ++keyed;
                bool found = false;
                for (const QString &r : std::as_const(rows))
                    found = found || (r.section(QLatin1Char('='), 0, 0) == name
                                      && r.section(QLatin1Char('='), 1).contains(k.toString(QKeySequence::NativeText)));
                if (!found)
                    return QStringLiteral("%1 (%2) missing from: %3").arg(name, k.toString(QKeySequence::NativeText), rows.join(QLatin1Char(',')));
            }
            return QString();
        };
        for (QAction *a : m_window->findChildren<QAction *>()) {
            bool inDialog = false;
            for (QObject *p = a->parent(); p && p != m_window.get(); p = p->parent())
                inDialog = inDialog || qobject_cast<QDialog *>(p);
            if (!inDialog) {
                const QString problem = keysListed(plain(a->text()), a->shortcuts());
                QVERIFY2(problem.isEmpty(), qPrintable(problem));
            }
        }
        for (QShortcut *sc : m_window->findChildren<QShortcut *>()) {
            QVERIFY2(!sc->whatsThis().isEmpty(), "a shortcut without a name for the list");
            const QString problem = keysListed(sc->whatsThis(), sc->keys());
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QCOMPARE(keys->table()->rowCount() > 0, true);
        QVERIFY(keyed >= 4); // Ctrl+L, Ctrl+I, Ctrl+Shift+C at least (standard keys such as F5 depend on the platform theme)
        keys->close();
        QTRY_VERIFY(!m_window->findChild<ShortcutsDialog *>());

        QVERIFY(trigger(QStringLiteral("Manual…")));
        ManualDialog *manual = nullptr;
        QTRY_VERIFY((manual = m_window->findChild<ManualDialog *>()) != nullptr);
        QVERIFY2(!ManualDialog::readmePath().isEmpty(), "README.md not found");
        QVERIFY(QTest::qWaitForWindowExposed(manual));
        // It opens at the top: the title listed first and current, the text not scrolled.
        QCOMPARE(manual->sections()->currentRow(), 0);
        QCOMPARE(manual->sections()->item(0)->text(), QStringLiteral("TokenDesk"));
        QCOMPARE(manual->browser()->verticalScrollBar()->value(), 0);
        // Every image the README names (oracle: the README's own ![…](path) lines and the
        // files next to it) is shown, loaded; none is a broken-image placeholder.
        const QString readme = ManualDialog::readmePath();
        QFile readmeFile(readme);
        QVERIFY(readmeFile.open(QIODevice::ReadOnly));
        const QString markdown = QString::fromUtf8(readmeFile.readAll());
        QStringList named;
        static const QRegularExpression imageLink(QStringLiteral("!\\[[^\\]]*\\]\\(([^)\\s]+)\\)"));
        for (auto it = imageLink.globalMatch(markdown); it.hasNext();)
            named << it.next().captured(1);
        QVERIFY(named.size() >= 5);
        QStringList shown;
        for (QTextBlock b = manual->browser()->document()->begin(); b.isValid(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isImageFormat()) {
                    const QString name = it.fragment().charFormat().toImageFormat().name();
                    shown << name;
                    const QVariant image = manual->browser()->loadResource(QTextDocument::ImageResource, QUrl(name));
                    // QTextBrowser hands over the file's bytes (or an image): either must decode.
                    const QImage decoded = image.typeId() == QMetaType::QImage ? image.value<QImage>()
                                                                              : QImage::fromData(image.toByteArray());
                    QVERIFY2(image.isValid() && !decoded.isNull(), qPrintable(name));
                }
        for (const QString &n : std::as_const(named))
            if (QFileInfo::exists(QFileInfo(readme).dir().filePath(n)))
                QVERIFY2(shown.contains(n), qPrintable(n));
        // The contents list fits its entries: no entry cut off, no horizontal scrolling.
        QListWidget *list = manual->sections();
        QVERIFY2(list->sizeHintForColumn(0) <= list->viewport()->width(),
                 qPrintable(QStringLiteral("%1 > %2").arg(list->sizeHintForColumn(0)).arg(list->viewport()->width())));
        QVERIFY(!list->horizontalScrollBar()->isVisible());
        // Sections and their subsections, the SmartCard-HSM ones too (oracle: the README's headings).
        QStringList headings;
        static const QRegularExpression headingLine(QStringLiteral("^#{2,4} (.+)$"), QRegularExpression::MultilineOption);
        for (auto it = headingLine.globalMatch(markdown); it.hasNext();)
            headings << it.next().captured(1).trimmed();
        QStringList listed;
        for (int r = 0; r < list->count(); ++r)
            listed << list->item(r)->text().trimmed();
        for (const QString &h : std::as_const(headings))
            QVERIFY2(listed.contains(h), qPrintable(h));
        QVERIFY(listed.contains(QStringLiteral("The device panel")));
        QVERIFY(listed.contains(QStringLiteral("Importing DKEK shares")));
        QList<QListWidgetItem *> using_ = manual->sections()->findItems(QStringLiteral("Using it"), Qt::MatchExactly);
        QCOMPARE(using_.size(), 1);
        manual->sections()->setCurrentItem(using_.first());
        QCOMPARE(manual->browser()->textCursor().block().text().trimmed(), QStringLiteral("Using it"));
        // Every entry jumps to its own heading. A raw "<label>" in the README once opened an HTML
        // element that swallowed the rest of the manual: later entries all landed on one section.
        for (int r = 0; r < list->count(); ++r) {
            list->setCurrentRow(r);
            QCOMPARE(manual->browser()->textCursor().block().text().trimmed(), list->item(r)->text().trimmed());
        }
        // The prose of the later sections is shown, not only their headings.
        const QString shownText = manual->browser()->toPlainText();
        for (const char *sentinel : {"Available: English, German", "TokenDesk follows the language of your session",
                                     "OpenSC reports a SmartCard-HSM's label as"})
            QVERIFY2(shownText.contains(QLatin1String(sentinel)), sentinel);
        manual->close();
    }

    // Without a saved geometry the window opens on the 1366×768 screen at a size where the
    // tree's names are whole, its Details column and the details pane have room, and it fits
    // the screen; a saved geometry is restored, clamped to the screen.
    void mainWindowOpensReadable()
    {
        const QString module = SoftHsmFixture::softhsmModule();
        const auto modules = [module] { return QList<ModuleSpec>{ModuleSpec{module, QStringLiteral("softhsm2"), false}}; };
        QSettings settings;
        for (const char *key : {"window/geometry", "window/splitter", "window/treeHeader3"})
            settings.remove(QString::fromLatin1(key));
        const QRect screen = QGuiApplication::primaryScreen()->availableGeometry();
        QCOMPARE(screen.size(), QSize(SmallScreen::kWidth, SmallScreen::kHeight));
        {
            MainWindow w(m_bench.inventory(), modules);
            w.show();
            QVERIFY(QTest::qWaitForWindowExposed(&w));
            QSignalSpy done(&w, &MainWindow::refreshFinished);
            w.refreshAll();
            QVERIFY(done.wait(30000));
            QVERIFY2(w.width() <= screen.width() && w.height() <= screen.height(),
                     qPrintable(QStringLiteral("%1×%2").arg(w.width()).arg(w.height())));
            QVERIFY2(w.width() >= 1200 && w.height() >= 650, qPrintable(QStringLiteral("%1×%2").arg(w.width()).arg(w.height())));
            QTreeView *tree = w.tree();
            tree->expandAll();
            const auto *view = static_cast<const QAbstractItemView *>(tree); // sizeHintForColumn is public there
            // Every name whole (the widest row, indentation and icon included).
            QTRY_VERIFY2(tree->header()->sectionSize(TokenTreeModel::NameColumn) >= view->sizeHintForColumn(TokenTreeModel::NameColumn),
                         qPrintable(QStringLiteral("%1 < %2").arg(tree->header()->sectionSize(TokenTreeModel::NameColumn))
                                        .arg(view->sizeHintForColumn(TokenTreeModel::NameColumn))));
            QVERIFY2(tree->header()->sectionSize(TokenTreeModel::InfoColumn) >= 340,
                     qPrintable(QString::number(tree->header()->sectionSize(TokenTreeModel::InfoColumn))));
            // The Expires column is inside the tree's viewport, not behind a horizontal scroll.
            QVERIFY(tree->header()->sectionViewportPosition(TokenTreeModel::ExpiryColumn)
                        + tree->header()->sectionSize(TokenTreeModel::ExpiryColumn) <= tree->viewport()->width());
            QVERIFY2(w.detailPane()->width() >= 420, qPrintable(QString::number(w.detailPane()->width())));
            w.resize(900, 600);
            w.close(); // saves the geometry
        }
        {
            MainWindow w(m_bench.inventory(), modules);
            QCOMPARE(w.size(), QSize(900, 600));
            w.resize(3000, 2000);
            w.close();
        }
        {
            MainWindow w(m_bench.inventory(), modules);
            QVERIFY2(w.width() <= screen.width() && w.height() <= screen.height(),
                     qPrintable(QStringLiteral("%1×%2").arg(w.width()).arg(w.height())));
        }
        for (const char *key : {"window/geometry", "window/splitter", "window/treeHeader3"})
            settings.remove(QString::fromLatin1(key));
    }

    void firstStartWithoutTokens()
    {
        // Another window over no module at all: nothing to show but what to do.
        MainWindow empty(m_bench.inventory(), [] { return QList<ModuleSpec>{}; });
        empty.resize(SmallScreen::kWidth, SmallScreen::kHeight - 40);
        empty.show();
        FirstStartPanel *panel = empty.firstStartPanel();
        QSignalSpy probed(panel, &FirstStartPanel::readersProbed);
        QSignalSpy done(&empty, &MainWindow::refreshFinished);
        empty.refreshAll();
        QTRY_VERIFY(panel->isVisible());
        QVERIFY(!empty.tree()->isVisible());
        QVERIFY(probed.count() > 0 || probed.wait(30000));
        // Oracle: the socket pcsc-lite talks to (other pcscd instances, e.g. a test's with its own
        // socket, do not count). pcscd also removes it when it stops.
        const QString socket = qEnvironmentVariable("PCSCLITE_CSOCK_NAME", QStringLiteral("/run/pcscd/pcscd.comm"));
        const bool pcscdRunning = QFileInfo(socket).exists();
        QVERIFY2(panel->readerText().contains(QLatin1String("not running")) == !pcscdRunning, qPrintable(panel->readerText()));
        QVERIFY(SmallScreen::problems(&empty).isEmpty());
        QSignalSpy demo(&empty, &MainWindow::demoRequested);
        QTest::mouseClick(panel->demoButton(), Qt::LeftButton);
        QCOMPARE(demo.count(), 1);
        QVERIFY(!panel->isVisible());
        QVERIFY(empty.tree()->isVisible());
    }

    void cleanupTestCase()
    {
        m_tester.reset();
        m_window.reset();
    }
};

int main(int argc, char **argv)
{
    SmallScreen::useSmallScreen();
    QApplication app(argc, argv);
    TestDeskWindow t;
    return QTest::qExec(&t, argc, argv);
}

#include "test_deskwindow.moc"
