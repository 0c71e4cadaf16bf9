// SPDX-License-Identifier: GPL-3.0-or-later
// The generators are pure: their exact text, quoting and naming.
#include "workstation/gskitsetup.h"
#include "workstation/javasetup.h"
#include "workstation/opensslsetup.h"
#include "workstation/p11kitsetup.h"
#include "workstation/sshsetup.h"

#include <QFileInfo>
#include <QProcess>
#include <QTest>

namespace {
KeyFacts facts(const QString &module = QStringLiteral("/usr/lib/softhsm/libsofthsm2.so"),
               const QString &token = QStringLiteral("Signing token"))
{
    KeyFacts k;
    k.modulePath = module;
    k.tokenLabel = token;
    k.tokenSerial = QStringLiteral("a1b2c3d4e5f60718");
    k.slotId = 1234567;
    k.id = QByteArray::fromHex("0a0b");
    k.objectLabel = QStringLiteral("tls client");
    k.uri = QStringLiteral("pkcs11:serial=a1b2c3d4e5f60718;token=Signing%20token;id=%0A%0B;type=private");
    return k;
}
} // namespace

class TestSetupText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void shellQuote_data()
    {
        QTest::addColumn<QString>("word");
        QTest::addColumn<QString>("quoted");
        QTest::newRow("plain path") << QStringLiteral("/usr/lib/x.so") << QStringLiteral("/usr/lib/x.so");
        QTest::newRow("empty") << QString() << QStringLiteral("''");
        QTest::newRow("blank") << QStringLiteral("/a b/x.so") << QStringLiteral("'/a b/x.so'");
        QTest::newRow("semicolon uri") << QStringLiteral("pkcs11:token=A;id=%01")
                                       << QStringLiteral("'pkcs11:token=A;id=%01'");
        QTest::newRow("single quote") << QStringLiteral("it's") << QStringLiteral("'it'\\''s'");
        QTest::newRow("dollar") << QStringLiteral("$HOME") << QStringLiteral("'$HOME'");
    }
    void shellQuote()
    {
        QFETCH(QString, word);
        QFETCH(QString, quoted);
        QCOMPARE(SetupTextFormat::shellQuote(word), quoted);
    }

    void safeName_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("name");
        QTest::newRow("blank") << QStringLiteral("Signing token") << QStringLiteral("Signing-token");
        QTest::newRow("decorated") << QStringLiteral("mytoken (UserPIN)") << QStringLiteral("mytoken--UserPIN-");
        QTest::newRow("empty") << QString() << QStringLiteral("fallback");
        QTest::newRow("path") << QStringLiteral("../x") << QStringLiteral("---x");
    }
    void safeName()
    {
        QFETCH(QString, text);
        QFETCH(QString, name);
        QCOMPARE(SetupTextFormat::safeName(text, QStringLiteral("fallback")), name);
    }

    void javaConfig_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QByteArray>("libraryLine");
        QTest::newRow("plain") << QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")
                               << QByteArray("library = /usr/lib/softhsm/libsofthsm2.so\n");
        QTest::newRow("blank in path") << QStringLiteral("/opt/My HSM/lib.so")
                                       << QByteArray("library = \"/opt/My HSM/lib.so\"\n");
    }
    void javaConfig()
    {
        QFETCH(QString, module);
        QFETCH(QByteArray, libraryLine);
        const QByteArray cfg = JavaSetup::config(facts(module));
        QVERIFY2(cfg.contains("\nname = TokenDesk-Signing-token\n"), cfg.constData());
        QVERIFY2(cfg.contains('\n' + libraryLine), cfg.constData());
        QVERIFY2(cfg.endsWith("\nslot = 1234567\n"), cfg.constData());
        // Neither the position-based choice nor a setting JDK 17 rejects.
        QVERIFY(!cfg.contains("slotListIndex"));
        QVERIFY(!cfg.contains("tokenLabel"));
    }

    void javaOverrideAndCommands()
    {
        JavaSetupOptions o;
        o.dir = QStringLiteral("/home/u/.config/tokendesk");
        o.providerIndex = 13;
        const SetupText t = JavaSetup::generate(facts(), o);
        QCOMPARE(t.files.size(), 2);
        QCOMPARE(t.files[0].path, QStringLiteral("/home/u/.config/tokendesk/Signing-token-pkcs11.cfg"));
        QCOMPARE(t.files[1].path, QStringLiteral("/home/u/.config/tokendesk/Signing-token-java.security"));
        QCOMPARE(t.files[1].contents,
                 QByteArray("security.provider.13=SunPKCS11 /home/u/.config/tokendesk/Signing-token-pkcs11.cfg\n"));
        QCOMPARE(t.commands.value(0), QStringLiteral("keytool -list -storetype PKCS11 -addprovider SunPKCS11 -providerArg "
                                                     "/home/u/.config/tokendesk/Signing-token-pkcs11.cfg"));
        QCOMPARE(t.commands.value(1), QStringLiteral("keytool -J-Djava.security.properties=/home/u/.config/tokendesk/"
                                                     "Signing-token-java.security -list -storetype PKCS11"));
        for (const QString &c : t.commands)
            QVERIFY2(!c.contains(QLatin1String("-storepass ")), qPrintable(c));
        QVERIFY(t.notes.join(QLatin1Char(' ')).contains(QLatin1String("slot id 1234567")));
        QCOMPARE(JavaSetup::securityOverride(QStringLiteral("C:\\x.cfg"), 12),
                 QByteArray("security.provider.12=SunPKCS11 C:\\\\x.cfg\n"));
    }

    void opensslConfig_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QByteArray>("moduleLine");
        QTest::newRow("plain") << QStringLiteral("/usr/lib/x.so") << QByteArray("\nMODULE_PATH = /usr/lib/x.so\n");
        QTest::newRow("dollar and hash") << QStringLiteral("/opt/$v#1/x.so")
                                         << QByteArray("\nMODULE_PATH = /opt/\\$v\\#1/x.so\n");
    }
    void opensslConfig()
    {
        QFETCH(QString, module);
        QFETCH(QByteArray, moduleLine);
        const QByteArray cfg = OpensslSetup::config(facts(module), QStringLiteral("/e/pkcs11.so"));
        QVERIFY2(cfg.contains("\nopenssl_conf = openssl_init\n"), cfg.constData());
        QVERIFY2(cfg.contains("\n[pkcs11_section]\nengine_id = pkcs11\ndynamic_path = /e/pkcs11.so\n"), cfg.constData());
        QVERIFY2(cfg.contains(moduleLine), cfg.constData());
        QVERIFY(!cfg.contains("PIN"));
    }

    void opensslCommands()
    {
        OpensslSetupOptions o;
        o.dir = QStringLiteral("/d");
        o.enginePath = QStringLiteral("/e/pkcs11.so");
        const SetupText t = OpensslSetup::generate(facts(), o);
        QCOMPARE(t.files.value(0).path, QStringLiteral("/d/Signing-token-openssl.cnf"));
        QCOMPARE(t.commands.value(0), QStringLiteral("export OPENSSL_CONF=/d/Signing-token-openssl.cnf"));
        const QString quotedUri =
            QStringLiteral("'pkcs11:serial=a1b2c3d4e5f60718;token=Signing%20token;id=%0A%0B;type=private'");
        QCOMPARE(t.commands.value(1), QStringLiteral("openssl req -new -engine pkcs11 -keyform engine -key %1 -subj "
                                                     "'/CN=tls client' -out request.csr")
                                          .arg(quotedUri));
        QCOMPARE(t.commands.value(2), QStringLiteral("openssl dgst -sha256 -engine pkcs11 -keyform engine -sign %1 "
                                                     "-out file.sig file")
                                          .arg(quotedUri));
    }

    void defaultEnginePathIsOpensslsOwn()
    {
        const QString path = OpensslSetup::defaultEnginePath();
        QVERIFY2(path.endsWith(QLatin1String("/pkcs11.so")), qPrintable(path));
        // Debian 12's libengine-pkcs11-openssl puts it there (a test dependency).
        QVERIFY2(QFileInfo::exists(path), qPrintable(path));
    }

    void ssh()
    {
        QCOMPARE(SshSetup::configLine(facts()), QByteArray("PKCS11Provider /usr/lib/softhsm/libsofthsm2.so\n"));
        QCOMPARE(SshSetup::configLine(facts(QStringLiteral("/opt/a b.so"))),
                 QByteArray("PKCS11Provider \"/opt/a b.so\"\n"));
        const SetupText t = SshSetup::generate(facts(), QStringLiteral("/h/.ssh/config"));
        QCOMPARE(t.files.value(0).path, QStringLiteral("/h/.ssh/config"));
        QCOMPARE(t.commands, QStringList({QStringLiteral("ssh-keygen -D /usr/lib/softhsm/libsofthsm2.so"),
                                          QStringLiteral("ssh-add -s /usr/lib/softhsm/libsofthsm2.so")}));
    }

    void p11kit_data()
    {
        QTest::addColumn<QString>("module");
        QTest::addColumn<QString>("name");
        QTest::newRow("lib prefix") << QStringLiteral("/usr/lib/softhsm/libsofthsm2.so")
                                    << QStringLiteral("tokendesk-softhsm2");
        QTest::newRow("no prefix") << QStringLiteral("/usr/lib/opensc-pkcs11.so") << QStringLiteral("tokendesk-opensc-pkcs11");
        QTest::newRow("odd name") << QStringLiteral("/opt/x/lib my.hsm.so") << QStringLiteral("tokendesk--my-hsm");
    }
    void p11kit()
    {
        QFETCH(QString, module);
        QFETCH(QString, name);
        const KeyFacts k = facts(module);
        QCOMPARE(P11KitSetup::moduleName(k), name);
        const SetupText t = P11KitSetup::generate(k, QStringLiteral("/h/.config"));
        QCOMPARE(t.files.value(0).path, QStringLiteral("/h/.config/pkcs11/modules/%1.module").arg(name));
        QVERIFY(t.files.value(0).contents.endsWith("\nmodule: " + module.toUtf8() + '\n'));
    }

    // The GSKit commands as a POSIX shell reads them (runmqakm replaced by a function
    // that prints its arguments): every word arrives exactly.
    void gskitCommandsCarryTheModulesLabel_data()
    {
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("module");
        QTest::newRow("plain") << QStringLiteral("mytoken") << QStringLiteral("/usr/lib/softhsm/libsofthsm2.so");
        QTest::newRow("OpenSC decoration") << QStringLiteral("mytoken (UserPIN)")
                                           << QStringLiteral("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
        QTest::newRow("double quotes") << QStringLiteral("my \"big\" token") << QStringLiteral("/opt/HSM lib/p11.so");
        QTest::newRow("single quote and dollar") << QStringLiteral("Bob's $HOME `x`") << QStringLiteral("/opt/it's/p11.so");
    }
    void gskitCommandsCarryTheModulesLabel()
    {
        QFETCH(QString, label);
        QFETCH(QString, module);
        KeyFacts k = facts(module, label);
        k.objectLabel = QStringLiteral("mq client's key");
        const SetupText t = GskitSetup::generate(k, QStringLiteral("/h/.config/tokendesk"));
        QVERIFY(t.files.isEmpty()); // text only
        QCOMPARE(t.commands.size(), 4);
        const auto argsOf = [](const QString &command) {
            QProcess sh;
            sh.start(QStringLiteral("sh"), {QStringLiteral("-c"),
                                            QStringLiteral("runmqakm() { printf '%s\\n' \"$@\"; }; ")
                                                + command});
            sh.closeWriteChannel();
            if (!sh.waitForFinished(30000) || sh.exitCode() != 0)
                return QStringList{QStringLiteral("<sh failed>")};
            return QString::fromUtf8(sh.readAllStandardOutput()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        };
        const QStringList list = argsOf(t.commands[0]);
        QCOMPARE(list, QStringList({QStringLiteral("-cert"), QStringLiteral("-list"), QStringLiteral("-crypto"), module,
                                    QStringLiteral("-tokenlabel"), label}));
        const QStringList details = argsOf(t.commands[1]);
        QCOMPARE(details.mid(2), QStringList({QStringLiteral("-crypto"), module, QStringLiteral("-tokenlabel"), label,
                                              QStringLiteral("-label"), k.objectLabel}));
        QCOMPARE(argsOf(t.commands[2]).mid(0, 3),
                 QStringList({QStringLiteral("-keydb"), QStringLiteral("-create"), QStringLiteral("-db")}));
        for (const QString &c : t.commands)
            QVERIFY2(!c.contains(QLatin1String("-pw")), qPrintable(c));
        // The queue manager's line (MQSC, in the notes): its SSLCRYP string, unquoted the MQSC
        // way, carries module and label in GSK_PKCS11's fields and a placeholder, never a PIN.
        const QStringList mqsc{GskitSetup::mqscLine(k, QStringLiteral("/h/.config/tokendesk/%1-mq/key")
                                                           .arg(SetupTextFormat::safeName(label, QString())))};
        QVERIFY(t.notes.contains(QStringLiteral("In runmqsc for the queue manager: ") + mqsc[0]));
        const qsizetype open = mqsc[0].indexOf(QLatin1String("SSLCRYP('")) + 9;
        QVERIFY(open > 9 && mqsc[0].endsWith(QLatin1String("')")));
        const QString crypto = mqsc[0].mid(open, mqsc[0].size() - open - 2).replace(QLatin1String("''"), QLatin1String("'"));
        QCOMPARE(crypto, QStringLiteral("GSK_PKCS11=%1;%2;<token PIN>;SYMMETRIC_CIPHER_OFF;").arg(module, label));
        QVERIFY(mqsc[0].contains(QStringLiteral("CERTLABL('mq client''s key')")));
        QVERIFY(t.notes.join(QLatin1Char(' ')).contains(QStringLiteral("“%1”").arg(label)));
    }

    void printedTextHasEveryFileAndCommand()
    {
        JavaSetupOptions o;
        o.dir = QStringLiteral("/d");
        const SetupText t = JavaSetup::generate(facts(), o);
        const QString text = SetupTextFormat::toText(t);
        for (const SetupFile &f : t.files) {
            QVERIFY(text.contains(QStringLiteral("# File: ") + f.path + QLatin1Char('\n')));
            QVERIFY(text.contains(QString::fromUtf8(f.contents)));
        }
        for (const QString &c : t.commands)
            QVERIFY(text.contains(c + QLatin1Char('\n')));
    }
};

QTEST_GUILESS_MAIN(TestSetupText)
#include "test_setuptext.moc"
