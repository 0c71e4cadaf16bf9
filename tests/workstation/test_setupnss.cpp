// SPDX-License-Identifier: GPL-3.0-or-later
// tokendesk --setup nss --write / --dry-run / --setup-undo, run as a program
// with a home folder of its own that holds Chromium's NSS database and a
// Firefox profiles.ini with two profiles (one Path= relative, one absolute).
// modutil -list and certutil -L -h <token> are the judges: after the write
// every database lists the module and the token's certificate under
// "<token>:<label>"; after Undo the module is gone again. A profile Firefox
// holds open (its lock symlink, or a lock on .parentlock) is refused and
// nothing is registered anywhere.
#include "keytestbench.h"

#include "keys/keygenerator.h"
#include "keys/selfsignedcert.h"
#include "p11/session.h"
#include "workstation/p11kitsetup.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTest>

#include <fcntl.h>
#include <unistd.h>

namespace {
const QString kToken = QStringLiteral("Browser token");
const QString kLabel = QStringLiteral("tls");
} // namespace

class TestSetupNss : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    KeyFacts m_facts;
    QString m_home;
    QStringList m_dbs; // Chromium's, then the two Firefox profiles
    QString m_pinFile;

    int tokendesk(const QStringList &args, QByteArray *out, QByteArray *err)
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), QDir(m_home).filePath(QStringLiteral(".config")));
        env.insert(QStringLiteral("XDG_STATE_HOME"), QDir(m_home).filePath(QStringLiteral(".local/state")));
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), QStringList{QStringLiteral("--module"), KeyTestBench::module()} + args);
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        *err = p.readAllStandardError();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    QStringList setup(const QString &mode) const
    {
        return {QStringLiteral("--setup"), QStringLiteral("nss"), QStringLiteral("--key"), m_facts.uri, mode};
    }
    // modutil's own view: the library registered under our name, empty when none.
    static QByteArray listedLibrary(const QString &db, const QString &name)
    {
        QByteArray out;
        if (SoftHsmFixture::runStatus(QStringLiteral("modutil"),
                                      {QStringLiteral("-dbdir"), QStringLiteral("sql:") + db, QStringLiteral("-list"),
                                       name, QStringLiteral("-force")},
                                      &out)
            != 0)
            return {};
        for (const QByteArray &line : out.split('\n'))
            if (line.trimmed().startsWith("Library file: "))
                return line.trimmed().mid(14);
        return {};
    }
    static void createDb(const QString &dir)
    {
        QVERIFY(QDir().mkpath(dir));
        SoftHsmFixture::run(QStringLiteral("certutil"),
                            {QStringLiteral("-N"), QStringLiteral("-d"), QStringLiteral("sql:") + dir,
                             QStringLiteral("--empty-password")});
    }
    void verifyNothingRegistered()
    {
        for (const QString &db : std::as_const(m_dbs))
            QVERIFY2(listedLibrary(db, P11KitSetup::moduleName(m_facts)).isEmpty(), qPrintable(db));
    }

private Q_SLOTS:
    void initTestCase()
    {
        const TokenRef token = m_bench.addToken(kToken);
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
        spec.label = kLabel;
        const QString module = token.modulePath;
        m_facts = m_bench.onToken<KeyFacts>(token, [spec, module](Session &s, const CK_TOKEN_INFO &info) {
            const GeneratedKey k = generateKeyPair(s, info, spec);
            SelfSignedRequest req;
            req.subject.commonName = QStringLiteral("browser.example.org");
            createSelfSignedCertificate(s, info, k.id, req);
            return KeyFacts::fromToken(module, s.slot(), info, k.id, spec.label.toUtf8());
        });
        m_home = m_bench.path(QStringLiteral("home"));
        const QString firefox = QDir(m_home).filePath(QStringLiteral(".mozilla/firefox"));
        const QString absolute = m_bench.path(QStringLiteral("elsewhere/work profile"));
        m_dbs << QDir(m_home).filePath(QStringLiteral(".pki/nssdb"))
              << QDir(firefox).filePath(QStringLiteral("abcd1234.default-release")) << absolute;
        for (const QString &db : std::as_const(m_dbs))
            createDb(db);
        KeyTestBench::writeFile(QDir(firefox).filePath(QStringLiteral("profiles.ini")),
                                "[Install4F96D1932A9F858E]\nDefault=abcd1234.default-release\nLocked=1\n\n"
                                "[Profile1]\nName=work\nIsRelative=0\nPath="
                                    + QFile::encodeName(absolute)
                                    + "\n\n[Profile0]\nName=default-release\nIsRelative=1\n"
                                      "Path=abcd1234.default-release\nDefault=1\n\n"
                                      "[General]\nStartWithLastProfile=1\nVersion=2\n");
        m_pinFile = m_bench.path(QStringLiteral("pin"));
        KeyTestBench::writeFile(m_pinFile, "1234\n");
        QVERIFY(QFile::setPermissions(m_pinFile, QFile::ReadOwner | QFile::WriteOwner));
    }

    void printNamesEveryDatabaseAndTheNssKeyName()
    {
        QByteArray out, err;
        QCOMPARE(tokendesk(setup(QStringLiteral("--print")), &out, &err), 0);
        for (const QString &db : std::as_const(m_dbs))
            QVERIFY2(out.contains("modutil -dbdir " + SetupTextFormat::shellQuote(QStringLiteral("sql:") + db).toUtf8()
                                  + " -add tokendesk-softhsm2 -libfile " + m_facts.modulePath.toUtf8() + " -force\n"),
                     out.constData());
        QVERIFY2(out.contains("“" + kToken.toUtf8() + ':' + kLabel.toUtf8() + "”"), out.constData());
        verifyNothingRegistered();
    }

    void writeRegistersInEveryDatabaseAndUndoRemovesIt()
    {
        QByteArray out, err;
        QCOMPARE(tokendesk(setup(QStringLiteral("--dry-run")), &out, &err), 0);
        QCOMPARE(out.count("# Would register the module"), 3);
        verifyNothingRegistered();

        QVERIFY2(tokendesk(setup(QStringLiteral("--write")), &out, &err) == 0, err.constData());
        QCOMPARE(out.count("Registered the module"), 3);
        const QString name = P11KitSetup::moduleName(m_facts);
        for (const QString &db : std::as_const(m_dbs)) {
            QCOMPARE(listedLibrary(db, name), m_facts.modulePath.toUtf8());
            // certutil reaches the token through the registered module and lists its
            // certificate under the NSS name <token>:<label>.
            QByteArray certs;
            QCOMPARE(SoftHsmFixture::runStatus(QStringLiteral("certutil"),
                                               {QStringLiteral("-L"), QStringLiteral("-d"), QStringLiteral("sql:") + db,
                                                QStringLiteral("-h"), kToken, QStringLiteral("-f"), m_pinFile},
                                               &certs),
                     0);
            QVERIFY2(certs.contains((kToken + QLatin1Char(':') + kLabel).toUtf8()), certs.constData());
        }
        // Again: nothing to do, nothing journaled (Undo then takes back the first write).
        QCOMPARE(tokendesk(setup(QStringLiteral("--write")), &out, &err), 0);
        QCOMPARE(out.count("Unchanged: the module"), 3);
        QCOMPARE(tokendesk(setup(QStringLiteral("--dry-run")), &out, &err), 0);
        QVERIFY2(out.isEmpty(), out.constData());

        QCOMPARE(tokendesk({QStringLiteral("--setup-undo")}, &out, &err), 0);
        QCOMPARE(out.count("Removed the module"), 3);
        verifyNothingRegistered();
    }

    void profileInUseIsRefused_data()
    {
        QTest::addColumn<bool>("symlink"); // else a lock on .parentlock, as a running Firefox holds
        QTest::newRow("lock symlink") << true;
        QTest::newRow(".parentlock locked") << false;
    }
    void profileInUseIsRefused()
    {
        QFETCH(bool, symlink);
        const QString profile = m_dbs.value(1);
        const QString lock = QDir(profile).filePath(QStringLiteral("lock"));
        const QString parentLock = QDir(profile).filePath(QStringLiteral(".parentlock"));
        int fd = -1;
        if (symlink) {
            QVERIFY(QFile::link(QStringLiteral("127.0.0.1:+4242"), lock));
        } else {
            fd = ::open(QFile::encodeName(parentLock).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
            QVERIFY(fd >= 0);
            struct flock l {};
            l.l_type = F_WRLCK;
            l.l_whence = SEEK_SET;
            QCOMPARE(::fcntl(fd, F_SETLK, &l), 0);
        }
        QByteArray out, err;
        const int rc = tokendesk(setup(QStringLiteral("--write")), &out, &err);
        if (symlink)
            QFile::remove(lock);
        else
            ::close(fd); // releases the lock; the file stays, as Firefox leaves it
        QCOMPARE(rc, 1);
        QVERIFY2(err.contains("Firefox has the profile " + profile.toUtf8() + " open"), err.constData());
        verifyNothingRegistered(); // not in the other databases either
        // Firefox closed (a .parentlock nobody holds is what it leaves behind): the write goes through.
        QCOMPARE(tokendesk(setup(QStringLiteral("--write")), &out, &err), 0);
        QCOMPARE(listedLibrary(profile, P11KitSetup::moduleName(m_facts)), m_facts.modulePath.toUtf8());
        QCOMPARE(tokendesk({QStringLiteral("--setup-undo")}, &out, &err), 0);
        verifyNothingRegistered();
    }

    void undoPutsBackTheLibraryThatHadTheName()
    {
        const QString db = m_dbs.value(0);
        const QString name = P11KitSetup::moduleName(m_facts);
        QString error;
        QByteArray out, err;
        // The user (or an older TokenDesk) registered another library under the name.
        SoftHsmFixture::run(QStringLiteral("modutil"), {QStringLiteral("-dbdir"), QStringLiteral("sql:") + db,
                                                        QStringLiteral("-add"), name, QStringLiteral("-libfile"),
                                                        SoftHsmFixture::openscModule(), QStringLiteral("-force")});
        QCOMPARE(listedLibrary(db, name), SoftHsmFixture::openscModule().toUtf8());
        QCOMPARE(tokendesk(setup(QStringLiteral("--write")), &out, &err), 0);
        QCOMPARE(listedLibrary(db, name), m_facts.modulePath.toUtf8());
        QCOMPARE(tokendesk({QStringLiteral("--setup-undo")}, &out, &err), 0);
        QCOMPARE(listedLibrary(db, name), SoftHsmFixture::openscModule().toUtf8());
        SoftHsmFixture::run(QStringLiteral("modutil"), {QStringLiteral("-dbdir"), QStringLiteral("sql:") + db,
                                                        QStringLiteral("-delete"), name, QStringLiteral("-force")});
    }
};

QTEST_GUILESS_MAIN(TestSetupNss)
#include "test_setupnss.moc"
