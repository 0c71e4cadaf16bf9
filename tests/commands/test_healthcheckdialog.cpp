// SPDX-License-Identifier: GPL-3.0-or-later
// HealthCheckDialog on a token where pkcs11-tool wrote a key's certificate under
// another CKA_ID: the finding shows, the repair is confirmed and re-checked, and
// Java's keytool lists the key as a PrivateKeyEntry afterwards.
#include "commandtestbench.h"

#include "commands/healthcheckdialog.h"
#include "commands/healthfindingwidget.h"

#include <QPushButton>
#include <QSignalSpy>

namespace {
const QString kToken = QStringLiteral("Health");

const HealthFinding *find(const std::vector<HealthFinding> &all, HealthFinding::Kind kind)
{
    for (const HealthFinding &f : all)
        if (f.kind == kind)
            return &f;
    return nullptr;
}
} // namespace

class TestHealthCheckDialog : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("rsa:2048"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("web")});
        m_bench.tool(kToken, {QStringLiteral("--write-object"),
                              m_bench.certificateFor(kToken, QStringLiteral("01"), QStringLiteral("web")),
                              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("02"),
                              QStringLiteral("--label"), QStringLiteral("web cert")});
        m_ref = m_bench.open(kToken);
    }

    void idMismatchIsRepaired()
    {
        // Before: Java silently drops the key whose certificate has another ID.
        QVERIFY(!m_bench.keytoolPrivateKeyEntries(m_ref).contains(QStringLiteral("web")));

        HealthCheckDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref));
        d.show();
        const HealthFinding *mismatch = find(d.findings(), HealthFinding::Kind::CertificateIdMismatch);
        QVERIFY(mismatch);
        QVERIFY(mismatch->repairable);
        QVERIFY2(mismatch->sentence.contains(QStringLiteral("“web cert” (ID 02)")), qPrintable(mismatch->sentence));
        QVERIFY2(mismatch->sentence.contains(QStringLiteral("“web” (ID 01)")), qPrintable(mismatch->sentence));
        HealthFindingWidget *w = nullptr;
        for (HealthFindingWidget *candidate : d.findingWidgets())
            if (candidate->finding().kind == HealthFinding::Kind::CertificateIdMismatch)
                w = candidate;
        QVERIFY(w);
        QVERIFY(w->repairButton() && w->repairButton()->isVisible());

        // The Repair button first says what will happen; nothing is written yet.
        QTest::mouseClick(w->repairButton(), Qt::LeftButton);
        QVERIFY(w->confirmation()->isVisible());
        QVERIFY(!w->repairButton()->isVisible());
        QVERIFY(!m_bench.keytoolPrivateKeyEntries(m_ref).contains(QStringLiteral("web")));

        QSignalSpy finished(&d, &HealthCheckDialog::jobFinished);
        QSignalSpy changed(&d, &HealthCheckDialog::tokenChanged);
        QTest::mouseClick(w->confirmButton(), Qt::LeftButton);
        QVERIFY(d.isBusy());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        QCOMPARE(changed.count(), 1);
        // Re-read and re-checked: the finding is gone, and the dialog says so.
        QVERIFY(!find(d.findings(), HealthFinding::Kind::CertificateIdMismatch));
        QVERIFY2(d.statusText().contains(QStringLiteral("this problem is gone")), qPrintable(d.statusText()));
        QCOMPARE(int(d.findings().size()), 0);

        // The consumers: pkcs11-tool shows the certificate under the key's ID and label,
        // and Java lists the key as a PrivateKeyEntry.
        const QList<ToolEntry> listed = m_bench.toolObjects(kToken);
        const ToolEntry *cert = CommandTestBench::findTool(listed, QStringLiteral("Certificate Object"),
                                                           QStringLiteral("web"));
        QVERIFY(cert);
        QCOMPARE(cert->id, QStringLiteral("01"));
        const QStringList aliases = m_bench.keytoolPrivateKeyEntries(m_ref);
        QVERIFY2(aliases.contains(QStringLiteral("web")), qPrintable(aliases.join(QLatin1Char(','))));
    }

    void recheckReadsTheToken()
    {
        HealthCheckDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref));
        QCOMPARE(int(d.findings().size()), 0);
        // A second certificate for the key appears under another ID behind the dialog's back.
        m_bench.tool(kToken, {QStringLiteral("--write-object"), m_bench.path(QStringLiteral("Health-01.crt.der")),
                              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("03"),
                              QStringLiteral("--label"), QStringLiteral("stray")});
        QSignalSpy finished(&d, &HealthCheckDialog::jobFinished);
        d.recheckButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(find(d.findings(), HealthFinding::Kind::CertificateIdMismatch));
        QCOMPARE(d.findingWidgets().size(), int(d.findings().size()));
    }
};

QTEST_MAIN(TestHealthCheckDialog)
#include "test_healthcheckdialog.moc"
