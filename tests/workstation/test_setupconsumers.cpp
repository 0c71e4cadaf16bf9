// SPDX-License-Identifier: GPL-3.0-or-later
// The generated setup, run by the real consumers against two SoftHSM tokens that
// each hold a key labelled "tls" with a self-signed certificate: keytool
// (SunPKCS11, both ways of loading it), openssl (pkcs11 engine through
// OPENSSL_CONF), ssh-keygen -D and p11-kit. The commands run are the generated
// ones, with only the PIN source added (a file only this user can read).
#include "shellcommand.h"
#include "keytestbench.h"

#include "keys/keygenerator.h"
#include "keys/selfsignedcert.h"
#include "p11/session.h"
#include "workstation/javasetup.h"
#include "workstation/opensslsetup.h"
#include "workstation/p11kitsetup.h"
#include "workstation/sshsetup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTest>

#include <unistd.h>

namespace {
const QString kTokenA = QStringLiteral("Workstation A");
const QString kTokenB = QStringLiteral("Workstation B");
const QString kLabel = QStringLiteral("tls");

struct TokenKey {
    KeyFacts facts;
    QString fingerprint; // SHA-256 of the certificate, as keytool prints it
    QString publicPem;   // the token's public key, read back by pkcs11-tool
};
} // namespace

class TestSetupConsumers : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    QMap<QString, TokenKey> m_keys; // by token label
    QString m_pinFile;

    static void writeFiles(const SetupText &t)
    {
        for (const SetupFile &f : t.files) {
            QVERIFY(QDir().mkpath(QFileInfo(f.path).path()));
            KeyTestBench::writeFile(f.path, f.contents);
        }
    }
    QString dirFor(const QString &name)
    {
        const QString dir = m_bench.path(name);
        QDir().mkpath(dir);
        return dir;
    }
    // keytool -list output: alias -> certificate SHA-256 of each PrivateKeyEntry.
    static QMap<QString, QString> privateKeyEntries(const QByteArray &out)
    {
        QMap<QString, QString> entries;
        const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
        for (int i = 0; i + 1 < lines.size(); ++i) {
            const QString l = lines[i].trimmed();
            if (!l.endsWith(QLatin1String(", PrivateKeyEntry,")))
                continue;
            const QString fp = lines[i + 1].trimmed();
            entries.insert(l.section(QLatin1Char(','), 0, 0), fp.mid(fp.indexOf(QLatin1String("): ")) + 3));
        }
        return entries;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const std::vector<TokenRef> tokens = m_bench.addTokens({kTokenA, kTokenB});
        QCOMPARE(tokens.size(), std::size_t(2));
        for (const TokenRef &token : tokens) {
            KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
            spec.label = kLabel;
            const QString module = token.modulePath;
            TokenKey key;
            m_bench.onToken<int>(token, [&key, spec, module](Session &s, const CK_TOKEN_INFO &info) {
                const GeneratedKey k = generateKeyPair(s, info, spec);
                SelfSignedRequest req;
                req.subject.commonName = QStringLiteral("tls.example.org");
                const SelfSignedResult cert = createSelfSignedCertificate(s, info, k.id, req);
                key.facts = KeyFacts::fromToken(module, s.slot(), info, k.id, kLabel.toUtf8());
                key.fingerprint = cert.info.sha256Fingerprint;
                return 0;
            });
            const QString der = m_bench.path(key.facts.tokenLabel + QStringLiteral("-pub.der"));
            m_bench.hsm().pkcs11Tool(key.facts.tokenLabel, {QStringLiteral("--read-object"), QStringLiteral("--type"),
                                                            QStringLiteral("pubkey"), QStringLiteral("--id"),
                                                            QString::fromLatin1(key.facts.id.toHex()),
                                                            QStringLiteral("-o"), der});
            key.publicPem = m_bench.path(key.facts.tokenLabel + QStringLiteral("-pub.pem"));
            KeyTestBench::openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"),
                                   QStringLiteral("DER"), QStringLiteral("-in"), der, QStringLiteral("-out"),
                                   key.publicPem});
            m_keys.insert(key.facts.tokenLabel, key);
        }
        QCOMPARE(m_keys.size(), 2);
        QVERIFY(m_keys[kTokenA].fingerprint != m_keys[kTokenB].fingerprint);
        // The PIN for the consumers: a file only this user can read, never an argument.
        m_pinFile = m_bench.path(QStringLiteral("pin"));
        KeyTestBench::writeFile(m_pinFile, "1234\n");
        QVERIFY(QFile::setPermissions(m_pinFile, QFile::ReadOwner | QFile::WriteOwner));
    }

    void factsNameTheTokenAndKey()
    {
        for (const TokenKey &k : std::as_const(m_keys)) {
            QVERIFY2(k.facts.uri.contains(QLatin1String("serial=") + k.facts.tokenSerial), qPrintable(k.facts.uri));
            QVERIFY2(k.facts.uri.contains(QLatin1String("token=Workstation%20")), qPrintable(k.facts.uri));
            QVERIFY2(k.facts.uri.contains(QLatin1String("type=private")), qPrintable(k.facts.uri));
            QVERIFY(!k.facts.tokenSerial.isEmpty());
        }
        QVERIFY(m_keys[kTokenA].facts.slotId != m_keys[kTokenB].facts.slotId);
    }

    void javaKeytoolFindsTheTokensEntry_data()
    {
        QTest::addColumn<QString>("token");
        QTest::addColumn<int>("command"); // 0: -addprovider with the config, 1: the java.security override
        for (const QString &t : {kTokenA, kTokenB}) {
            QTest::addRow("%s, -addprovider", qPrintable(t)) << t << 0;
            QTest::addRow("%s, java.security override", qPrintable(t)) << t << 1;
        }
    }
    void javaKeytoolFindsTheTokensEntry()
    {
        QFETCH(QString, token);
        QFETCH(int, command);
        const TokenKey &key = m_keys[token];
        JavaSetupOptions options;
        options.dir = dirFor(QStringLiteral("java"));
        const SetupText t = JavaSetup::generate(key.facts, options);
        writeFiles(t);
        QByteArray out;
        const int rc = runShell(t.commands.value(command) + QStringLiteral(" -storepass:file ") + m_pinFile, options.dir, &out);
        QVERIFY2(rc == 0, out.constData());
        const QMap<QString, QString> entries = privateKeyEntries(out);
        // Exactly this token's key and certificate, not the other token's of the same label.
        QCOMPARE(entries.keys(), QStringList{kLabel});
        QCOMPARE(entries.value(kLabel), key.fingerprint);
    }

    void javaRejectsTokenLabelSelection()
    {
        // Why the configuration names a slot id: JDK 17's SunPKCS11 has no token-label setting.
        const QString cfg = m_bench.path(QStringLiteral("tokenlabel.cfg"));
        KeyTestBench::writeFile(cfg, "name = x\nlibrary = " + QFile::encodeName(KeyTestBench::module())
                                         + "\ntokenLabel = Workstation B\n");
        QByteArray out;
        const int rc = runShell(QStringLiteral("keytool -list -storetype PKCS11 -addprovider SunPKCS11 -providerArg %1 "
                                            "-storepass:file %2")
                                 .arg(cfg, m_pinFile),
                             m_bench.path(QString()), &out);
        QVERIFY2(rc != 0, out.constData());
    }

    void opensslSignsWithTheKeyUri_data()
    {
        QTest::addColumn<QString>("token");
        QTest::newRow("A") << kTokenA;
        QTest::newRow("B") << kTokenB;
    }
    void opensslSignsWithTheKeyUri()
    {
        QFETCH(QString, token);
        const TokenKey &key = m_keys[token];
        const TokenKey &other = m_keys[token == kTokenA ? kTokenB : kTokenA];
        OpensslSetupOptions options;
        options.dir = dirFor(QStringLiteral("openssl-") + key.facts.tokenSerial);
        options.enginePath = OpensslSetup::defaultEnginePath();
        const SetupText t = OpensslSetup::generate(key.facts, options);
        writeFiles(t);
        QVERIFY(t.commands.value(0).startsWith(QLatin1String("export OPENSSL_CONF=")));
        const QString conf = QStringLiteral("OPENSSL_CONF=") + t.files.value(0).path;
        KeyTestBench::writeFile(QDir(options.dir).filePath(QStringLiteral("file")), "signed on the token\n");

        // The PIN source goes in front of the options: openssl dgst stops reading options at the file name.
        const auto withPin = [this](QString command) {
            return command.replace(QLatin1String(" -engine pkcs11 "),
                                   QStringLiteral(" -passin file:%1 -engine pkcs11 ").arg(m_pinFile));
        };
        QVERIFY(withPin(t.commands.value(2)).contains(m_pinFile));
        QByteArray out;
        int rc = runShell(withPin(t.commands.value(2)), options.dir, &out, {conf});
        QVERIFY2(rc == 0, out.constData());
        const QString sig = QDir(options.dir).filePath(QStringLiteral("file.sig"));
        const QString data = QDir(options.dir).filePath(QStringLiteral("file"));
        QByteArray verified;
        QCOMPARE(SoftHsmFixture::runStatus(QStringLiteral("openssl"),
                                           {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                                            key.publicPem, QStringLiteral("-signature"), sig, data},
                                           &verified),
                 0);
        QVERIFY(verified.contains("Verified OK"));
        // The other token's key of the same label did not make it.
        QVERIFY(SoftHsmFixture::runStatus(QStringLiteral("openssl"),
                                          {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"),
                                           other.publicPem, QStringLiteral("-signature"), sig, data})
                != 0);

        // openssl req: a request signed by the token key and carrying its public key.
        rc = runShell(withPin(t.commands.value(1)), options.dir, &out, {conf});
        QVERIFY2(rc == 0, out.constData());
        const QString csr = QDir(options.dir).filePath(QStringLiteral("request.csr"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-verify"), QStringLiteral("-noout"),
                               QStringLiteral("-in"), csr});
        QCOMPARE(KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-in"), csr, QStringLiteral("-noout"),
                                        QStringLiteral("-pubkey")}),
                 KeyTestBench::readFile(key.publicPem));
    }

    void sshKeygenPrintsTheTokenKey()
    {
        const QString dir = dirFor(QStringLiteral("ssh"));
        for (const TokenKey &key : std::as_const(m_keys)) {
            const SetupText t = SshSetup::generate(key.facts, QDir(dir).filePath(QStringLiteral("config")));
            QByteArray out;
            const int rc = runShell(t.commands.value(0), dir, &out);
            QVERIFY2(rc == 0, out.constData());
            // The OpenSSH form of the token's public key, made by ssh-keygen from the PEM.
            const QByteArray expected =
                SoftHsmFixture::run(QStringLiteral("ssh-keygen"),
                                    {QStringLiteral("-i"), QStringLiteral("-m"), QStringLiteral("PKCS8"),
                                     QStringLiteral("-f"), key.publicPem})
                    .trimmed();
            const QList<QByteArray> parts = expected.split(' ');
            QCOMPARE(parts.size(), 2);
            const QRegularExpression line(QLatin1Char('^') + QRegularExpression::escape(QString::fromLatin1(expected))
                                              + QStringLiteral(" %1$").arg(kLabel),
                                          QRegularExpression::MultilineOption);
            QVERIFY2(line.match(QString::fromUtf8(out)).hasMatch(), out.constData());
            // ssh reads the configuration line the generator wrote.
            writeFiles(t);
            QByteArray parsed;
            QCOMPARE(SoftHsmFixture::runStatus(QStringLiteral("ssh"),
                                               {QStringLiteral("-G"), QStringLiteral("-F"), t.files.value(0).path,
                                                QStringLiteral("example.org")},
                                               &parsed),
                     0);
            QVERIFY2(parsed.contains("pkcs11provider " + key.facts.modulePath.toUtf8() + '\n'), parsed.constData());
        }
    }

    void p11KitListsTheModuleFile()
    {
        const TokenKey &key = m_keys[kTokenB];
        // p11-kit does not read user configuration for root: run it as nobody then,
        // with a SoftHSM store of its own so the module initializes for that user.
        const bool root = ::geteuid() == 0;
        QTemporaryDir home(QDir::tempPath() + QStringLiteral("/tokendesk-p11kit-XXXXXX"));
        QVERIFY(home.isValid());
        const QString configHome = home.filePath(QStringLiteral("config"));
        const QString store = home.filePath(QStringLiteral("tokens"));
        QVERIFY(QDir().mkpath(store));
        KeyTestBench::writeFile(home.filePath(QStringLiteral("softhsm2.conf")),
                                "directories.tokendir = " + QFile::encodeName(store) + '\n');
        const SetupText t = P11KitSetup::generate(key.facts, configHome);
        const QString listCommand = t.commands.value(0);
        QCOMPARE(listCommand, QStringLiteral("p11-kit list-modules"));
        const QString name = P11KitSetup::moduleName(key.facts);
        const QString wrapped = root ? QStringLiteral("chown -R 65534:65534 %1 && chmod 755 %1 && "
                                                      "setpriv --reuid=65534 --regid=65534 --clear-groups %2")
                                           .arg(SetupTextFormat::shellQuote(home.path()), listCommand)
                                     : listCommand;
        const QStringList env{QStringLiteral("XDG_CONFIG_HOME=") + configHome,
                              QStringLiteral("SOFTHSM2_CONF=") + home.filePath(QStringLiteral("softhsm2.conf"))};
        QByteArray out;
        // Before the file exists p11-kit does not know the name (the check can fail)…
        QCOMPARE(runShell(wrapped, home.path(), &out, env), 0);
        QVERIFY2(!out.contains(name.toUtf8() + ": "), out.constData());
        // …after it, it loads the module under that name.
        writeFiles(t);
        QCOMPARE(runShell(wrapped, home.path(), &out, env), 0);
        QVERIFY2(out.contains('\n' + name.toUtf8() + ": " + key.facts.modulePath.toUtf8() + '\n')
                     || out.startsWith(name.toUtf8() + ": " + key.facts.modulePath.toUtf8() + '\n'),
                 out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSetupConsumers)
#include "test_setupconsumers.moc"
