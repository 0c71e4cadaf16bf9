// SPDX-License-Identifier: GPL-3.0-or-later
// The tree over a real SoftHSM token: contents, in-place refresh, live slot events, detail pane.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "widgets/detailpane.h"
#include "widgets/treefilter.h"
#include "widgets/treeitemdelegate.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QInputDialog>
#include <QRegularExpression>
#include <QSettings>
#include <QSpinBox>
#include <QTextBlock>
#include <QTextBrowser>
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

    QString openssl(const QStringList &args) const
    {
        return QString::fromUtf8(SoftHsmFixture::run(QStringLiteral("openssl"), args)).trimmed();
    }
    // The value of `openssl x509 -<option>` for the pair certificate ("subject=…" → "…").
    QString pairFact(const QStringList &options) const
    {
        const QString out = openssl(QStringList{QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                QStringLiteral("-in"), m_hsm.dir() + QStringLiteral("/pair.crt.der"),
                                                QStringLiteral("-noout"), QStringLiteral("-nameopt"), QStringLiteral("RFC2253")}
                                    + options);
        return out.section(QLatin1Char('='), 1);
    }
    // Whether the view shows the row: it and every ancestor not hidden.
    bool shown(const QModelIndex &index) const
    {
        for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent())
            if (m_window->tree()->isRowHidden(i.row(), i.parent()))
                return false;
        return true;
    }
    QModelIndex findObject(const QString &label, CK_OBJECT_CLASS cls) const
    {
        std::function<QModelIndex(const QModelIndex &)> walk = [&](const QModelIndex &parent) -> QModelIndex {
            const TokenTreeModel *m = m_window->model();
            for (int r = 0; r < m->rowCount(parent); ++r) {
                const QModelIndex i = m->index(r, 0, parent);
                const TreeNode *n = m->node(i);
                if (n->object() && n->object()->object.cls == cls && n->object()->object.labelText() == label)
                    return i;
                if (const QModelIndex d = walk(i); d.isValid())
                    return d;
            }
            return {};
        };
        return walk({});
    }
    // Clicks the first "object:" link of the detail pane, as a user does.
    void clickPaneLink()
    {
        auto *browser = m_window->detailPane()->findChild<QTextBrowser *>();
        QVERIFY(browser);
        QTextCursor at;
        for (QTextBlock b = browser->document()->begin(); b.isValid() && at.isNull(); b = b.next())
            for (auto it = b.begin(); !it.atEnd(); ++it)
                if (it.fragment().charFormat().isAnchor()
                    && it.fragment().charFormat().anchorHref().startsWith(QLatin1String("object:"))) {
                    at = QTextCursor(browser->document());
                    at.setPosition(it.fragment().position() + 1);
                    break;
                }
        QVERIFY2(!at.isNull(), qPrintable(browser->toHtml()));
        browser->setTextCursor(at);
        browser->ensureCursorVisible();
        const QPoint p = browser->cursorRect(at).center();
        QTest::mouseClick(browser->viewport(), Qt::LeftButton, {}, p);
    }
    void typeFilter(const QString &text)
    {
        QTest::keyClick(m_window.get(), Qt::Key_F, Qt::ControlModifier);
        QTRY_VERIFY(m_window->treeFilter()->hasFocus());
        QTest::keyClicks(m_window->treeFilter(), text);
        QCOMPARE(m_window->treeFilter()->text(), text);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Tree"));
        // A key pair with its certificate (dates fixed far around now), written as separate objects.
        const QString pair = m_hsm.dir() + QStringLiteral("/pair");
        SoftHsmFixture::run(QStringLiteral("python3"), {QStringLiteral(TOKENDESK_DATED_CERT_SCRIPT), pair, QStringLiteral("Pair Person"),
                                                        QStringLiteral("2020-01-01T00:00:00Z"), QStringLiteral("2045-01-01T00:00:00Z"),
                                                        QStringLiteral("0a0b0c"), QStringLiteral("Pair Issuing CA")});
        for (const auto &[suffix, type, label] : {std::tuple{".crt.der", "cert", "pair-cert"}, std::tuple{".key.der", "privkey", "pair-key"},
                                                  std::tuple{".pub.der", "pubkey", "pair-key"}})
            m_hsm.pkcs11Tool(QStringLiteral("Tree"), {QStringLiteral("--write-object"), pair + QString::fromLatin1(suffix),
                                                      QStringLiteral("--type"), QString::fromLatin1(type), QStringLiteral("--id"),
                                                      QStringLiteral("c0ffee01"), QStringLiteral("--label"), QString::fromLatin1(label)});
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
        // The validity range and the expiry phrase each have their row (no "(expires in 9 days (2026-…))").
        const QString text = m_window->detailPane()->findChild<QTextBrowser *>()->toPlainText();
        QVERIFY2(text.contains(QRegularExpression(QStringLiteral("Valid\\s+\\S+ – \\S+\\s+Expiry\\s+expires in \\d+ days? \\(\\d{4}-\\d\\d-\\d\\d\\)\\n"))),
                 qPrintable(text));
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

    void keyAndCertificateLinkToEachOther()
    {
        const QModelIndex key = findObject(QStringLiteral("pair-key"), CKO_PUBLIC_KEY); // the private key is hidden until login
        const QModelIndex cert = findObject(QStringLiteral("pair-cert"), CKO_CERTIFICATE);
        QVERIFY(key.isValid() && cert.isValid());
        // The key row names its certificate and its expiry.
        QVERIFY(key.siblingAtColumn(TokenTreeModel::InfoColumn).data().toString().contains(QStringLiteral("certificate “Pair Person”")));
        QCOMPARE(key.siblingAtColumn(TokenTreeModel::ExpiryColumn).data().toString(), QStringLiteral("2045-01-01"));
        m_window->tree()->setCurrentIndex(key);
        clickPaneLink();
        QTRY_COMPARE(m_window->tree()->currentIndex().siblingAtColumn(0), cert);
        clickPaneLink();
        QTRY_COMPARE(m_window->tree()->currentIndex().siblingAtColumn(0), key);
    }

    void filterMatchesEveryField_data()
    {
        QTest::addColumn<QString>("needle");
        QTest::addColumn<bool>("keyToo"); // the public key matches as well (same CKA_ID)
        QTest::newRow("label") << QStringLiteral("pair-cert") << false;
        QTest::newRow("label, other case") << QStringLiteral("PAIR-CERT") << false;
        QTest::newRow("subject") << pairFact({QStringLiteral("-subject")}) << false;
        QTest::newRow("issuer") << pairFact({QStringLiteral("-issuer")}) << false;
        QTest::newRow("serial") << pairFact({QStringLiteral("-serial")}) << false;
        QTest::newRow("CKA_ID") << QStringLiteral("c0ffee01") << true;
        QTest::newRow("SHA-256 fingerprint") << pairFact({QStringLiteral("-fingerprint"), QStringLiteral("-sha256")}) << false;
        QTest::newRow("SHA-1 fingerprint, no colons")
            << pairFact({QStringLiteral("-fingerprint"), QStringLiteral("-sha1")}).remove(QLatin1Char(':')) << false;
        QTest::newRow("URI") << QStringLiteral("URI") << false; // filled in from what Copy URI copies
    }
    void filterMatchesEveryField()
    {
        QFETCH(QString, needle);
        QFETCH(bool, keyToo);
        const QModelIndex cert = findObject(QStringLiteral("pair-cert"), CKO_CERTIFICATE);
        const QModelIndex key = findObject(QStringLiteral("pair-key"), CKO_PUBLIC_KEY);
        const QModelIndex other = findObject(QStringLiteral("signing"), CKO_PUBLIC_KEY);
        const QModelIndex otherCert = findObject(QStringLiteral("short"), CKO_CERTIFICATE);
        QVERIFY(cert.isValid() && key.isValid() && other.isValid() && otherCert.isValid());
        if (needle == QLatin1String("URI")) {
            m_window->tree()->setCurrentIndex(cert);
            needle = m_window->detailPane()->uri();
            QVERIFY(needle.startsWith(QLatin1String("pkcs11:")));
        }
        QVERIFY(!needle.isEmpty());
        typeFilter(needle);
        QVERIFY(shown(cert)); // with its group, token, slot and module
        QVERIFY(m_window->tree()->isExpanded(cert.parent()));
        QVERIFY(m_window->treeFilter()->matches(cert));
        QCOMPARE(shown(key), keyToo);
        QVERIFY(!shown(other));
        QVERIFY(!shown(otherCert));
        // Esc clears: every row is back, the groups the filter opened are closed again.
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Escape);
        QVERIFY(m_window->treeFilter()->text().isEmpty());
        QVERIFY(shown(cert) && shown(key) && shown(other) && shown(otherCert));
        QVERIFY(!m_window->treeFilter()->matches(cert));
    }

    void filterHidesWhatDoesNotMatchAndHighlights()
    {
        const QModelIndex cert = findObject(QStringLiteral("pair-cert"), CKO_CERTIFICATE);
        const QModelIndex token = findRow({}, QStringLiteral("Tree"));
        typeFilter(QStringLiteral("no object is called this"));
        QVERIFY(!shown(cert));
        QVERIFY(!shown(token));
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Escape);
        QVERIFY(shown(cert) && shown(token));

        // A match is painted with a highlight behind the matched text.
        typeFilter(QStringLiteral("pair-c"));
        m_window->tree()->scrollTo(cert);
        const QImage shot = m_window->tree()->viewport()->grab().toImage();
        const QRect r = m_window->tree()->visualRect(cert);
        int marked = 0;
        for (int y = r.top(); y <= r.bottom(); ++y)
            for (int x = r.left(); x <= r.right(); ++x)
                if (shot.pixelColor(x, y) == QColor(0xff, 0xd8, 0x4d))
                    ++marked;
        QVERIFY2(marked > 20, qPrintable(QString::number(marked)));
        // A token's name shows all it holds.
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Escape);
        typeFilter(QStringLiteral("tree"));
        QVERIFY(shown(cert) && shown(findObject(QStringLiteral("signing"), CKO_PUBLIC_KEY)));
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Escape);
    }

    // While filtering, an object group's count says how many of its objects are shown
    // (oracle: pkcs11-tool -O lists the certificates), and the detail pane never keeps
    // showing an object the filter hid.
    void filterCountsGroupsAndClearsHiddenDetails()
    {
        const QModelIndex cert = findObject(QStringLiteral("pair-cert"), CKO_CERTIFICATE);
        const QModelIndex otherCert = findObject(QStringLiteral("short"), CKO_CERTIFICATE);
        QVERIFY(cert.isValid() && otherCert.isValid());
        const QModelIndex group = cert.parent();
        const int certificates = int(QString::fromUtf8(m_hsm.pkcs11Tool(QStringLiteral("Tree"), {QStringLiteral("-O")}))
                                         .count(QStringLiteral("Certificate Object")));
        QVERIFY(certificates >= 2);
        auto *delegate = qobject_cast<TreeItemDelegate *>(m_window->tree()->itemDelegate());
        QVERIFY(delegate);
        const QModelIndex count = group.siblingAtColumn(TokenTreeModel::InfoColumn);
        QCOMPARE(delegate->displayText(count), QString::number(certificates));

        m_window->tree()->setCurrentIndex(otherCert);
        QVERIFY(!m_window->detailPane()->uri().isEmpty());
        typeFilter(QStringLiteral("pair-cert"));
        QCOMPARE(delegate->displayText(count), QStringLiteral("1 of %1").arg(certificates));
        // "short" is hidden now: nothing is selected and the pane shows nothing of it.
        QVERIFY(!shown(otherCert));
        QVERIFY(!m_window->tree()->currentIndex().isValid());
        QVERIFY(m_window->detailPane()->uri().isEmpty());
        // A visible selection stays.
        m_window->tree()->setCurrentIndex(cert);
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Backspace); // "pair-cer" still matches it
        QTRY_COMPARE(m_window->tree()->currentIndex().siblingAtColumn(0), cert);
        QVERIFY(!m_window->detailPane()->uri().isEmpty());
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Escape);
        QTest::keyClick(m_window->treeFilter(), Qt::Key_Escape);
        QCOMPARE(delegate->displayText(count), QString::number(certificates));
    }

    void warningPeriodIsASetting()
    {
        const QModelIndex shortCert = findObject(QStringLiteral("short"), CKO_CERTIFICATE);
        const QModelIndex expiry = shortCert.siblingAtColumn(TokenTreeModel::ExpiryColumn);
        // 10 days left: inside the default 30 days.
        QCOMPARE(CertificateValidity(expiry.data(TokenTreeModel::ExpiryRole).toInt()), CertificateValidity::ExpiringSoon);
        m_window->tree()->setCurrentIndex(shortCert);
        auto *browser = m_window->detailPane()->findChild<QTextBrowser *>();
        auto openDialog = [this]() -> QInputDialog * {
            m_window->expiryWarningAction()->trigger();
            QInputDialog *d = nullptr;
            [&] { QTRY_VERIFY((d = m_window->findChild<QInputDialog *>()) && d->isVisible()); }();
            return d;
        };
        struct Step {
            const char *typed;
            Qt::Key key;
            int days;
            CertificateValidity state;
        };
        // Escape keeps the old value; Enter takes the new one at once, and it is saved.
        for (const Step &step : {Step{"5", Qt::Key_Escape, 30, CertificateValidity::ExpiringSoon},
                                 Step{"5", Qt::Key_Return, 5, CertificateValidity::Valid},
                                 Step{"11", Qt::Key_Enter, 11, CertificateValidity::ExpiringSoon},
                                 Step{"30", Qt::Key_Return, 30, CertificateValidity::ExpiringSoon}}) {
            QInputDialog *d = openDialog();
            QVERIFY(d);
            auto *spin = d->findChild<QSpinBox *>();
            QVERIFY(spin);
            QCOMPARE(spin->value(), m_window->model()->expiryWarningDays());
            spin->setFocus();
            spin->selectAll();
            QTest::keyClicks(spin, QString::fromLatin1(step.typed));
            QTest::keyClick(spin, step.key);
            QTRY_VERIFY(!m_window->findChild<QInputDialog *>());
            QCOMPARE(m_window->model()->expiryWarningDays(), step.days);
            QCOMPARE(QSettings().value(QStringLiteral("view/expiryWarningDays"), 30).toInt(), step.days);
            QCOMPARE(CertificateValidity(expiry.data(TokenTreeModel::ExpiryRole).toInt()), step.state);
            QCOMPARE(expiry.data(Qt::DecorationRole).value<QIcon>().isNull(), step.state == CertificateValidity::Valid);
            // The detail pane follows without a restart: the validity line is red only while the warning applies.
            QVERIFY(browser->toPlainText().contains(QStringLiteral("expires in")));
            QCOMPARE(browser->toHtml().contains(QStringLiteral("#b02020")), step.state != CertificateValidity::Valid);
        }
    }

    // The user's open and closed groups survive refreshes and a login; the Private keys
    // group that a login brings opens when its token is open (it is what the login was for).
    void expansionSurvivesRefreshAndLogin()
    {
        QTreeView *tree = m_window->tree();
        const QPersistentModelIndex token = findRow({}, QStringLiteral("Tree"));
        QVERIFY(token.isValid() && tree->isExpanded(token));
        const auto ref = m_window->model()->tokenRef(token);
        QVERIFY(ref);
        const QPersistentModelIndex certs = findRow(token, QStringLiteral("Certificates"));
        const QPersistentModelIndex pubs = findRow(token, QStringLiteral("Public keys"));
        QVERIFY(certs.isValid() && pubs.isValid());
        QVERIFY(!findRow(token, QStringLiteral("Private keys")).isValid());
        tree->expand(certs);
        tree->collapse(pubs);
        refresh();
        QVERIFY(tree->isExpanded(certs));
        QVERIFY(!tree->isExpanded(pubs));

        const auto reread = [&] {
            bool done = false;
            m_window->refreshToken(*ref, [&done] { done = true; });
            QTRY_VERIFY_WITH_TIMEOUT(done, 30000);
        };
        // A public key selected, not the token: the Token menu's Log in / Log out still follow
        // the token's login (a new-user trial found Log out greyed after logging in).
        const auto action = [this](const QString &text) -> QAction * {
            for (QAction *a : m_window->findChildren<QAction *>())
                if (a->text() == text)
                    return a;
            return nullptr;
        };
        QAction *loginAction = action(QStringLiteral("&Log in…"));
        QAction *logoutAction = action(QStringLiteral("Log &out"));
        QVERIFY(loginAction && logoutAction);
        const QPersistentModelIndex pubKey = m_window->model()->index(0, 0, pubs);
        QVERIFY(pubKey.isValid());
        tree->setCurrentIndex(pubKey);
        tree->collapse(pubs); // selecting the key opened its group; keep the user's layout
        QVERIFY(loginAction->isEnabled() && !logoutAction->isEnabled());
        QFuture<void> login = m_inventory->login(*ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
        reread();
        QCOMPARE(tree->currentIndex(), QModelIndex(pubKey));
        QVERIFY(!loginAction->isEnabled());
        QVERIFY(logoutAction->isEnabled());
        const QModelIndex priv = findRow(token, QStringLiteral("Private keys"));
        QVERIFY(priv.isValid());
        QVERIFY(tree->isExpanded(priv));
        QVERIFY(tree->isExpanded(certs));
        QVERIFY(!tree->isExpanded(pubs));
        // Closed by the user, it stays closed through logout and login.
        tree->collapse(priv);
        QFuture<void> logout = m_inventory->logout(*ref);
        QTRY_VERIFY_WITH_TIMEOUT(logout.isFinished(), 20000);
        reread();
        QVERIFY(!findRow(token, QStringLiteral("Private keys")).isValid());
        QVERIFY(loginAction->isEnabled() && !logoutAction->isEnabled());
        login = m_inventory->login(*ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
        reread();
        QVERIFY(findRow(token, QStringLiteral("Private keys")).isValid());
        QVERIFY(!tree->isExpanded(findRow(token, QStringLiteral("Private keys"))));
        // Opened again, it comes back open after a full refresh.
        tree->expand(findRow(token, QStringLiteral("Private keys")));
        refresh();
        QVERIFY(tree->isExpanded(findRow(token, QStringLiteral("Private keys"))));
        QVERIFY(tree->isExpanded(certs) && !tree->isExpanded(pubs));
        logout = m_inventory->logout(*ref);
        QTRY_VERIFY_WITH_TIMEOUT(logout.isFinished(), 20000);
        reread();
        tree->expand(pubs);
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
