// SPDX-License-Identifier: GPL-3.0-or-later
// The CSR wizard signs on a real SoftHSM token; openssl checks what it saved.
// SoftHSM is loaded through the gate module (gatep11.cpp), which can hold C_SignInit
// until the test lets it go, so every way out is tried while the token is busy.
#include "softhsmfixture.h"
#include "tokengate.h"

#include "widgets/secretedit.h"
#include "wizards/csr/csrpinpage.h"

#include "inventory/inventory.h"
#include "p11/module.h"
#include "wizards/csr/csrrequestpage.h"
#include "wizards/csr/csrresultpage.h"
#include "wizards/csr/csrwizard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTest>

class TestCsrWizard : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    TokenRef m_ref;
    std::vector<CsrKeyChoice> m_keys;
    TokenGate m_gate{m_hsm.dir() + QStringLiteral("/gate")};

    void fillRequest(CsrRequestPage *p)
    {
        QTest::keyClicks(p->field(QStringLiteral("CN")), QStringLiteral("vpn.example.org"));
        QTest::keyClicks(p->field(QStringLiteral("O")), QStringLiteral("Example"));
        QVERIFY2(p->isComplete(), qPrintable(p->validationMessage()));
    }
    void verifyRequest(CsrWizard &w, const QString &name)
    {
        const QString pem = m_hsm.dir() + QLatin1Char('/') + name + QStringLiteral(".csr");
        QCOMPARE(w.resultPage()->save(pem, false), QString());
        const QString text = QString::fromUtf8(SoftHsmFixture::run(
            QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-in"), pem, QStringLiteral("-verify"),
                                        QStringLiteral("-noout"), QStringLiteral("-text")}));
        QVERIFY2(text.contains(QStringLiteral("vpn.example.org")), qPrintable(text));
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TOKENDESK_GATE_TARGET", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        TokenGate::remove();
        m_hsm.initToken(QStringLiteral("Requests"));
        for (const auto &[type, id, label] : {std::tuple{QStringLiteral("rsa:2048"), QStringLiteral("01"), QStringLiteral("rsa")},
                                             std::tuple{QStringLiteral("EC:prime256v1"), QStringLiteral("02"), QStringLiteral("ec")}})
            m_hsm.pkcs11Tool(QStringLiteral("Requests"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), type,
                                                          QStringLiteral("--id"), id, QStringLiteral("--label"), label});
        // A key that wants the PIN for every signature.
        m_hsm.pkcs11Tool(QStringLiteral("Requests"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                                      QStringLiteral("EC:prime256v1"), QStringLiteral("--id"), QStringLiteral("03"),
                                                      QStringLiteral("--label"), QStringLiteral("pin each time"),
                                                      QStringLiteral("--always-auth"), QStringLiteral("--usage-sign")});
        m_inventory = std::make_unique<Inventory>(m_registry);
        QFuture<ModuleSnapshot> f = m_inventory->scan(ModuleSpec{QStringLiteral(TOKENDESK_GATE_MODULE), QStringLiteral("gate"), false});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 20000);
        for (const SlotSnapshot &s : f.result().slots)
            if (s.token && s.token->label == QLatin1String("Requests"))
                m_ref = TokenRef{f.result().path, s.id, s.token->id};
        QFuture<void> login = m_inventory->login(m_ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
        QFuture<TokenContents> objects = m_inventory->readObjects(m_ref);
        QTRY_VERIFY_WITH_TIMEOUT(objects.isFinished(), 20000);
        m_keys = CsrKeyChoice::fromObjects(objects.result().objects);
        QCOMPARE(m_keys.size(), std::size_t(3));
    }

    void validationAndPreview()
    {
        CsrWizard w(*m_inventory, m_ref, m_keys, QByteArray::fromHex("02"));
        CsrRequestPage *p = w.requestPage();
        QCOMPARE(p->key()->label, QStringLiteral("ec"));
        QVERIFY(!p->pssBox()->isEnabled()); // RSA-PSS only for RSA keys
        p->field(QStringLiteral("CN"))->setText(QStringLiteral("alice"));
        p->field(QStringLiteral("O"))->setText(QStringLiteral("Example"));
        p->field(QStringLiteral("C"))->setText(QStringLiteral("GB"));
        QVERIFY2(p->isComplete(), qPrintable(p->validationMessage()));
        QCOMPARE(p->opensslPreview(), QStringLiteral("/C=GB/O=Example/CN=alice"));
        QCOMPARE(p->rfc4514Preview(), QStringLiteral("CN=alice,O=Example,C=GB"));
        p->altNamesEdit()->setPlainText(QStringLiteral("host.example.com"));
        QVERIFY(!p->isComplete());
        QVERIFY(p->validationMessage().contains(QStringLiteral("DNS:")));
        p->altNamesEdit()->setPlainText(QStringLiteral("DNS:host.example.com\nIP:192.0.2.7"));
        QVERIFY(p->isComplete());
        p->field(QStringLiteral("C"))->setText(QStringLiteral("G"));
        QVERIFY(!p->isComplete()); // a country is two letters
    }

    void signsOnTheTokenAndSaves_data()
    {
        QTest::addColumn<QString>("keyId");
        QTest::addColumn<bool>("pss");
        QTest::newRow("RSA") << QStringLiteral("01") << false;
        QTest::newRow("RSA-PSS") << QStringLiteral("01") << true;
        QTest::newRow("EC P-256") << QStringLiteral("02") << false;
    }
    void signsOnTheTokenAndSaves()
    {
        QFETCH(QString, keyId);
        QFETCH(bool, pss);
        CsrWizard w(*m_inventory, m_ref, m_keys, QByteArray::fromHex(keyId.toLatin1()));
        w.show();
        CsrRequestPage *p = w.requestPage();
        p->field(QStringLiteral("CN"))->setText(QStringLiteral("vpn.example.org"));
        p->field(QStringLiteral("O"))->setText(QStringLiteral("Example"));
        p->altNamesEdit()->setPlainText(QStringLiteral("DNS:vpn.example.org\nemail:ops@example.org"));
        p->usageBox()->setCurrentIndex(p->usageBox()->findData(int(UsagePreset::TlsServer)));
        p->pssBox()->setChecked(pss);
        QVERIFY(p->isComplete());
        QSignalSpy done(w.resultPage(), &CsrResultPage::finishedSigning);
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(w.resultPage()->statusText()));
        const QString pem = m_hsm.dir() + QStringLiteral("/req-%1-%2.csr").arg(keyId).arg(pss);
        QCOMPARE(w.resultPage()->save(pem, false), QString());
        // openssl, not our code, checks the signature and reads the request back.
        const QString text = QString::fromUtf8(SoftHsmFixture::run(
            QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-in"), pem, QStringLiteral("-verify"),
                                        QStringLiteral("-noout"), QStringLiteral("-text")}));
        QVERIFY2(text.contains(QStringLiteral("CN = vpn.example.org")) || text.contains(QStringLiteral("CN=vpn.example.org")), qPrintable(text));
        QVERIFY(text.contains(QStringLiteral("DNS:vpn.example.org")));
        QVERIFY(text.contains(QStringLiteral("email:ops@example.org")));
        QVERIFY(text.contains(QStringLiteral("TLS Web Server Authentication")));
        if (pss)
            QVERIFY(text.contains(QStringLiteral("rsassaPss")));
        QVERIFY(w.resultPage()->result()->opensslCommand.startsWith(QStringLiteral("openssl req")));
        const QString der = pem + QStringLiteral(".der");
        QCOMPARE(w.resultPage()->save(der, true), QString());
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                        QStringLiteral("-in"), der, QStringLiteral("-verify"), QStringLiteral("-noout")});
    }

    // While the token signs, no key or button abandons the job; afterwards Back stays
    // off, so the request cannot be signed a second time from the same form.
    void noWayOutWhileSigning_data()
    {
        TokenGate::addWaysToLeave();
    }
    void noWayOutWhileSigning()
    {
        QFETCH(QString, how);
        CsrWizard w(*m_inventory, m_ref, m_keys, QByteArray::fromHex("01"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        fillRequest(w.requestPage());
        QSignalSpy done(w.resultPage(), &CsrResultPage::finishedSigning);
        QSignalSpy ended(&w, &TokenJobWizard::jobEnded);
        m_gate.close();
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(m_gate.entered(), 20000);
        auto attempt = [&] { TokenGate::tryToLeave(w, how); };
        attempt();
        QVERIFY(w.isVisible());
        QCOMPARE(w.currentPage(), w.resultPage());
        QVERIFY(w.isJobRunning());
        m_gate.open();
        QVERIFY(done.wait(30000));
        TokenGate::remove();
        QCOMPARE(ended.count(), 1);
        QVERIFY2(done.at(0).at(0).toBool(), qPrintable(w.resultPage()->statusText()));
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
        QCOMPARE(w.currentPage(), w.resultPage());
        verifyRequest(w, QStringLiteral("busy-") + how);
        attempt();
        if (how == QLatin1String("back"))
            QTest::keyClick(&w, Qt::Key_Escape);
        QTRY_VERIFY(!w.isVisible());
    }

    // A key with CKA_ALWAYS_AUTHENTICATE: the PIN is asked on a page of the wizard
    // (SecretEdit, no modal prompt). A wrong PIN is reported, the user goes back to the
    // PIN page (emptied), types the right one, and the request is signed.
    void pinForEverySignatureOnAPage()
    {
        CsrWizard w(*m_inventory, m_ref, m_keys, QByteArray::fromHex("03"));
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        CsrRequestPage *p = w.requestPage();
        QVERIFY(p->key()->alwaysAuthenticate);
        fillRequest(p);
        QVERIFY(!p->isCommitPage()); // the PIN page comes first
        QTest::mouseClick(w.button(QWizard::NextButton), Qt::LeftButton);
        QCOMPARE(w.currentPage(), w.pinPage());
        SecretEdit *pin = w.pinPage()->pinEdit();
        QVERIFY(!w.button(QWizard::CommitButton)->isEnabled()); // no PIN yet
        QSignalSpy done(w.resultPage(), &CsrResultPage::finishedSigning);
        pin->setFocus();
        QTest::keyClicks(pin, QStringLiteral("9999"));
        QTest::keyClick(pin, Qt::Key_Return);
        QVERIFY(done.wait(30000));
        QCOMPARE(done.at(0).at(0).toBool(), false);
        QVERIFY2(w.resultPage()->statusText().contains(QStringLiteral("CKR_PIN_INCORRECT")), qPrintable(w.resultPage()->statusText()));
        QVERIFY(pin->text().isEmpty()); // the PIN left the field when the job took it
        QVERIFY(w.resultPage()->retryButton()->isVisible());
        QTest::mouseClick(w.resultPage()->retryButton(), Qt::LeftButton);
        QCOMPARE(w.currentPage(), w.pinPage());
        QVERIFY(pin->text().isEmpty());
        QTest::keyClicks(pin, QStringLiteral("1234"));
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(done.wait(30000));
        QVERIFY2(done.at(1).at(0).toBool(), qPrintable(w.resultPage()->statusText()));
        verifyRequest(w, QStringLiteral("always-auth"));
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QVERIFY(!w.resultPage()->retryButton()->isVisible());
    }
};

QTEST_MAIN(TestCsrWizard)
#include "test_csrwizard.moc"
