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
#include <QFile>
#include <QFileInfo>
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
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_paths.stateHome);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), QStringList{QStringLiteral("--module"), KeyTestBench::module()} + args);
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }

    // Copies of the files a target writes, to compare with cmp later ("" when absent).
    QStringList snapshot(const SetupText &t, const QString &tag)
    {
        QStringList copies;
        for (const SetupFile &f : t.files) {
            QString copy;
            if (QFileInfo::exists(f.path)) {
                copy = m_bench.path(tag + QString::number(copies.size()));
                QFile::remove(copy);
                QFile::copy(f.path, copy);
            }
            copies << copy;
        }
        return copies;
    }
    static bool sameBytes(const QString &a, const QString &b)
    {
        return SoftHsmFixture::runStatus(QStringLiteral("cmp"), {a, b}) == 0;
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
        m_paths.stateHome = m_bench.path(QStringLiteral("state"));
        m_paths.enginePath = SetupPaths::current().enginePath;
    }

    void writeDryRunAndUndo_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<bool>("userFiles"); // the files exist before (the user's own)
        for (const QString &target : SetupTargets::names()) {
            if (target == QLatin1String("nss") || target == QLatin1String("gskit")) // no files: test_setupnss, text only
                continue;
            QTest::addRow("%s, new", qPrintable(target)) << target << false;
            QTest::addRow("%s, over the user's files", qPrintable(target)) << target << true;
        }
    }
    // --dry-run shows the diff and writes nothing; --write writes (backup of a changed
    // file); a second --write changes nothing; --setup-undo puts back every byte.
    void writeDryRunAndUndo()
    {
        QFETCH(QString, target);
        QFETCH(bool, userFiles);
        const KeyFacts &k = m_facts[kTokenB];
        const SetupText expected = SetupTargets::generate(*SetupTargets::fromName(target), k, m_paths);
        for (const SetupFile &f : expected.files) {
            QFile::remove(f.path);
            if (userFiles) {
                QVERIFY(QDir().mkpath(QFileInfo(f.path).path()));
                KeyTestBench::writeFile(f.path, "Host mine\n  User me\n");
            }
        }
        const QStringList before = snapshot(expected, QStringLiteral("before-"));
        const QStringList setup{QStringLiteral("--setup"), target, QStringLiteral("--key"), k.uri};
        QByteArray out, err;

        QCOMPARE(tokendesk(setup + QStringList{QStringLiteral("--dry-run")}, &out, &err), 0);
        for (const SetupFile &f : expected.files) {
            QVERIFY2(out.contains("+++ " + f.path.toUtf8() + '\n'), out.constData());
            QCOMPARE(QFileInfo::exists(f.path), userFiles); // wrote nothing
        }
        QCOMPARE(snapshot(expected, QStringLiteral("dry-")).size(), before.size());
        for (qsizetype i = 0; userFiles && i < before.size(); ++i)
            QVERIFY(sameBytes(expected.files[i].path, before[i]));

        QCOMPARE(tokendesk(setup + QStringList{QStringLiteral("--write")}, &out, &err), 0);
        for (const SetupFile &f : expected.files) {
            QVERIFY2(out.contains((userFiles ? "Changed " : "Created ") + f.path.toUtf8()), out.constData());
            QVERIFY(QFileInfo::exists(f.path));
        }
        const QStringList written = snapshot(expected, QStringLiteral("written-"));
        QCOMPARE(tokendesk(setup + QStringList{QStringLiteral("--write")}, &out, &err), 0);
        for (qsizetype i = 0; i < expected.files.size(); ++i) {
            QVERIFY2(out.contains("Unchanged " + expected.files[i].path.toUtf8()), out.constData());
            QVERIFY(sameBytes(expected.files[i].path, written[i]));
        }
        QCOMPARE(tokendesk(setup + QStringList{QStringLiteral("--dry-run")}, &out, &err), 0);
        QVERIFY2(out.isEmpty(), out.constData());

        QCOMPARE(tokendesk({QStringLiteral("--setup-undo")}, &out, &err), 0);
        for (qsizetype i = 0; i < expected.files.size(); ++i) {
            if (userFiles) {
                QVERIFY2(out.contains("Restored " + expected.files[i].path.toUtf8()), out.constData());
                QVERIFY(sameBytes(expected.files[i].path, before[i]));
            } else {
                QVERIFY2(out.contains("Removed " + expected.files[i].path.toUtf8()), out.constData());
                QVERIFY(!QFileInfo::exists(expected.files[i].path));
            }
        }
        QCOMPARE(tokendesk({QStringLiteral("--setup-undo")}, &out, &err), 0);
        QVERIFY2(out.contains("nothing to undo"), out.constData());
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
        QTest::newRow("unknown target") << (QStringList{QStringLiteral("--setup"), QStringLiteral("mq"), QStringLiteral("--key"), m_facts[kTokenA].uri} + print)
                                        << 64 << QStringLiteral("--setup takes one of: java, openssl, ssh, p11kit, nss, gskit.");
        QTest::newRow("gskit --write") << QStringList{QStringLiteral("--setup"), QStringLiteral("gskit"), QStringLiteral("--key"), m_facts[kTokenA].uri, QStringLiteral("--write")}
                                       << 64 << QStringLiteral("--setup gskit has nothing to write");
        QTest::newRow("no key") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java")} + print) << 64
                                << QStringLiteral("--setup needs --key");
        QTest::newRow("no --print") << QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), m_facts[kTokenA].uri}
                                    << 64 << QStringLiteral("--setup needs one of --print, --write or --dry-run.");
        QTest::newRow("--print and --write") << (QStringList{QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), m_facts[kTokenA].uri, QStringLiteral("--write")} + print)
                                             << 64 << QStringLiteral("--setup needs one of --print, --write or --dry-run.");
        QTest::newRow("--setup-undo with --setup") << QStringList{QStringLiteral("--setup-undo"), QStringLiteral("--setup"), QStringLiteral("java")}
                                                   << 64 << QStringLiteral("--setup-undo goes alone");
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
