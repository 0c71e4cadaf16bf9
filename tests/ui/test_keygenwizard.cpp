// SPDX-License-Identifier: GPL-3.0-or-later
// The key generation wizard, driven through its widgets against a real SoftHSM token.
// SoftHSM is loaded through the gate module (gatep11.cpp), which can hold
// C_GenerateKeyPair until the test lets it go: every way of closing or stepping back
// is tried while the token is busy, with no guess of how long a key takes.
#include "keyusageoracle.h"
#include "softhsmfixture.h"
#include "tokengate.h"

#include "inventory/inventory.h"
#include "keys/keygenvalidator.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "p11/module.h"
#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenrunpage.h"
#include "wizards/keygen/keygenwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QGroupBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QTreeView>

class TestKeyGenWizard : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    TokenRef m_ref;
    TokenSnapshot m_token;
    TokenGate m_gate{m_hsm.dir() + QStringLiteral("/gate")};
    const QString kToken = QStringLiteral("Keys");

    QList<KeyUsageOracle::ToolKey> listing(bool login = true)
    {
        return KeyUsageOracle::parse(m_hsm.pkcs11Tool(kToken, {QStringLiteral("-O")}, login ? QStringLiteral("1234") : QString()));
    }
    int objectsLabelled(const QString &label)
    {
        const QList<KeyUsageOracle::ToolKey> keys = listing();
        return int(std::count_if(keys.begin(), keys.end(), [&](const KeyUsageOracle::ToolKey &k) { return k.label == label; }));
    }
    // What a user does: type the label, press the commit button ("Generate").
    void typeLabelAndGenerate(KeyGenWizard &w, const QString &label)
    {
        QLineEdit *edit = w.paramsPage()->labelEdit();
        edit->setFocus();
        QTest::keyClicks(edit, label);
        QVERIFY2(w.button(QWizard::CommitButton)->isEnabled(), qPrintable(w.paramsPage()->validationMessage()));
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
    }
    // Sets a box the way a user does: a click when it is not already as wanted.
    static void setBox(QCheckBox *box, bool on)
    {
        if (box->isChecked() != on)
            QTest::keyClick(box, Qt::Key_Space); // a keyboard user's click
        QCOMPARE(box->isChecked(), on);
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TOKENDESK_GATE_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        TokenGate::remove();
        m_hsm.initToken(kToken);
        m_hsm.pkcs11Tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("rsa:2048"),
                                  QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("old")});
        m_inventory = std::make_unique<Inventory>(m_registry);
        QFuture<ModuleSnapshot> f = m_inventory->scan(ModuleSpec{QStringLiteral(TOKENDESK_GATE_MODULE), QStringLiteral("gate"), false});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 20000);
        for (const SlotSnapshot &s : f.result().slots)
            if (s.token && s.token->label == kToken) {
                m_ref = TokenRef{f.result().path, s.id, s.token->id};
                m_token = *s.token;
            }
        QVERIFY(!m_ref.id.serial.isEmpty());
        QFuture<void> login = m_inventory->login(m_ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
    }

    void offersOnlyWhatTheTokenCan()
    {
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QComboBox *alg = w.paramsPage()->algorithmBox();
        QVERIFY(alg->findData(QStringLiteral("rsa-2048")) >= 0);
        QVERIFY(alg->findData(QStringLiteral("ec-prime256v1")) >= 0);
        QVERIFY(alg->findData(QStringLiteral("ec-secp384r1")) >= 0);
        QCOMPARE(alg->findData(QStringLiteral("ed25519")) >= 0,
                 std::any_of(m_token.mechanisms.begin(), m_token.mechanisms.end(),
                             [](const MechanismInfo &m) { return m.type == CKM_EC_EDWARDS_KEY_PAIR_GEN; }));
        // Ed25519, where offered, carries the warning about Debian 12's pkcs11 engine; RSA none.
        const int ed = alg->findData(QStringLiteral("ed25519"));
        if (ed >= 0) {
            alg->setCurrentIndex(ed);
            QVERIFY(!w.paramsPage()->caveatText().isEmpty());
        }
        alg->setCurrentIndex(alg->findData(QStringLiteral("rsa-2048")));
        QVERIFY(w.paramsPage()->caveatText().isEmpty());
    }

    // Issue 8: a usage the key type cannot have is unticked and cannot be ticked,
    // so the boxes never show something the key will not be (or be something they do not show).
    void boxesFollowTheAlgorithm()
    {
        KeyGenWizard w(*m_inventory, m_ref, m_token, {});
        KeyGenParamsPage *p = w.paramsPage();
        w.show();
        QTest::keyClick(p->advancedBox(), Qt::Key_Space); // ticks the section's own box
        QVERIFY(p->advancedBox()->isChecked());
        p->algorithmBox()->setCurrentIndex(p->algorithmBox()->findData(QStringLiteral("rsa-2048")));
        setBox(p->unwrapBox(), true);
        QVERIFY(!p->deriveBox()->isEnabled());
        p->algorithmBox()->setCurrentIndex(p->algorithmBox()->findData(QStringLiteral("ec-prime256v1")));
        QVERIFY(!p->decryptBox()->isChecked() && !p->decryptBox()->isEnabled());
        QVERIFY(!p->unwrapBox()->isChecked() && !p->unwrapBox()->isEnabled());
        QVERIFY(p->deriveBox()->isEnabled());
        const KeyGenSpec s = p->spec();
        QVERIFY(!s.decrypt && !s.unwrap);
    }

    // Every algorithm once through the widgets: choose it, open the advanced section,
    // click the boxes to one choice, Generate; pkcs11-tool must report that choice.
    void oneChoicePerAlgorithmThroughTheWidgets_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<bool>("advanced");
        QTest::addColumn<int>("choice"); // index into KeyUsageOracle::allChoices
        // The reported case: EC P-256 with the defaults (Sign + Derive shown).
        QTest::newRow("ec-prime256v1 defaults") << QStringLiteral("ec-prime256v1") << false << 0;
        int row = 0;
        for (const KeyAlgorithm &a : KeyAlgorithm::offeredBy(m_token.mechanisms)) {
            // A valid, non-default choice that differs from row to row.
            const QList<KeyGenSpec> all = KeyUsageOracle::allChoices(a);
            for (int i = 0; i < all.size(); ++i) {
                const int at = (i + 37 * row + 21) % int(all.size());
                if (!KeyGenValidator::checkAttributes(all.at(at)).isEmpty())
                    continue;
                QTest::newRow(qPrintable(a.id() + QLatin1Char(' ') + KeyUsageOracle::describe(all.at(at))))
                    << a.id() << true << at;
                break;
            }
            ++row;
        }
    }
    void oneChoicePerAlgorithmThroughTheWidgets()
    {
        QFETCH(QString, algorithm);
        QFETCH(bool, advanced);
        QFETCH(int, choice);
        const KeyAlgorithm alg = *KeyAlgorithm::fromId(algorithm);
        KeyGenSpec want = advanced ? KeyUsageOracle::allChoices(alg).at(choice) : KeyGenSpec::defaultsFor(alg);
        want.label = QStringLiteral("widgets ") + QString::fromLatin1(QTest::currentDataTag());

        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QSignalSpy done(&w, &KeyGenWizard::keyGenerated);
        w.show();
        KeyGenParamsPage *p = w.paramsPage();
        p->algorithmBox()->setCurrentIndex(p->algorithmBox()->findData(algorithm));
        if (alg.legacy)
            setBox(p->legacyBox(), true);
        if (advanced) {
            QTest::keyClick(p->advancedBox(), Qt::Key_Space);
            QVERIFY(p->advancedBox()->isChecked());
            setBox(p->privateBox(), want.privateObject);
            setBox(p->sensitiveBox(), want.sensitive);
            setBox(p->extractableBox(), want.extractable);
            setBox(p->alwaysAuthBox(), want.alwaysAuthenticate);
            setBox(p->signBox(), want.sign);
            if (p->decryptBox()->isEnabled())
                setBox(p->decryptBox(), want.decrypt);
            if (p->unwrapBox()->isEnabled())
                setBox(p->unwrapBox(), want.unwrap);
            if (p->deriveBox()->isEnabled())
                setBox(p->deriveBox(), want.derive);
        }
        // What the wizard shows is what pkcs11-tool must report.
        const KeyGenSpec shown{alg,
                               want.label,
                               {},
                               alg.legacy,
                               p->privateBox()->isChecked(),
                               p->sensitiveBox()->isChecked(),
                               p->extractableBox()->isChecked(),
                               p->alwaysAuthBox()->isChecked(),
                               p->signBox()->isChecked(),
                               p->decryptBox()->isChecked(),
                               p->unwrapBox()->isChecked(),
                               p->deriveBox()->isChecked()};
        if (advanced)
            QVERIFY2(KeyUsageOracle::describe(shown) == KeyUsageOracle::describe(want), qPrintable(KeyUsageOracle::describe(shown)));
        QSignalSpy ended(&w, &KeyGenWizard::tokenChanged);
        typeLabelAndGenerate(w, want.label);
        QVERIFY(ended.wait(60000));
        QVERIFY2(w.runPage()->succeeded(), qPrintable(w.runPage()->statusText()));
        QCOMPARE(done.count(), 1);
        const QString diff = KeyUsageOracle::compare(shown, want.label, listing(), listing(false));
        QVERIFY2(diff.isEmpty(), qPrintable(diff));
    }

    // Wrong entry, then the correction: an ID that is not hex, then one already used,
    // then a good one; the key carries the corrected ID.
    void wrongIdThenCorrection()
    {
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QSignalSpy done(&w, &KeyGenWizard::keyGenerated);
        w.show();
        KeyGenParamsPage *p = w.paramsPage();
        QTest::keyClicks(p->labelEdit(), QStringLiteral("corrected id"));
        QTest::keyClicks(p->idEdit(), QStringLiteral("zz"));
        QVERIFY(!w.button(QWizard::CommitButton)->isEnabled());
        QVERIFY(p->validationMessage().contains(QStringLiteral("hexadecimal")));
        QTest::keyClick(p->idEdit(), Qt::Key_Return); // Enter on a refused form writes nothing
        QCOMPARE(w.currentPage(), p);
        p->idEdit()->selectAll();
        QTest::keyClicks(p->idEdit(), QStringLiteral("01")); // taken by "old"
        QVERIFY(!w.button(QWizard::CommitButton)->isEnabled());
        QVERIFY(p->validationMessage().contains(QStringLiteral("already used")));
        p->idEdit()->selectAll();
        QTest::keyClicks(p->idEdit(), QStringLiteral("c0ffee"));
        QVERIFY2(w.button(QWizard::CommitButton)->isEnabled(), qPrintable(p->validationMessage()));
        QTest::keyClick(p->idEdit(), Qt::Key_Return);
        QVERIFY(done.wait(60000));
        const QString out = QString::fromUtf8(m_hsm.pkcs11Tool(kToken, {QStringLiteral("-O")}));
        QCOMPARE(out.count(QStringLiteral("ID:         c0ffee")), 2);
        QCOMPARE(objectsLabelled(QStringLiteral("corrected id")), 2);
    }

    // Issue 8: while the token generates, no key or button abandons the job; the pair is
    // made exactly once, and after it Back is off so Generate cannot run a second time.
    void noWayOutWhileGenerating_data()
    {
        TokenGate::addWaysToLeave();
    }
    void noWayOutWhileGenerating()
    {
        QFETCH(QString, how);
        const QString label = QStringLiteral("busy ") + how;
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QSignalSpy done(&w, &KeyGenWizard::keyGenerated);
        QSignalSpy changed(&w, &KeyGenWizard::tokenChanged);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        m_gate.close();
        typeLabelAndGenerate(w, label);
        QTRY_VERIFY_WITH_TIMEOUT(m_gate.entered(), 20000); // the token is working now
        auto attempt = [&] { TokenGate::tryToLeave(w, how); };
        attempt();
        QVERIFY(w.isVisible());
        QCOMPARE(w.currentPage(), w.runPage());
        QVERIFY(w.isJobRunning());
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QVERIFY(!w.button(QWizard::CancelButton)->isEnabled());
        m_gate.open();
        QVERIFY(done.wait(60000));
        TokenGate::remove();
        QCOMPARE(changed.count(), 1); // the tree is re-read when the job ends
        QCOMPARE(objectsLabelled(label), 2);
        // After the write: Back stays off, whatever Qt does on the last page.
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(w.currentPage(), w.runPage());
        QVERIFY(!w.runPage()->retryButton()->isVisible());
        attempt(); // now it closes (Back aside, which stays off)
        if (how == QLatin1String("back"))
            QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_VERIFY(!w.isVisible());
        QCOMPARE(objectsLabelled(label), 2); // one pair, never a second
    }

    // A module that ignores false usage attributes and applies its own defaults (true):
    // the key is refused and destroyed, the message names the difference, and the form
    // is one click away; with an honest module the same form then succeeds.
    void keyWithOtherUsagesIsRefused()
    {
        const QString label = QStringLiteral("other usages");
        KeyGenWizard w(*m_inventory, m_ref, m_token, {QByteArray::fromHex("01")});
        QSignalSpy changed(&w, &KeyGenWizard::tokenChanged);
        QSignalSpy done(&w, &KeyGenWizard::keyGenerated);
        w.show();
        KeyGenParamsPage *p = w.paramsPage();
        p->algorithmBox()->setCurrentIndex(p->algorithmBox()->findData(QStringLiteral("ec-prime256v1")));
        qputenv("TOKENDESK_GATE_DROP_FALSE", "1");
        typeLabelAndGenerate(w, label);
        QVERIFY(changed.wait(60000));
        qunsetenv("TOKENDESK_GATE_DROP_FALSE");
        QVERIFY(!w.runPage()->succeeded());
        const QString status = w.runPage()->statusText();
        QVERIFY2(status.contains(QStringLiteral("CKA_DECRYPT")) && status.contains(QStringLiteral("CKA_UNWRAP")), qPrintable(status));
        QCOMPARE(objectsLabelled(label), 0);
        QVERIFY(w.runPage()->retryButton()->isVisible());
        QTest::mouseClick(w.runPage()->retryButton(), Qt::LeftButton);
        QCOMPARE(w.currentPage(), p);
        QCOMPARE(p->labelEdit()->text(), label); // the form kept what was typed
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(done.wait(60000));
        QCOMPARE(objectsLabelled(label), 2);
    }

    // The tree shows the key exactly once when the wizard closes, however it closes:
    // the main window re-reads the token when the job ends.
    void treeShowsTheKeyOnce()
    {
        const QString path = QStringLiteral(TOKENDESK_GATE_MODULE);
        MainWindow win(*m_inventory, [path] { return QList<ModuleSpec>{ModuleSpec{path, QStringLiteral("gate"), false}}; });
        win.show();
        QSignalSpy refreshed(&win, &MainWindow::refreshFinished);
        win.refreshAll();
        QVERIFY(refreshed.wait(30000));
        const QModelIndex token = win.model()->indexOfToken(m_ref.modulePath, m_ref.id);
        QVERIFY(token.isValid());
        win.tree()->setCurrentIndex(token);
        auto countRows = [&win](const QString &label) {
            int n = 0;
            std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
                for (int r = 0; r < win.model()->rowCount(parent); ++r) {
                    const QModelIndex i = win.model()->index(r, 0, parent);
                    n += i.data().toString() == label;
                    walk(i);
                }
            };
            walk({});
            return n;
        };
        const QString label = QStringLiteral("in the tree");
        m_gate.close();
        win.generateKey();
        KeyGenWizard *w = nullptr;
        QTRY_VERIFY((w = win.findChild<KeyGenWizard *>()) && w->isVisible());
        QPointer<KeyGenWizard> guard(w);
        typeLabelAndGenerate(*w, label);
        QTRY_VERIFY_WITH_TIMEOUT(m_gate.entered(), 20000);
        QTest::keyClick(w, Qt::Key_Escape);
        w->close();
        QVERIFY(w->isVisible());
        m_gate.open();
        QTRY_VERIFY_WITH_TIMEOUT(!w->isJobRunning(), 60000);
        TokenGate::remove();
        QTest::keyClick(w, Qt::Key_Escape);
        QTRY_VERIFY(guard.isNull()); // closed and deleted (WA_DeleteOnClose)
        QTRY_COMPARE_WITH_TIMEOUT(countRows(label), 2, 20000); // private and public key rows
        QCOMPARE(objectsLabelled(label), 2);
    }
};

QTEST_MAIN(TestKeyGenWizard)
#include "test_keygenwizard.moc"
