// SPDX-License-Identifier: GPL-3.0-or-later
// Pkcs12ImportDialog with a PKCS#12 file made by openssl here: the wrong password
// leaves the token as it was, the right one pairs key and certificate by ID.
#include "commandtestbench.h"

#include "commands/pkcs12importdialog.h"
#include "widgets/secretedit.h"

#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>

namespace {
const QString kToken = QStringLiteral("P12");
}

class TestPkcs12ImportDialog : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;
    QString m_p12;

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("resident")});
        const QString key = m_bench.path(QStringLiteral("p12.key"));
        const QString crt = m_bench.path(QStringLiteral("p12.crt"));
        m_p12 = m_bench.path(QStringLiteral("bundle.p12"));
        CommandTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                                   QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), key,
                                   QStringLiteral("-subj"), QStringLiteral("/CN=p12 user/O=Elsewhere"), QStringLiteral("-days"),
                                   QStringLiteral("30"), QStringLiteral("-out"), crt});
        CommandTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                                   QStringLiteral("-in"), crt, QStringLiteral("-name"), QStringLiteral("p12 user"),
                                   QStringLiteral("-passout"), QStringLiteral("pass:s3cret"), QStringLiteral("-out"), m_p12});
        m_ref = m_bench.open(kToken);
    }

    void validation()
    {
        Pkcs12ImportDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref));
        d.show();
        QVERIFY(!d.importButton()->isEnabled()); // no file yet
        d.fileEdit()->setText(m_bench.path(QStringLiteral("missing.p12")));
        QVERIFY(!d.importButton()->isEnabled());
        d.fileEdit()->setText(m_p12);
        QVERIFY2(d.importButton()->isEnabled(), qPrintable(d.validationMessage()));
        d.idEdit()->setText(QStringLiteral("01")); // the resident key's
        QVERIFY(!d.importButton()->isEnabled());
        QVERIFY2(d.validationMessage().contains(QStringLiteral("already used")), qPrintable(d.validationMessage()));
        d.idEdit()->setText(QStringLiteral("abc"));
        QVERIFY(!d.importButton()->isEnabled());
        d.idEdit()->clear();
        QVERIFY(d.importButton()->isEnabled());
    }

    void wrongPasswordLeavesTokenUnchanged()
    {
        const int before = int(m_bench.toolObjects(kToken).size());
        Pkcs12ImportDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref), m_p12);
        d.show();
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("wrong"));
        QSignalSpy finished(&d, &Pkcs12ImportDialog::jobFinished);
        QSignalSpy changed(&d, &Pkcs12ImportDialog::tokenChanged);
        QTest::mouseClick(d.importButton(), Qt::LeftButton);
        QVERIFY(d.passwordEdit()->text().isEmpty()); // taken at once, not kept in the widget
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(d.errorText().contains(QStringLiteral("The password is wrong")), qPrintable(d.errorText()));
        QVERIFY2(d.errorText().contains(QStringLiteral("Nothing was written")), qPrintable(d.errorText()));
        QCOMPARE(changed.count(), 1); // every job end re-reads the token, a refused one too
        QCOMPARE(int(m_bench.toolObjects(kToken).size()), before);
        QVERIFY(d.importButton()->isEnabled()); // try again with the right one
    }

    void importsKeyAndCertificatePaired()
    {
        const QList<ToolEntry> before = m_bench.toolObjects(kToken);
        Pkcs12ImportDialog d(m_bench.inventory(), m_ref, m_bench.contents(m_ref), m_p12);
        d.show();
        QTest::keyClicks(d.passwordEdit(), QStringLiteral("s3cret"));
        QSignalSpy finished(&d, &Pkcs12ImportDialog::jobFinished);
        QSignalSpy changed(&d, &Pkcs12ImportDialog::tokenChanged);
        d.importButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(d.result().has_value());
        QCOMPARE(d.result()->label, QStringLiteral("p12 user"));
        QVERIFY2(d.statusText().contains(QStringLiteral("made outside the token")), qPrintable(d.statusText()));
        QVERIFY(!d.importButton()->isEnabled());

        // Private key, public key and certificate, all under one ID and label.
        const QList<ToolEntry> after = m_bench.toolObjects(kToken);
        QCOMPARE(after.size(), before.size() + 3);
        const ToolEntry *priv = CommandTestBench::findTool(after, QStringLiteral("Private Key Object"), QStringLiteral("p12 user"));
        const ToolEntry *pub = CommandTestBench::findTool(after, QStringLiteral("Public Key Object"), QStringLiteral("p12 user"));
        const ToolEntry *cert = CommandTestBench::findTool(after, QStringLiteral("Certificate Object"), QStringLiteral("p12 user"));
        QVERIFY(priv && pub && cert);
        QVERIFY(!priv->id.isEmpty());
        QCOMPARE(cert->id, priv->id);
        QCOMPARE(pub->id, priv->id);
        QCOMPARE(QString::fromLatin1(d.result()->id.toHex()), priv->id);
    }
};

QTEST_MAIN(TestPkcs12ImportDialog)
#include "test_pkcs12importdialog.moc"
