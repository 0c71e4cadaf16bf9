// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk --check-workstation [--json], run as a program on a home folder of
// its own: clean (exit 0) after --setup wrote each consumer's configuration;
// a SoftHSM token initialized again (new slot id) is reported as a stale slot
// in the Java configuration written before, at its "slot =" line (and keytool
// agrees: it cannot open the token with that file); a module that is removed
// is reported for every consumer type, at the line that names it.
#include "keytestbench.h"

#include "keys/keygenerator.h"
#include "p11/session.h"
#include "workstation/setuptarget.h"
#include "workstation/setupwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

namespace {
const QString kTokenA = QStringLiteral("Check A");
const QString kTokenB = QStringLiteral("Check B");

// 1-based number of the first line of path that contains all of words.
int lineWith(const QString &path, const QStringList &words)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (int i = 0; i < lines.size(); ++i) {
        bool all = true;
        for (const QString &w : words)
            all = all && lines[i].contains(w.toUtf8());
        if (all)
            return i + 1;
    }
    return -1;
}
} // namespace

class TestCheckWorkstation : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    QMap<QString, KeyFacts> m_facts;
    QString m_pinFile;

    static int tokendesk(const SetupPaths &paths, const QStringList &args, QByteArray *out)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), paths.home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), paths.configHome);
        env.insert(QStringLiteral("XDG_STATE_HOME"), paths.stateHome);
        env.remove(QStringLiteral("OPENSSL_CONF"));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), QStringList{QStringLiteral("--module"), KeyTestBench::module()} + args);
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    static QJsonArray findings(const SetupPaths &paths, int *rc)
    {
        QByteArray out;
        *rc = tokendesk(paths, {QStringLiteral("--check-workstation"), QStringLiteral("--json")}, &out);
        return QJsonDocument::fromJson(out).object().value(QStringLiteral("findings")).toArray();
    }
    SetupPaths pathsIn(const QString &root)
    {
        SetupPaths p;
        p.home = QDir(root).filePath(QStringLiteral("home"));
        p.configHome = QDir(p.home).filePath(QStringLiteral(".config"));
        p.stateHome = QDir(p.home).filePath(QStringLiteral(".local/state"));
        p.enginePath = SetupPaths::current().enginePath;
        QDir().mkpath(p.home);
        return p;
    }
    int keytool(const QString &cfg)
    {
        return SoftHsmFixture::runStatus(QStringLiteral("keytool"),
                                         {QStringLiteral("-list"), QStringLiteral("-storetype"), QStringLiteral("PKCS11"),
                                          QStringLiteral("-addprovider"), QStringLiteral("SunPKCS11"),
                                          QStringLiteral("-providerArg"), cfg, QStringLiteral("-storepass:file"), m_pinFile});
    }

private Q_SLOTS:
    void initTestCase()
    {
        for (const TokenRef &token : m_bench.addTokens({kTokenA, kTokenB})) {
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
        m_pinFile = m_bench.path(QStringLiteral("pin"));
        KeyTestBench::writeFile(m_pinFile, "1234\n");
        QVERIFY(QFile::setPermissions(m_pinFile, QFile::ReadOwner | QFile::WriteOwner));
    }

    void removedModuleIsReportedForEachConsumer_data()
    {
        QTest::addColumn<QString>("target");
        QTest::addColumn<QString>("keyword"); // on the line that names the module
        QTest::newRow("java") << QStringLiteral("java") << QStringLiteral("library = ");
        QTest::newRow("openssl") << QStringLiteral("openssl") << QStringLiteral("MODULE_PATH = ");
        QTest::newRow("nss") << QStringLiteral("nss") << QStringLiteral("library=");
        QTest::newRow("p11kit") << QStringLiteral("p11kit") << QStringLiteral("module: ");
        QTest::newRow("ssh") << QStringLiteral("ssh") << QStringLiteral("PKCS11Provider ");
    }
    void removedModuleIsReportedForEachConsumer()
    {
        QFETCH(QString, target);
        QFETCH(QString, keyword);
        QTemporaryDir root;
        const SetupPaths paths = pathsIn(root.path());
        // A copy of the module that can be removed; SoftHSM behind it is the same.
        const QString copy = root.filePath(QStringLiteral("modules/libremovable.so"));
        QVERIFY(QDir().mkpath(QFileInfo(copy).path()));
        QVERIFY(QFile::copy(KeyTestBench::module(), copy));
        KeyFacts k = m_facts[kTokenA];
        k.modulePath = copy;
        const QString chromium = QDir(paths.home).filePath(QStringLiteral(".pki/nssdb"));
        if (target == QLatin1String("nss")) {
            QVERIFY(QDir().mkpath(chromium));
            SoftHsmFixture::run(QStringLiteral("certutil"), {QStringLiteral("-N"), QStringLiteral("-d"),
                                                             QStringLiteral("sql:") + chromium,
                                                             QStringLiteral("--empty-password")});
        }
        SetupJournal journal(SetupJournal::defaultPath(paths.stateHome));
        const WriteResult w = SetupWriter::write(SetupPlan::of(SetupTargets::generate(*SetupTargets::fromName(target), k, paths)),
                                                 target, journal, QDateTime::currentDateTime());
        QVERIFY2(w.error.isEmpty(), qPrintable(w.error));
        int rc = -1;
        QJsonArray found = findings(paths, &rc);
        QVERIFY2(rc == 0 && found.isEmpty(), QJsonDocument(found).toJson().constData());

        QVERIFY(QFile::remove(copy));
        found = findings(paths, &rc);
        QCOMPARE(rc, 1);
        QCOMPARE(found.size(), 1);
        const QJsonObject f = found.first().toObject();
        QCOMPARE(f.value(QStringLiteral("consumer")).toString(), target);
        const QString file = target == QLatin1String("nss") ? QDir(chromium).filePath(QStringLiteral("pkcs11.txt"))
                                                            : w.files.value(0).path;
        QCOMPARE(f.value(QStringLiteral("file")).toString(), file);
        QCOMPARE(f.value(QStringLiteral("line")).toInt(), lineWith(file, {keyword, copy}));
        QVERIFY2(f.value(QStringLiteral("problem")).toString().contains(copy), qPrintable(f.value(QStringLiteral("problem")).toString()));
        QVERIFY(!f.value(QStringLiteral("fix")).toString().isEmpty());
        // The text form names file and line the way compilers do.
        QByteArray text;
        QCOMPARE(tokendesk(paths, {QStringLiteral("--check-workstation")}, &text), 1);
        QVERIFY2(text.contains(QStringLiteral("%1:%2: ").arg(file).arg(lineWith(file, {keyword, copy})).toUtf8()),
                 text.constData());
    }

    // A hand-written configuration that picks the token by position: the position comes
    // from pkcs11-tool -L (the module's slot list in its order, as SunPKCS11 indexes it).
    void slotListIndexOfAnotherTokenIsReported()
    {
        const QByteArray list = SoftHsmFixture::run(QStringLiteral("pkcs11-tool"),
                                                    {QStringLiteral("--module"), KeyTestBench::module(), QStringLiteral("-L")});
        QMap<QString, int> indexOf;
        int slot = -1;
        for (const QByteArray &line : list.split('\n')) {
            if (line.startsWith("Slot "))
                ++slot;
            const qsizetype at = line.indexOf("token label        : ");
            if (at >= 0)
                indexOf.insert(QString::fromUtf8(line.mid(at + 21)).trimmed(), slot);
        }
        QVERIFY2(indexOf.contains(kTokenA) && indexOf.contains(kTokenB), list.constData());
        for (const QString &token : {kTokenA, kTokenB}) {
            QTemporaryDir root;
            const SetupPaths paths = pathsIn(root.path());
            const QString cfg = QDir(paths.configHome).filePath(QStringLiteral("tokendesk/by-index.cfg"));
            QVERIFY(QDir().mkpath(QFileInfo(cfg).path()));
            KeyTestBench::writeFile(cfg, "name = TokenDesk-Check-A\nlibrary = " + KeyTestBench::module().toUtf8()
                                             + "\nslotListIndex = " + QByteArray::number(indexOf[token]) + '\n');
            int rc = -1;
            const QJsonArray found = findings(paths, &rc);
            if (token == kTokenA) {
                QVERIFY2(rc == 0 && found.isEmpty(), QJsonDocument(found).toJson().constData());
            } else {
                QCOMPARE(rc, 1);
                QCOMPARE(found.size(), 1);
                QCOMPARE(found.first().toObject().value(QStringLiteral("line")).toInt(), 3);
                QVERIFY2(found.first().toObject().value(QStringLiteral("problem")).toString().contains(kTokenB),
                         QJsonDocument(found).toJson().constData());
            }
        }
    }

    // Last: it initializes token B again.
    void reinitializedTokenIsAStaleSlot()
    {
        QTemporaryDir root;
        const SetupPaths paths = pathsIn(root.path());
        const KeyFacts &b = m_facts[kTokenB];
        QByteArray out;
        QCOMPARE(tokendesk(paths, {QStringLiteral("--setup"), QStringLiteral("java"), QStringLiteral("--key"), b.uri,
                                   QStringLiteral("--write")},
                           &out),
                 0);
        const SetupText t = SetupTargets::generate(SetupTarget::Java, b, paths);
        const QString cfg = t.files.value(0).path;
        int rc = -1;
        QVERIFY(findings(paths, &rc).isEmpty());
        QCOMPARE(rc, 0);
        QCOMPARE(keytool(cfg), 0);

        SoftHsmFixture::run(QStringLiteral("softhsm2-util"), {QStringLiteral("--delete-token"), QStringLiteral("--token"), kTokenB});
        SoftHsmFixture::run(QStringLiteral("softhsm2-util"),
                            {QStringLiteral("--init-token"), QStringLiteral("--free"), QStringLiteral("--label"), kTokenB,
                             QStringLiteral("--pin"), QStringLiteral("1234"), QStringLiteral("--so-pin"),
                             QStringLiteral("12345678")});
        QVERIFY(keytool(cfg) != 0); // the consumer's verdict: this file no longer opens the token

        const QJsonArray found = findings(paths, &rc);
        QCOMPARE(rc, 1);
        QCOMPARE(found.size(), 1);
        const QJsonObject f = found.first().toObject();
        QCOMPARE(f.value(QStringLiteral("consumer")).toString(), QStringLiteral("java"));
        QCOMPARE(f.value(QStringLiteral("file")).toString(), cfg);
        QCOMPARE(f.value(QStringLiteral("line")).toInt(),
                 lineWith(cfg, {QStringLiteral("slot = %1").arg(qulonglong(b.slotId))}));
        QVERIFY2(f.value(QStringLiteral("problem")).toString().contains(QString::number(qulonglong(b.slotId))),
                 qPrintable(f.value(QStringLiteral("problem")).toString()));
    }
};

QTEST_GUILESS_MAIN(TestCheckWorkstation)
#include "test_checkworkstation.moc"
