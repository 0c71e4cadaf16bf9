// SPDX-License-Identifier: GPL-3.0-or-later
// The CSR wizard signs on a real SoftHSM token; openssl checks what it saved.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "p11/module.h"
#include "wizards/csr/csrrequestpage.h"
#include "wizards/csr/csrresultpage.h"
#include "wizards/csr/csrwizard.h"

#include <QCheckBox>
#include <QComboBox>
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

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Requests"));
        for (const auto &[type, id, label] : {std::tuple{QStringLiteral("rsa:2048"), QStringLiteral("01"), QStringLiteral("rsa")},
                                             std::tuple{QStringLiteral("EC:prime256v1"), QStringLiteral("02"), QStringLiteral("ec")}})
            m_hsm.pkcs11Tool(QStringLiteral("Requests"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), type,
                                                          QStringLiteral("--id"), id, QStringLiteral("--label"), label});
        m_inventory = std::make_unique<Inventory>(m_registry);
        QFuture<ModuleSnapshot> f = m_inventory->scan(ModuleSpec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false});
        QTRY_VERIFY_WITH_TIMEOUT(f.isFinished(), 20000);
        for (const SlotSnapshot &s : f.result().slots)
            if (s.token && s.token->label == QLatin1String("Requests"))
                m_ref = TokenRef{f.result().path, s.id, s.token->id};
        QFuture<void> login = m_inventory->login(m_ref, CKU_USER, SecureBytes::fromUtf8("1234"));
        QTRY_VERIFY_WITH_TIMEOUT(login.isFinished(), 20000);
        QFuture<TokenContents> objects = m_inventory->readObjects(m_ref);
        QTRY_VERIFY_WITH_TIMEOUT(objects.isFinished(), 20000);
        m_keys = CsrKeyChoice::fromObjects(objects.result().objects);
        QCOMPARE(m_keys.size(), std::size_t(2));
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
        w.next();
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
};

QTEST_MAIN(TestCsrWizard)
#include "test_csrwizard.moc"
