// SPDX-License-Identifier: GPL-3.0-or-later
// `tokendesk --list [--json] --module …`: the real executable, a real token, a broken module.
// Every JSON output is checked against the published schema (ListRun).
#include "listrun.h"
#include "softhsmfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestCli : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;

private Q_SLOTS:
    void initTestCase()
    {
        m_hsm.initToken(QStringLiteral("Helpdesk"));
        m_hsm.pkcs11Tool(QStringLiteral("Helpdesk"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                                      QStringLiteral("EC:prime256v1"), QStringLiteral("--id"),
                                                      QStringLiteral("42"), QStringLiteral("--label"), QStringLiteral("vpn")});
    }

    void jsonInventory()
    {
        const ListRun r = ListRun::run({QStringLiteral("--module"), SoftHsmFixture::softhsmModule(), QStringLiteral("--module"),
                                        QStringLiteral("/nonexistent/libvendor.so")},
                                       true);
        if (QTest::currentTestFailed())
            return; // not JSON, or not what the schema says
        QCOMPARE(r.exitCode, 2); // one module failed: reported in the output and in the exit status
        const QJsonArray modules = r.json.value(QStringLiteral("modules")).toArray();
        QCOMPARE(modules.size(), 2);
        QVERIFY(modules[1].toObject().value(QStringLiteral("error")).toString().contains(QStringLiteral("does not exist")));
        QJsonObject token;
        for (const auto &s : modules[0].toObject().value(QStringLiteral("slots")).toArray())
            if (s.toObject().value(QStringLiteral("token")).toObject().value(QStringLiteral("label")).toString() == QLatin1String("Helpdesk"))
                token = s.toObject().value(QStringLiteral("token")).toObject();
        QVERIFY(!token.isEmpty());
        QCOMPARE(token.value(QStringLiteral("model")).toString(), QStringLiteral("SoftHSM v2"));
        QCOMPARE(token.value(QStringLiteral("userPin")).toString(), QStringLiteral("OK"));
        QVERIFY(token.value(QStringLiteral("flags")).toArray().contains(QStringLiteral("login-required")));
        QCOMPARE(token.value(QStringLiteral("privateObjectsHidden")).toBool(), true);
        const QJsonArray objects = token.value(QStringLiteral("objects")).toArray();
        QCOMPARE(objects.size(), 1); // the public key; the private key is hidden without login
        const QJsonObject pub = objects[0].toObject();
        QCOMPARE(pub.value(QStringLiteral("class")).toString(), QStringLiteral("public key"));
        QCOMPARE(pub.value(QStringLiteral("id")).toString(), QStringLiteral("42"));
        QVERIFY(pub.value(QStringLiteral("key")).toString().startsWith(QStringLiteral("EC P-256")));
        QVERIFY(pub.value(QStringLiteral("uri")).toString().endsWith(QStringLiteral(";id=%42;object=vpn;type=public")));
    }

    void textInventory()
    {
        QByteArray out;
        const int rc = SoftHsmFixture::runStatus(QStringLiteral(TOKENDESK_EXE),
                                                 {QStringLiteral("--list"), QStringLiteral("--module"), SoftHsmFixture::softhsmModule()}, &out);
        QCOMPARE(rc, 0);
        const QString text = QString::fromUtf8(out);
        QVERIFY(text.contains(QStringLiteral("Token \"Helpdesk\"")));
        QVERIFY(text.contains(QStringLiteral("not logged in: private objects are not listed")));
        QVERIFY(text.contains(QStringLiteral("public key  \"vpn\"  id 42")));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
