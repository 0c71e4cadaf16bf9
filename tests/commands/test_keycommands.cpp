// SPDX-License-Identifier: GPL-3.0-or-later
// RenameKeyDialog, ExportObjectCommand and SelfSignedCertificateDialog on a SoftHSM
// token filled by pkcs11-tool; pkcs11-tool and openssl are the oracles.
#include "commandtestbench.h"

#include "commands/exportobjectcommand.h"
#include "commands/renamekeydialog.h"
#include "commands/selfsignedcertificatedialog.h"
#include "widgets/secretedit.h"

#include <QFileDialog>
#include <QLineEdit>
#include <QListWidget>
#include <QPointer>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>

namespace {
const QString kToken = QStringLiteral("Keys");

QStringList args(std::initializer_list<const char *> l)
{
    QStringList out;
    for (const char *a : l)
        out << QString::fromLatin1(a);
    return out;
}
} // namespace

class TestKeyCommands : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;

    const ObjectInfo *key(const TokenContents &c, const QString &label)
    {
        return CommandTestBench::find(c, CKO_PRIVATE_KEY, label);
    }
    // The certificate pkcs11-tool reads back, as PEM (openssl x509 converts it).
    QByteArray toolCertificatePem(const QString &idHex)
    {
        const QString der = m_bench.path(QStringLiteral("tool-%1.der").arg(idHex));
        const QString pem = m_bench.path(QStringLiteral("tool-%1.pem").arg(idHex));
        m_bench.tool(kToken, {QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), idHex, QStringLiteral("-o"), der});
        CommandTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                   QStringLiteral("-in"), der, QStringLiteral("-out"), pem});
        return CommandTestBench::readFile(pem);
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        m_bench.tool(kToken, args({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "11", "--label", "old name"}));
        m_bench.tool(kToken, {QStringLiteral("--write-object"),
                              m_bench.certificateFor(kToken, QStringLiteral("11"), QStringLiteral("old name")),
                              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("11"),
                              QStringLiteral("--label"), QStringLiteral("old name")});
        m_bench.tool(kToken, args({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "21", "--label", "neighbour"}));
        m_bench.tool(kToken, args({"--keypairgen", "--key-type", "rsa:2048", "--id", "31", "--label", "self"}));
        m_bench.tool(kToken, args({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "41", "--label", "careful",
                                   "--always-auth"}));
        m_ref = m_bench.open(kToken);
    }

    void renameChangesKeyAndCertificateTogether()
    {
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *cert = CommandTestBench::find(c, CKO_CERTIFICATE, QStringLiteral("old name"));
        QVERIFY(cert);
        // Opened from the certificate: the pair is found by its ID.
        RenameKeyDialog d(m_bench.inventory(), m_ref, c, *cert);
        d.show();
        QCOMPARE(d.labelEdit()->text(), QStringLiteral("old name"));
        QCOMPARE(d.idEdit()->text(), QStringLiteral("11"));
        QVERIFY(!d.renameButton()->isEnabled()); // nothing changed yet
        QVERIFY(!d.validationMessage().isEmpty());

        // The neighbour's ID is refused inline.
        d.idEdit()->setText(QStringLiteral("21"));
        QVERIFY(!d.renameButton()->isEnabled());
        QVERIFY2(d.validationMessage().contains(QStringLiteral("21")), qPrintable(d.validationMessage()));
        d.idEdit()->setText(QStringLiteral("4x"));
        QVERIFY(!d.renameButton()->isEnabled());

        d.labelEdit()->setText(QStringLiteral("new name"));
        d.idEdit()->setText(QStringLiteral("4242"));
        QVERIFY2(d.renameButton()->isEnabled(), qPrintable(d.validationMessage()));
        QCOMPARE(d.planList()->count(), 3); // private key, public key, certificate
        for (int i = 0; i < 3; ++i)
            QVERIFY2(d.planList()->item(i)->text().contains(QStringLiteral("→ label “new name”, ID 4242")),
                     qPrintable(d.planList()->item(i)->text()));

        QSignalSpy finished(&d, &RenameKeyDialog::jobFinished);
        QSignalSpy changed(&d, &RenameKeyDialog::tokenChanged);
        QTest::mouseClick(d.renameButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        QCOMPARE(changed.count(), 1);

        const QList<ToolEntry> objects = m_bench.toolObjects(kToken);
        for (const char *header : {"Private Key Object", "Public Key Object", "Certificate Object"}) {
            const ToolEntry *e = CommandTestBench::findTool(objects, QString::fromLatin1(header), QStringLiteral("new name"));
            QVERIFY2(e, header);
            QCOMPARE(e->id, QStringLiteral("4242"));
        }
        for (const ToolEntry &e : objects) {
            QVERIFY2(e.id != QLatin1String("11"), qPrintable(e.header));
            QVERIFY2(e.label != QLatin1String("old name"), qPrintable(e.header));
        }
    }

    void exportCertificateMatchesPkcs11Tool()
    {
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *cert = CommandTestBench::find(c, CKO_CERTIFICATE, QStringLiteral("new name"));
        QVERIFY(cert);
        // Through the save dialog, as the user does it.
        QPointer<ExportObjectCommand> cmd = new ExportObjectCommand(c, *cert, ExportObjectCommand::What::CertificatePem);
        QCOMPARE(cmd->suggestedFileName(), QStringLiteral("new name.pem"));
        QSignalSpy exported(cmd.data(), &ExportObjectCommand::exported);
        cmd->start();
        QFileDialog *dialog = cmd->fileDialog();
        QVERIFY(dialog);
        QVERIFY(dialog->isVisible());
        const QString pemPath = m_bench.path(QStringLiteral("exported.pem"));
        dialog->selectFile(pemPath);
        static_cast<QDialog *>(dialog)->accept(); // what the Save button does
        QCOMPARE(exported.count(), 1);
        QCOMPARE(exported.at(0).at(0).toString(), pemPath);
        QTRY_VERIFY(cmd.isNull()); // the command deletes itself when done
        QCOMPARE(CommandTestBench::readFile(pemPath), toolCertificatePem(QStringLiteral("4242")));

        // DER: the bytes pkcs11-tool reads.
        ExportObjectCommand der(c, *cert, ExportObjectCommand::What::CertificateDer);
        const QString derPath = m_bench.path(QStringLiteral("exported.der"));
        QCOMPARE(der.exportTo(derPath), QString());
        QCOMPARE(CommandTestBench::readFile(derPath), CommandTestBench::readFile(m_bench.path(QStringLiteral("tool-4242.der"))));
    }

    void exportPublicKey()
    {
        const TokenContents c = m_bench.contents(m_ref);
        // An EC private key carries no point: the public half comes from its public-key object.
        const ObjectInfo *priv = key(c, QStringLiteral("neighbour"));
        QVERIFY(priv);
        ExportObjectCommand cmd(c, *priv, ExportObjectCommand::What::PublicKeyPem);
        QCOMPARE(cmd.suggestedFileName(), QStringLiteral("neighbour.pub.pem"));
        const QString path = m_bench.path(QStringLiteral("neighbour.pub.pem"));
        QCOMPARE(cmd.exportTo(path), QString());
        const QString toolDer = m_bench.path(QStringLiteral("neighbour.pub.der"));
        m_bench.tool(kToken, {QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"),
                              QStringLiteral("--id"), QStringLiteral("21"), QStringLiteral("-o"), toolDer});
        const QByteArray expected = CommandTestBench::openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"),
                                                               QStringLiteral("-inform"), QStringLiteral("DER"),
                                                               QStringLiteral("-in"), toolDer});
        QCOMPARE(CommandTestBench::readFile(path), expected);

        // A certificate export of a key is refused with a sentence, and nothing is written.
        ExportObjectCommand wrong(c, *priv, ExportObjectCommand::What::CertificatePem);
        const QString nothing = m_bench.path(QStringLiteral("nothing.pem"));
        QVERIFY(!wrong.exportTo(nothing).isEmpty());
        QVERIFY(!QFile::exists(nothing));
    }

    void selfSignedCertificateVerifies()
    {
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *priv = key(c, QStringLiteral("self"));
        QVERIFY(priv);
        SelfSignedCertificateDialog d(m_bench.inventory(), m_ref, c, *priv);
        d.show();
        QVERIFY(!d.contextPinEdit()->isVisible()); // an ordinary key: no PIN per signature
        QCOMPARE(d.field(QStringLiteral("CN"))->text(), QStringLiteral("self"));
        d.field(QStringLiteral("CN"))->setText(QStringLiteral("Self Test"));
        d.field(QStringLiteral("O"))->setText(QStringLiteral("TokenDesk"));
        d.field(QStringLiteral("C"))->setText(QStringLiteral("G"));
        QVERIFY(!d.createButton()->isEnabled());
        QVERIFY(!d.validationMessage().isEmpty());
        d.field(QStringLiteral("C"))->setText(QStringLiteral("GB"));
        d.daysBox()->setValue(30);
        QVERIFY2(d.createButton()->isEnabled(), qPrintable(d.validationMessage()));

        const int before = int(m_bench.toolObjects(kToken).size());
        QSignalSpy finished(&d, &SelfSignedCertificateDialog::jobFinished);
        QTest::mouseClick(d.createButton(), Qt::LeftButton);
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        QVERIFY(d.result().has_value());
        QCOMPARE(d.result()->info.subject, QStringLiteral("CN=Self Test,O=TokenDesk,C=GB"));
        QVERIFY(!d.createButton()->isEnabled()); // one certificate per click
        // The 30 days asked for, from an hour back (clock skew).
        QVERIFY(qAbs(d.result()->info.notBefore.secsTo(d.result()->info.notAfter) - (30 * 86400 + 3600)) < 5);

        // Stored under the key's ID and label; openssl verifies it against itself.
        const QList<ToolEntry> objects = m_bench.toolObjects(kToken);
        QCOMPARE(int(objects.size()), before + 1);
        const ToolEntry *cert = CommandTestBench::findTool(objects, QStringLiteral("Certificate Object"), QStringLiteral("self"));
        QVERIFY(cert);
        QCOMPARE(cert->id, QStringLiteral("31"));
        toolCertificatePem(QStringLiteral("31"));
        const QString pem = m_bench.path(QStringLiteral("tool-31.pem"));
        const QByteArray verify = CommandTestBench::openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), pem, pem});
        QVERIFY2(verify.contains(": OK"), verify.constData());
        const QByteArray text = CommandTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), pem,
                                                           QStringLiteral("-noout"), QStringLiteral("-subject")});
        QVERIFY2(text.contains("subject=C = GB, O = TokenDesk, CN = Self Test"), text.constData());
    }

    void alwaysAuthenticateKeyAsksForThePin()
    {
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *priv = key(c, QStringLiteral("careful"));
        QVERIFY(priv);
        SelfSignedCertificateDialog d(m_bench.inventory(), m_ref, c, *priv);
        d.show();
        QVERIFY(d.contextPinEdit()->isVisible());
        const int before = int(m_bench.toolObjects(kToken).size());

        // No PIN given: the sentence asks for it, nothing is written.
        QSignalSpy finished(&d, &SelfSignedCertificateDialog::jobFinished);
        d.createButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(d.errorText().contains(QStringLiteral("asks for the PIN again")), qPrintable(d.errorText()));
        QCOMPARE(int(m_bench.toolObjects(kToken).size()), before);

        // With the PIN for this one signature; the field is emptied as soon as it is taken.
        QTest::keyClicks(d.contextPinEdit(), CommandTestBench::pin());
        d.createButton()->click();
        QVERIFY(d.contextPinEdit()->text().isEmpty());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(1).at(0).toBool(), qPrintable(d.errorText()));
        const QList<ToolEntry> listed = m_bench.toolObjects(kToken);
        const ToolEntry *cert = CommandTestBench::findTool(listed, QStringLiteral("Certificate Object"),
                                                           QStringLiteral("careful"));
        QVERIFY(cert);
        QCOMPARE(cert->id, QStringLiteral("41"));
    }
};

QTEST_MAIN(TestKeyCommands)
#include "test_keycommands.moc"
