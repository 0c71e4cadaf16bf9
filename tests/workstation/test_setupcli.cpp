// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk --setup <target> --key <URI> --print, run as a program against two
// SoftHSM tokens that each hold a key labelled "tls": the printed text is the
// generator's for the token the URI names (the generators themselves are
// proven by the consumers in test_setupconsumers), and a URI that names no key
// or several tokens is refused with a sentence.
#include "keytestbench.h"

#include "keys/keygenerator.h"
#include "p11/session.h"
#include "workstation/setuptarget.h"

#include <QDir>
#include <QProcess>
#include <QTest>

namespace {
const QString kTokenA = QStringLiteral("Setup A");
const QString kTokenB = QStringLiteral("Setup B");
} // namespace

class TestSetupCli : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    QMap<QString, KeyFacts> m_facts;
    SetupPaths m_paths;

    int tokendesk(const QStringList &args, QByteArray *out, QByteArray *err)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_paths.home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_paths.configHome);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), QStringList{QStringLiteral("--module"), KeyTestBench::module()} + args);
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const std::vector<TokenRef> tokens = m_bench.addTokens({kTokenA, kTokenB});
        QCOMPARE(tokens.size(), std::size_t(2));
        for (const TokenRef &token : tokens) {
            KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
            spec.label = QStringLiteral("tls");
            const QString module = token.modulePath;
            const KeyFacts k = m_bench.onToken<KeyFacts>(token, [spec, module](Session &s, const CK_TOKEN_INFO &info) {
                const GeneratedKey key = generateKeyPair(s, info, spec);
                return KeyFacts::fromToken(module, s.slot(), info, key.id, spec.label.toUtf8());
            });
            m_facts.insert(k.tokenLabel, k);
        }
        QCOMPARE(m_facts.size(), 2);
        m_paths.home = m_bench.path(QStringLiteral("home"));
        m_paths.configHome = m_bench.path(QStringLiteral("config"));
        m_paths.enginePath = SetupPaths::current().enginePath;
    }

    void printsTheNamedTokensSetup_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("token");
        QTest::addColumn<bool>("shortUri");
        for (const QString &target : SetupTargets::names())
            for (const QString &token : {kTokenA, kTokenB}) {
                QTest::addRow("%s, %s, full URI", qPrintable(target), qPrintable(token)) << target << token << false;
                QTest::addRow("%s, %s, token= and id= only", qPrintable(target), qPrintable(token))
                    << target << token << true;
            }
    }
    void printsTheNamedTokensSetup()
    {
        QFETCH(QString, target);
        QFETCH(QString, token);
        QFETCH(bool, shortUri);
        const KeyFacts &k = m_facts[token];
        QString idPart;
        for (const char c : k.id)
            idPart += QStringLiteral("%%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
        const QString uri = shortUri ? QStringLiteral("pkcs11:token=%1;id=%2").arg(QString(token).replace(QLatin1Char(' '), QLatin1String("%20")), idPart)
                                     : k.uri;
        QByteArray out, err;
        const int rc = tokendesk({QStringLiteral("--setup"), target, QStringLiteral("--key"), uri, QStringLiteral("--print")},
                                 &out, &err);
        QVERIFY2(rc == 0, err.constData());
        const SetupText expected = SetupTargets::generate(*SetupTargets::fromName(target), k, m_paths);
        QCOMPARE(QString::fromUtf8(out), SetupTextFormat::toText(expected));
        // And not the other token's (Java names the slot; the others name the token in a comment or URI).
        const KeyFacts &other = m_facts[token == kTokenA ? kTokenB : kTokenA];
        if (target == QLatin1String("java"))
            QVERIFY(!out.contains("slot = " + QByteArray::number(qulonglong(other.slotId)) + '\n'));
        if (target == QLatin1String("openssl"))
            QVERIFY(out.contains(k.uri.toUtf8()) && !out.contains(other.uri.toUtf8()));
    }

    void refusals_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("sentence");
        QString idPartA;
        for (const char c : m_facts[kTokenA].id)
            idPartA += QStringLiteral("%%1").arg(uchar(c), 2, 16, QLatin1Char('0'));
        const QStringList print{QStringLiteral("--print")};
        QTest::newRow("unknown target") << (QStringList{QStringLiteral("--setup"), QStringLiteral("gskit"), QStringLiteral("--key"), m_facts[kTokenA].uri} + print)
                                        << 64 << QStringLiteral("--setup takes one of: java, openssl, ssh, p11kit.");
        QTest::newRow("no key") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java")} + print) << 64
                                << QStringLiteral("--setup needs --key");
        QTest::newRow("no --print") << QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), m_facts[kTokenA].uri}
                                    << 64 << QStringLiteral("Only --print is available so far");
        QTest::newRow("not a URI") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), QStringLiteral("token=Setup A")} + print)
                                   << 2 << QStringLiteral("This is not a PKCS#11 URI");
        QTest::newRow("no id") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), QStringLiteral("pkcs11:token=Setup%20A;object=tls")} + print)
                               << 2 << QStringLiteral("The URI has no id=");
        QTest::newRow("two tokens match") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), QStringLiteral("pkcs11:id=") + idPartA} + print)
                                          << 2 << QStringLiteral("Several tokens match this URI");
        QTest::newRow("no such token") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), QStringLiteral("pkcs11:token=Setup%20C;id=") + idPartA} + print)
                                       << 2 << QStringLiteral("No token matches this URI.");
        // A's key id on token B: B has no such object.
        QTest::newRow("id of the other token") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), QStringLiteral("pkcs11:token=Setup%20B;id=") + idPartA} + print)
                                               << 2 << QStringLiteral("The token has no key or certificate with this id.");
    }
    void refusals()
    {
        QFETCH(QStringList, args);
        QFETCH(int, exitCode);
        QFETCH(QString, sentence);
        QByteArray out, err;
        QCOMPARE(tokendesk(args, &out, &err), exitCode);
        QVERIFY2(err.contains(sentence.toUtf8()), err.constData());
        QVERIFY2(out.isEmpty(), out.constData());
    }
};

QTEST_GUILESS_MAIN(TestSetupCli)
#include "test_setupcli.moc"
