// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 10: the GUI event loop is never blocked for more than 50 ms while a long
// operation runs. Each case starts a real operation the way the user does (the
// dialog's button), measures the GUI thread with GuiStallProbe until the operation
// has ended, and prints the figures: an RSA-4096 key generation, a PKCS#12 import
// with a slow password derivation, opening a DKEK share file (10,000,000 key
// derivation rounds), and a refresh of the main window while the module sleeps in
// every C_FindObjects (a slow vendor module).
//
// SoftHSM is loaded only through the fault module (tests/lifecycle/faultp11.cpp), so
// the slow case can make the same token slow without a second copy of SoftHSM.
#include "commandtestbench.h"
#include "guistallprobe.h"

#include "commands/pkcs12importdialog.h"
#include "mainwindow.h"
#include "models/tokentreemodel.h"
#include "widgets/secretedit.h"
#include "wizards/dkek/checkdkeksharesdialog.h"
#include "wizards/keygen/keygenparamspage.h"
#include "wizards/keygen/keygenrunpage.h"
#include "wizards/keygen/keygenwizard.h"

#include <QAbstractButton>
#include <QComboBox>
#include <QElapsedTimer>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

namespace {
const QString kToken = QStringLiteral("Stall");

void report(const char *what, const GuiStallProbe &probe)
{
    qInfo("%s: %s", what, qPrintable(probe.summary()));
}
} // namespace

class TestGuiStallOperations : public QObject {
    Q_OBJECT
    CommandTestBench m_bench{QStringLiteral(TOKENDESK_FAULT_MODULE)};
    TokenRef m_ref;

private Q_SLOTS:
    void initTestCase()
    {
        qunsetenv("TOKENDESK_FAULT_ACTIONS");
        m_bench.initToken(kToken);
        m_ref = m_bench.open(kToken);
        QVERIFY(!m_ref.id.serial.isEmpty());
    }

    void rsa4096KeyGeneration()
    {
        // The token as a scan lists it (with its mechanisms), as the window hands it over.
        const ModuleSnapshot scan = CommandTestBench::await(
            m_bench.inventory().scan(ModuleSpec{m_ref.modulePath, QStringLiteral("stall"), false}));
        TokenSnapshot snapshot;
        for (const SlotSnapshot &s : scan.slots)
            if (s.token && s.token->label == kToken)
                snapshot = *s.token;
        KeyGenWizard w(m_bench.inventory(), m_ref, snapshot, {});
        w.show();
        KeyGenParamsPage *p = w.paramsPage();
        const int rsa4096 = p->algorithmBox()->findData(QStringLiteral("rsa-4096"));
        QVERIFY2(rsa4096 >= 0, "RSA-4096 is offered for SoftHSM");
        p->algorithmBox()->setCurrentIndex(rsa4096);
        QTest::keyClicks(p->labelEdit(), QStringLiteral("stall rsa4096"));
        QVERIFY2(w.button(QWizard::CommitButton)->isEnabled(), qPrintable(p->validationMessage()));

        QSignalSpy ended(&w, &KeyGenWizard::tokenChanged);
        GuiStallProbe probe;
        probe.start();
        QTest::mouseClick(w.button(QWizard::CommitButton), Qt::LeftButton);
        QVERIFY(ended.wait(300000));
        probe.stop();
        report("RSA-4096 key generation", probe);
        QVERIFY2(w.runPage()->succeeded(), qPrintable(w.runPage()->statusText()));
        // The key is on the token, seen by pkcs11-tool (the operation really ran).
        const QList<ToolEntry> objects = m_bench.toolObjects(kToken);
        QVERIFY(CommandTestBench::findTool(objects, QStringLiteral("Private Key Object; RSA"), QStringLiteral("stall rsa4096")));
        QVERIFY2(probe.withinLimit(), qPrintable(probe.summary()));
    }

    void pkcs12Import()
    {
        // A file with a slow key derivation (2,000,000 PBKDF2 rounds, as some
        // enterprise exports use) and an RSA-4096 key: the password check and the
        // decoding run on a worker.
        const QString key = m_bench.path(QStringLiteral("stall.key"));
        const QString crt = m_bench.path(QStringLiteral("stall.crt"));
        const QString p12 = m_bench.path(QStringLiteral("stall.p12"));
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("rsa:4096"),
                                   QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-subj"),
                                   QStringLiteral("/CN=stall p12"), QStringLiteral("-days"), QStringLiteral("30"),
                                   QStringLiteral("-out"), crt});
        CommandTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                                   QStringLiteral("-in"), crt, QStringLiteral("-name"), QStringLiteral("stall p12"),
                                   QStringLiteral("-iter"), QStringLiteral("2000000"), QStringLiteral("-maciter"),
                                   QStringLiteral("-passout"), QStringLiteral("pass:s3cret"), QStringLiteral("-out"), p12});

        Pkcs12ImportDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref), p12);
        d.show();
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("s3cret"));
        QSignalSpy finished(&d, &Pkcs12ImportDialog::jobFinished);
        GuiStallProbe probe;
        probe.start();
        QTest::mouseClick(d.importButton(), Qt::LeftButton);
        QVERIFY(finished.wait(300000));
        probe.stop();
        report("PKCS#12 import (RSA-4096, 2,000,000 rounds)", probe);
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        const QList<ToolEntry> objects = m_bench.toolObjects(kToken);
        QVERIFY(CommandTestBench::findTool(objects, QStringLiteral("Certificate Object"), QStringLiteral("stall p12")));
        QVERIFY2(probe.withinLimit(), qPrintable(probe.summary()));
    }

    void dkekShareDerivation()
    {
        CheckDkekSharesDialog d; // the real 10,000,000 rounds
        d.show();
        QSignalSpy opened(&d, &CheckDkekSharesDialog::shareOpened);
        std::vector<SecureBytes> pw;
        pw.push_back(SecureBytes::fromUtf8("TokenDesk vector one"));
        GuiStallProbe probe;
        probe.start();
        d.openShare(QStringLiteral(TOKENDESK_TEST_DATA "/dkek/share-password.pbe"), std::move(pw), false);
        QVERIFY(opened.wait(300000));
        probe.stop();
        report("DKEK share, 10,000,000 rounds", probe);
        QCOMPARE(d.shareCount(), 1);
        QVERIFY(probe.durationMs() > 500); // the derivation really ran
        QVERIFY2(probe.withinLimit(), qPrintable(probe.summary()));
    }

    void slowModuleRefresh()
    {
        // Fill the token a little, so the window has something to show.
        for (int i = 0; i < 3; ++i)
            m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                                  QStringLiteral("--id"), QStringLiteral("5%1").arg(i), QStringLiteral("--label"),
                                  QStringLiteral("slow %1").arg(i)});
        const ModuleSpec spec{m_ref.modulePath, QStringLiteral("slow"), false};
        MainWindow window(m_bench.inventory(), [spec] { return QList<ModuleSpec>{spec}; });
        window.show();
        QSignalSpy first(&window, &MainWindow::refreshFinished);
        window.refreshAll();
        QVERIFY(first.wait(60000));

        // Every C_FindObjects now takes a second, as a vendor module behind a slow reader does.
        qputenv("TOKENDESK_FAULT_ACTIONS", "C_FindObjects=sleep:1");
        QSignalSpy done(&window, &MainWindow::refreshFinished);
        GuiStallProbe probe;
        probe.start();
        window.refreshAll();
        const bool finished = done.wait(120000);
        probe.stop();
        qunsetenv("TOKENDESK_FAULT_ACTIONS");
        QVERIFY(finished);
        report("refresh with a module that sleeps 1 s in every C_FindObjects", probe);
        QVERIFY(probe.durationMs() >= 1000); // the module really was slow
        QVERIFY(!window.model()->match(window.model()->index(0, 0), Qt::DisplayRole, QStringLiteral("slow 2"), 1,
                                       Qt::MatchRecursive | Qt::MatchContains)
                     .isEmpty());
        QVERIFY2(probe.withinLimit(), qPrintable(probe.summary()));
    }
};

QTEST_MAIN(TestGuiStallOperations)
#include "test_guistall_operations.moc"
