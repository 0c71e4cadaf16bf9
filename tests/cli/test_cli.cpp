// SPDX-License-Identifier: GPL-3.0-or-later
// `tokendesk --list [--json] --module …`: the real executable, a real token, a broken module.
// Every JSON output is checked against the published schema (ListRun).
#include "listrun.h"
#include "softhsmfixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
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

    // `tokendesk --list --module M` loads Qt Core and M, nothing else: not Qt's GUI libraries
    // (they are tokendesk-gui's) and not the other modules p11-kit registers (their names come
    // from p11-kit's config files). The dynamic loader's own record is the oracle.
    void listingLoadsNoWindowLibrariesAndNoOtherModule()
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LD_DEBUG"), QStringLiteral("files"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), {QStringLiteral("--list"), QStringLiteral("--module"), SoftHsmFixture::softhsmModule()});
        QVERIFY(p.waitForFinished(120000));
        QCOMPARE(p.exitCode(), 0);
        const QString loads = QString::fromLocal8Bit(p.readAllStandardError());
        QVERIFY2(loads.contains(QStringLiteral("libsofthsm2.so")), qPrintable(loads.left(2000)));
        QVERIFY(loads.contains(QStringLiteral("libQt6Core.so")));
        for (const char *absent : {"libQt6Gui", "libQt6Widgets", "opensc-pkcs11.so", "p11-kit-trust.so"})
            QVERIFY2(!loads.contains(QLatin1String(absent)), absent);
        // The p11-kit name still reaches the output.
        QVERIFY(QString::fromUtf8(p.readAllStandardOutput()).contains(QStringLiteral("softhsm2")));
    }

    // Without a command-line action, tokendesk becomes tokendesk-gui next to it: same process,
    // same arguments. Without that program it says so and exits 69.
    void windowProgramTakesOverTheProcess()
    {
        QTemporaryDir dir;
        const QString exe = dir.filePath(QStringLiteral("tokendesk"));
        QVERIFY(QFile::copy(QStringLiteral(TOKENDESK_EXE), exe));
        QByteArray out, err;
        QCOMPARE(SoftHsmFixture::runStatus(exe, {QStringLiteral("--demo")}, &out, &err), 69);
        QVERIFY2(err.contains("tokendesk-gui"), err.constData());

        QFile gui(dir.filePath(QStringLiteral("tokendesk-gui")));
        QVERIFY(gui.open(QIODevice::WriteOnly));
        gui.write("#!/bin/sh\necho \"pid $$\"\nfor a in \"$@\"; do echo \"arg <$a>\"; done\n");
        gui.close();
        QVERIFY(gui.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        QProcess p;
        p.start(exe, {QStringLiteral("--demo"), QStringLiteral("--module"), QStringLiteral("/opt/a b/lib.so")});
        QVERIFY(p.waitForStarted());
        const qint64 pid = p.processId();
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);
        QCOMPARE(QString::fromUtf8(p.readAllStandardOutput()),
                 QStringLiteral("pid %1\narg <--demo>\narg <--module>\narg </opt/a b/lib.so>\n").arg(pid));
        // A usage error is said by tokendesk itself; the window's program is not started.
        QCOMPARE(SoftHsmFixture::runStatus(exe, {QStringLiteral("--json")}, &out, &err), 64);
        QVERIFY(!out.contains("pid"));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "test_cli.moc"
