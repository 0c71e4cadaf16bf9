// SPDX-License-Identifier: GPL-3.0-or-later
// "Use this key in…" and Help → Check this workstation…, driven through their
// widgets offscreen on a SoftHSM token with an EC key and its certificate, in a
// fake HOME (with a Chromium NSS database). Judged by the command line
// (tokendesk --setup … --dry-run, --check-workstation --json) and by the real
// consumers: keytool, openssl, ssh -G, certutil, p11-kit; Undo by comparing
// every file under HOME byte for byte.
#include "shellcommand.h"
#include "commandtestbench.h"

#include "dialogs/workstation/checkworkstationdialog.h"
#include "dialogs/workstation/usekeydialog.h"
#include "widgets/secretedit.h"
#include "workstation/consumerproof.h"
#include "workstation/keylocator.h"
#include "workstation/opensslsetup.h"
#include "workstation/p11kitsetup.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProcess>
#include <QScopeGuard>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBrowser>

#include <cerrno>
#include <csignal>
#include <unistd.h>

Q_DECLARE_METATYPE(SetupTarget)

namespace {
const QString kToken = QStringLiteral("Desk");
const QString kLabel = QStringLiteral("tls");

// Every file under dir with its bytes (the journal's folder left out: it records the writes).
QMap<QString, QByteArray> filesUnder(const QString &dir, const QString &skip)
{
    QMap<QString, QByteArray> files;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        if (path.startsWith(skip))
            continue;
        QFile f(path);
        if (f.open(QIODevice::ReadOnly))
            files.insert(path, f.readAll());
    }
    return files;
}
} // namespace

class TestUseKeyDialog : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;
    KeyFacts m_facts;
    ProofExpectation m_expected;
    QTemporaryDir m_home;
    SetupPaths m_paths;
    QString m_pinFile;
    QString m_pubPem;

    QString nssDb() const { return m_home.filePath(QStringLiteral(".pki/nssdb")); }

    int cli(const QStringList &args, QByteArray *out) const
    {
        QProcess p;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HOME"), m_paths.home);
        env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_paths.configHome);
        env.insert(QStringLiteral("XDG_STATE_HOME"), m_paths.stateHome);
        p.setProcessEnvironment(env);
        p.start(QStringLiteral(TOKENDESK_EXE), QStringList{QStringLiteral("--module"), m_facts.modulePath} + args);
        p.closeWriteChannel();
        if (!p.waitForFinished(120000))
            return -1;
        *out = p.readAllStandardOutput();
        return p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1;
    }
    // A shell command line; stderr merged.
    static int shell(const QString &command, QByteArray *out, const QStringList &extraEnv = {})
    {
        return runShell(command, {}, out, extraEnv);
    }
    std::unique_ptr<UseKeyDialog> dialog(SetupTarget target)
    {
        auto d = std::make_unique<UseKeyDialog>(m_facts, m_expected, m_paths);
        d->show();
        if (!QTest::qWaitForWindowExposed(d.get()))
            return nullptr;
        d->setTarget(target);
        // What is on disk is read on a worker.
        if (!QTest::qWaitFor([&] { return !d->isBusy(); }, 60000))
            return nullptr;
        return d;
    }
    // What the consumer itself says about the files Write put on disk.
    void oracle(SetupTarget target, const UseKeyDialog &d)
    {
        using SetupTextFormat::shellQuote;
        QByteArray out;
        switch (target) {
        case SetupTarget::Java: {
            const QString cfg = m_paths.configHome + QStringLiteral("/tokendesk/Desk-pkcs11.cfg");
            QVERIFY(QFile::exists(cfg));
            QCOMPARE(shell(QStringLiteral("keytool -list -storetype PKCS11 -addprovider SunPKCS11 -providerArg %1 "
                                          "-storepass:file %2")
                               .arg(shellQuote(cfg), m_pinFile),
                           &out),
                     0);
            QVERIFY2(out.contains(kLabel.toUtf8() + ", PrivateKeyEntry,"), out.constData());
            QVERIFY2(out.contains(m_expected.sha256Fingerprint.toUtf8()), out.constData());
            break;
        }
        case SetupTarget::Openssl: {
            const QString cnf = m_paths.configHome + QStringLiteral("/tokendesk/Desk-openssl.cnf");
            const QString data = m_bench.path(QStringLiteral("data"));
            const QString sig = m_bench.path(QStringLiteral("data.sig"));
            CommandTestBench::writeFile(data, "oracle\n");
            QCOMPARE(shell(QStringLiteral("openssl dgst -sha256 -passin file:%1 -engine pkcs11 -keyform engine -sign %2 "
                                          "-out %3 %4")
                               .arg(m_pinFile, shellQuote(m_facts.uri), sig, data),
                           &out, {QStringLiteral("OPENSSL_CONF=") + cnf}),
                     0);
            QCOMPARE(shell(QStringLiteral("openssl dgst -sha256 -verify %1 -signature %2 %3").arg(m_pubPem, sig, data), &out), 0);
            QVERIFY(out.contains("Verified OK"));
            break;
        }
        case SetupTarget::Ssh:
            QCOMPARE(shell(QStringLiteral("ssh -G -F %1 example.org").arg(m_home.filePath(QStringLiteral(".ssh/config"))), &out), 0);
            QVERIFY2(out.contains("pkcs11provider " + m_facts.modulePath.toUtf8() + '\n'), out.constData());
            break;
        case SetupTarget::P11Kit: {
            // p11-kit reads no user configuration for root: the file must say module: <path> to p11-kit's parser.
            const QString file = m_paths.configHome + QStringLiteral("/pkcs11/modules/") + P11KitSetup::moduleName(m_facts)
                + QStringLiteral(".module");
            QVERIFY(QFile::exists(file));
            // p11-kit reads no user configuration for root: as root it runs as nobody, with a copy of
            // the file in a configuration folder (and a SoftHSM store) that nobody can read.
            const bool root = ::geteuid() == 0;
            QTemporaryDir other(QDir::tempPath() + QStringLiteral("/tokendesk-p11kit-XXXXXX"));
            QString configHome = m_paths.configHome;
            QStringList env{QStringLiteral("XDG_CONFIG_HOME=") + configHome};
            QString command = QStringLiteral("p11-kit list-modules");
            if (root) {
                configHome = other.filePath(QStringLiteral("config"));
                QVERIFY(QDir().mkpath(configHome + QStringLiteral("/pkcs11/modules")));
                QVERIFY(QFile::copy(file, configHome + QStringLiteral("/pkcs11/modules/") + QFileInfo(file).fileName()));
                QVERIFY(QDir().mkpath(other.filePath(QStringLiteral("tokens"))));
                CommandTestBench::writeFile(other.filePath(QStringLiteral("softhsm2.conf")),
                                            "directories.tokendir = " + QFile::encodeName(other.filePath(QStringLiteral("tokens"))) + '\n');
                env = QStringList{QStringLiteral("XDG_CONFIG_HOME=") + configHome,
                                  QStringLiteral("SOFTHSM2_CONF=") + other.filePath(QStringLiteral("softhsm2.conf"))};
                command = QStringLiteral("chown -R 65534:65534 %1 && chmod 755 %1 && "
                                         "setpriv --reuid=65534 --regid=65534 --clear-groups p11-kit list-modules")
                              .arg(shellQuote(other.path()));
            }
            QCOMPARE(shell(command, &out, env), 0);
            QVERIFY2(out.contains(P11KitSetup::moduleName(m_facts).toUtf8() + ": " + m_facts.modulePath.toUtf8() + '\n'),
                     out.constData());
            break;
        }
        case SetupTarget::Nss:
            QCOMPARE(shell(QStringLiteral("certutil -L -d sql:%1 -h %2 -f %3").arg(nssDb(), kToken, m_pinFile), &out), 0);
            QVERIFY2(out.contains((kToken + QLatin1Char(':')).toUtf8()), out.constData());
            break;
        case SetupTarget::Gskit:
            QVERIFY(!d.writeButton()->isEnabled());
            break;
        }
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), kLabel});
        const QString der = m_bench.certificateFor(kToken, QStringLiteral("01"), QStringLiteral("tls.example.org"));
        m_bench.tool(kToken, {QStringLiteral("--write-object"), der, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), kLabel});
        m_ref = m_bench.open(kToken);
        const TokenContents contents = m_bench.contents(m_ref);
        CK_TOKEN_INFO info{};
        const ModuleSnapshot snap = CommandTestBench::await(m_bench.inventory().scan(ModuleSpec{m_ref.modulePath, QStringLiteral("softhsm2"), false}));
        for (const SlotSnapshot &s : snap.slots)
            if (s.id == m_ref.slot && s.token)
                info = s.token->info;
        const auto facts = KeyLocator::inContents(m_ref.modulePath, m_ref.slot, info, contents, QByteArray::fromHex("01"));
        QVERIFY(facts);
        m_facts = *facts;
        m_expected = ProofExpectation::forKey(contents.objects, QByteArray::fromHex("01"));
        QVERIFY(!m_expected.sha256Fingerprint.isEmpty());
        QVERIFY(!m_expected.certificateDer.isEmpty());
        m_pubPem = m_bench.path(QStringLiteral("cert-pub.pem"));
        CommandTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                                   der, QStringLiteral("-pubkey"), QStringLiteral("-noout"), QStringLiteral("-out"), m_pubPem});

        QVERIFY(m_home.isValid());
        m_paths.home = m_home.path();
        m_paths.configHome = m_home.filePath(QStringLiteral(".config"));
        m_paths.stateHome = m_home.filePath(QStringLiteral(".local/state"));
        m_paths.enginePath = OpensslSetup::defaultEnginePath();
        QVERIFY(QDir().mkpath(nssDb()));
        SoftHsmFixture::run(QStringLiteral("certutil"),
                            {QStringLiteral("-N"), QStringLiteral("-d"), QStringLiteral("sql:") + nssDb(), QStringLiteral("--empty-password")});
        QVERIFY(QDir().mkpath(m_home.filePath(QStringLiteral(".ssh"))));
        CommandTestBench::writeFile(m_home.filePath(QStringLiteral(".ssh/config")), "Host old\n    User someone\n");
        m_pinFile = m_bench.path(QStringLiteral("pin"));
        CommandTestBench::writeFile(m_pinFile, "1234\n");
        QVERIFY(QFile::setPermissions(m_pinFile, QFile::ReadOwner | QFile::WriteOwner));
    }

    void targets_data()
    {
        QTest::addColumn<SetupTarget>("target");
        QTest::newRow("java") << SetupTarget::Java;
        QTest::newRow("openssl") << SetupTarget::Openssl;
        QTest::newRow("ssh") << SetupTarget::Ssh;
        QTest::newRow("p11kit") << SetupTarget::P11Kit;
        QTest::newRow("nss") << SetupTarget::Nss;
        QTest::newRow("gskit") << SetupTarget::Gskit;
    }

    void diffIsTheCommandLinesDryRun_data() { targets_data(); }
    void diffIsTheCommandLinesDryRun()
    {
        QFETCH(SetupTarget, target);
        const auto d = dialog(target);
        QVERIFY(d);
        QCOMPARE(d->target(), target);
        const QString name = SetupTargets::names().value(int(target));
        QByteArray out;
        if (target == SetupTarget::Gskit) {
            // Nothing to write: the CLI refuses --dry-run, the dialog shows no diff and no Write.
            QCOMPARE(cli({QStringLiteral("--setup"), name, QStringLiteral("--key"), m_facts.uri, QStringLiteral("--dry-run")}, &out), 64);
            QVERIFY(d->diffView()->toPlainText().isEmpty());
            QVERIFY(!d->writeButton()->isEnabled());
        } else {
            QCOMPARE(cli({QStringLiteral("--setup"), name, QStringLiteral("--key"), m_facts.uri, QStringLiteral("--dry-run")}, &out), 0);
            QVERIFY(!out.isEmpty());
            QCOMPARE(d->diffView()->toPlainText(), QString::fromUtf8(out));
            QVERIFY(d->writeButton()->isEnabled());
        }
        // The command lines carry the key's URI with token=, serial= and id= where a key is named.
        QVERIFY(!d->commandLines().isEmpty());
        QVERIFY(m_facts.uri.contains(QLatin1String("serial=")) && m_facts.uri.contains(QLatin1String("id=%01")));
        if (target == SetupTarget::Openssl)
            QVERIFY(d->commandLines().join(QLatin1Char('\n')).contains(m_facts.uri));
        QVERIFY(d->pinStatement()->text().contains(QLatin1String("never writes")));
    }

    void writeIsReadByTheConsumerAndUndoRestoresIt_data() { targets_data(); }
    void writeIsReadByTheConsumerAndUndoRestoresIt()
    {
        QFETCH(SetupTarget, target);
        const QString journalDir = m_paths.stateHome;
        const QMap<QString, QByteArray> before = filesUnder(m_home.path(), journalDir);
        const auto d = dialog(target);
        QVERIFY(d);
        if (target != SetupTarget::Gskit) {
            QTest::mouseClick(d->writeButton(), Qt::LeftButton);
            QVERIFY(d->isBusy()); // on a worker: modutil may take a while
            QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 120000);
            QVERIFY2(!d->writeStatus()->text().isEmpty(), "Write said nothing");
            QVERIFY2(!d->writeStatus()->text().contains(QLatin1String("cannot")), qPrintable(d->writeStatus()->text()));
            // Written: the same plan has nothing left to change.
            QVERIFY(!d->writeButton()->isEnabled());
            QVERIFY(filesUnder(m_home.path(), journalDir) != before);
        }
        oracle(target, *d);
        if (QTest::currentTestFailed())
            return;
        if (target == SetupTarget::Gskit)
            return;
        QTest::mouseClick(d->undoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 120000);
        QVERIFY2(!d->writeStatus()->text().contains(QLatin1String("nothing to undo")), qPrintable(d->writeStatus()->text()));
        const QMap<QString, QByteArray> after = filesUnder(m_home.path(), journalDir);
        QCOMPARE(after.keys(), before.keys());
        QVERIFY(after == before);
        QVERIFY(d->writeButton()->isEnabled());
    }

    void testItRunsTheConsumer_data()
    {
        QTest::addColumn<SetupTarget>("target");
        QTest::addColumn<bool>("written"); // run after Write (the consumer reads the user's configuration)
        QTest::newRow("java") << SetupTarget::Java << false;
        QTest::newRow("openssl") << SetupTarget::Openssl << false;
        QTest::newRow("ssh") << SetupTarget::Ssh << false;
        QTest::newRow("nss") << SetupTarget::Nss << true;
        QTest::newRow("p11kit") << SetupTarget::P11Kit << true;
    }
    void testItRunsTheConsumer()
    {
        QFETCH(SetupTarget, target);
        QFETCH(bool, written);
        const auto d = dialog(target);
        QVERIFY(d);
        d->tabs()->setCurrentIndex(2);
        if (written) {
            QTest::mouseClick(d->writeButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 120000);
        }
        QSignalSpy done(d.get(), &UseKeyDialog::testFinished);
        if (ConsumerProof::needsPin(target))
            QTest::keyClicks(d->pinEdit(), QStringLiteral("1234"));
        QTest::mouseClick(d->testButton(), Qt::LeftButton);
        QVERIFY(d->proof()->isRunning());
        QVERIFY(!d->testButton()->isEnabled());
        QVERIFY(done.wait(120000));
        const bool passed = done.first().first().toBool();
        // p11-kit reads no user configuration for root: then it must fail, and say why.
        if (target == SetupTarget::P11Kit && ::geteuid() == 0) {
            QVERIFY(!passed);
            QVERIFY2(d->testResult()->text().contains(QLatin1String("root")), qPrintable(d->testResult()->text()));
        } else {
            QVERIFY2(passed, qPrintable(d->testResult()->text() + QLatin1Char('\n') + d->testOutput()->toPlainText()));
            QVERIFY(d->testResult()->text().startsWith(QLatin1String("Passed")));
        }
        if (target == SetupTarget::Openssl) {
            // The server's own account of the handshake: it demanded a client certificate and
            // received the token's (judged by ConsumerProof against the token's DER).
            const QString out = d->testOutput()->toPlainText();
            QVERIFY2(out.contains(QLatin1String("openssl s_server")) && out.contains(QLatin1String("-Verify 1"))
                         && out.contains(QLatin1String("Client certificate")) && out.contains(QLatin1String("CONNECTION ESTABLISHED")),
                     qPrintable(out));
            QVERIFY(d->testResult()->text().contains(QLatin1String("TLS handshake with client authentication")));
        }
        if (target == SetupTarget::Java) {
            // keytool, then JSSE with keyStoreType PKCS11 against s_server -Verify 1: the client's
            // account and the server's (which received the token's certificate) are both in the output.
            const QString out = d->testOutput()->toPlainText();
            QVERIFY2(out.contains(QLatin1String("-Djavax.net.ssl.keyStoreType=PKCS11"))
                         && out.contains(QLatin1String("JSSE HANDSHAKE OK"))
                         && out.contains(QLatin1String("CLIENT CERTIFICATE SHA-256 ") + m_expected.sha256Fingerprint)
                         && out.contains(QLatin1String("Client certificate")),
                     qPrintable(out));
            QVERIFY(d->testResult()->text().contains(QLatin1String("Java TLS client")));
        }
        // The PIN reached the consumer through a file, never a command line: the field is empty,
        // the output shows the file's path, not the PIN.
        QVERIFY(d->pinEdit()->text().isEmpty());
        QVERIFY(!d->testOutput()->toPlainText().contains(QLatin1String(" 1234")));
        if (written) {
            QTest::mouseClick(d->undoButton(), Qt::LeftButton);
            QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 120000);
            QVERIFY(d->writeButton()->isEnabled());
        }
    }

    void wrongPinThenRight()
    {
        const auto d = dialog(SetupTarget::Java);
        QVERIFY(d);
        QSignalSpy done(d.get(), &UseKeyDialog::testFinished);
        QSignalSpy steps(d->proof(), &ConsumerProof::stepStarted);
        QTest::keyClicks(d->pinEdit(), QStringLiteral("9999"));
        QTest::keyClick(d->pinEdit(), Qt::Key_Return); // Enter in the PIN field starts the test
        QVERIFY(done.wait(120000));
        QCOMPARE(done.first().first().toBool(), false);
        QVERIFY(d->testResult()->text().startsWith(QLatin1String("Failed")));
        // keytool's own words about the failed login.
        const QString output = d->testOutput()->toPlainText();
        QVERIFY2(output.contains(QLatin1String("keytool error")), qPrintable(output));
        // Not retried: one run, and none starts on its own.
        QCOMPARE(steps.size(), 1);
        QVERIFY(!steps.wait(300));
        QVERIFY(!d->proof()->isRunning());
        QTest::keyClicks(d->pinEdit(), QStringLiteral("1234"));
        QTest::mouseClick(d->testButton(), Qt::LeftButton);
        QVERIFY(done.wait(120000));
        QCOMPARE(done.last().first().toBool(), true);
        // One run again: keytool, the server's key, its trust store, s_server, the JSSE client.
        QCOMPARE(steps.size(), 1 + 5);
    }

    // Write runs on a worker: while modutil (here a wrapper that waits for the test) registers
    // the module, the GUI thread is free — this test's own clicks return — and Esc and the
    // window's close button leave the dialog open, since a write cannot stop halfway.
    // Were Write on the GUI thread, the click would wait for modutil, which waits for the test.
    void writeRunsOffTheGuiThreadAndClosingWaitsForIt()
    {
        QTemporaryDir bin;
        const QString release = bin.filePath(QStringLiteral("release"));
        QFile modutil(bin.filePath(QStringLiteral("modutil")));
        QVERIFY(modutil.open(QIODevice::WriteOnly));
        modutil.write("#!/bin/sh\ncase \" $* \" in *\" -add \"*) while [ ! -e '" + QFile::encodeName(release)
                      + "' ]; do sleep 0.05; done;; esac\nexec /usr/bin/modutil \"$@\"\n");
        modutil.close();
        QVERIFY(modutil.setPermissions(QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner));
        const QByteArray oldPath = qgetenv("PATH");
        qputenv("PATH", QFile::encodeName(bin.path()) + ':' + oldPath);
        const auto restorePath = qScopeGuard([&] { qputenv("PATH", oldPath); });

        const auto d = dialog(SetupTarget::Nss);
        QVERIFY(d);
        QVERIFY(d->writeButton()->isEnabled());
        QTest::mouseClick(d->writeButton(), Qt::LeftButton);
        QVERIFY(d->isBusy());
        QVERIFY(!d->writeButton()->isEnabled());
        QVERIFY(!d->undoButton()->isEnabled());
        QVERIFY(!d->targetBox()->isEnabled());
        QTest::keyClick(d->targetBox(), Qt::Key_Escape);
        QVERIFY(d->isVisible());
        QVERIFY(!d->close());
        QVERIFY(d->isVisible());
        QFile(release).open(QIODevice::WriteOnly); // modutil may go on
        QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 120000);
        QVERIFY2(d->writeStatus()->text().contains(QLatin1String("Registered the module")), qPrintable(d->writeStatus()->text()));
        QVERIFY(d->targetBox()->isEnabled());
        QTest::mouseClick(d->undoButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!d->isBusy(), 120000);
        QVERIFY2(d->writeStatus()->text().contains(QLatin1String("Removed the module")), qPrintable(d->writeStatus()->text()));
        QVERIFY(d->close()); // and now it closes
    }

    void closingWhileTestingKillsTheConsumer_data()
    {
        QTest::addColumn<int>("how"); // 0: Esc, 1: the window's close button, 2: the Close button
        QTest::newRow("Esc") << 0;
        QTest::newRow("window close") << 1;
        QTest::newRow("Close button") << 2;
    }
    void closingWhileTestingKillsTheConsumer()
    {
        QFETCH(int, how);
        const auto d = dialog(SetupTarget::Java);
        QVERIFY(d);
        QTest::keyClicks(d->pinEdit(), QStringLiteral("1234"));
        QTest::mouseClick(d->testButton(), Qt::LeftButton);
        QVERIFY(d->proof()->isRunning());
        const qint64 pid = d->proof()->processId();
        QVERIFY(pid > 0);
        QCOMPARE(::kill(pid_t(pid), 0), 0); // keytool (a JVM) runs for a while
        QSignalSpy finished(d->proof(), &ConsumerProof::finished);
        if (how == 0) {
            QTest::keyClick(d->pinEdit(), Qt::Key_Escape);
        } else if (how == 1) {
            QVERIFY(d->close());
        } else {
            auto *box = d->findChild<QDialogButtonBox *>();
            QVERIFY(box && box->button(QDialogButtonBox::Close));
            QTest::mouseClick(box->button(QDialogButtonBox::Close), Qt::LeftButton);
        }
        QVERIFY(!d->isVisible());
        QCOMPARE(d->result(), int(QDialog::Rejected));
        QCOMPARE(finished.size(), 1);
        QVERIFY(finished.first().first().value<ProofResult>().canceled);
        QVERIFY(!d->proof()->isRunning());
        // Killed, and reaped once Qt sees it end (cancel does not block the GUI thread).
        QTRY_VERIFY_WITH_TIMEOUT(::kill(pid_t(pid), 0) == -1 && errno == ESRCH, 10000);
    }

    void checkWorkstationShowsWhatTheCommandLineFinds()
    {
        // A p11-kit module file naming a library that is gone: one finding, as --check-workstation says.
        const QString modules = m_paths.configHome + QStringLiteral("/pkcs11/modules");
        QVERIFY(QDir().mkpath(modules));
        const QString file = modules + QStringLiteral("/gone.module");
        CommandTestBench::writeFile(file, "# a module that was uninstalled\nmodule: /nonexistent/libgone.so\n");
        CheckWorkstationDialog d(m_bench.inventory(), m_paths);
        QSignalSpy checked(&d, &CheckWorkstationDialog::checked);
        d.show();
        QTRY_VERIFY_WITH_TIMEOUT(!d.isChecking(), 60000);
        QByteArray json;
        QCOMPARE(cli({QStringLiteral("--check-workstation"), QStringLiteral("--json")}, &json), 1);
        const QJsonArray cliFindings = QJsonDocument::fromJson(json).object().value(QStringLiteral("findings")).toArray();
        QCOMPARE(d.findings().size(), cliFindings.size());
        for (qsizetype i = 0; i < cliFindings.size(); ++i) {
            const QJsonObject c = cliFindings[i].toObject();
            QCOMPARE(d.findings()[i].file, c.value(QStringLiteral("file")).toString());
            QCOMPARE(d.findings()[i].line, c.value(QStringLiteral("line")).toInt());
            QCOMPARE(d.findings()[i].problem, c.value(QStringLiteral("problem")).toString());
        }
        const auto found = std::find_if(d.findings().begin(), d.findings().end(), [&](const Finding &f) { return f.file == file; });
        QVERIFY(found != d.findings().end());
        QCOMPARE(found->line, 2);
        const QString shown = d.view()->toPlainText();
        QVERIFY2(shown.contains(file + QStringLiteral(", line 2")), qPrintable(shown));
        QVERIFY2(shown.contains(found->problem) && shown.contains(found->fix), qPrintable(shown));
        // Fixed, then checked again: the finding is gone.
        QVERIFY(QFile::remove(file));
        checked.clear();
        QTest::mouseClick(d.recheckButton(), Qt::LeftButton);
        QVERIFY(checked.size() == 1 || checked.wait(60000));
        QVERIFY(std::none_of(d.findings().begin(), d.findings().end(), [&](const Finding &f) { return f.file == file; }));
        QVERIFY(!d.view()->toPlainText().contains(file));
    }
};

QTEST_MAIN(TestUseKeyDialog)
#include "test_usekeydialog.moc"
