// SPDX-License-Identifier: GPL-3.0-or-later
// DeleteObjectsDialog on a SoftHSM token prepared with pkcs11-tool: the plan the
// confirmation lists is exactly what pkcs11-tool no longer sees afterwards.
#include "commandtestbench.h"

#include "commands/deleteobjectsdialog.h"

#include <QCheckBox>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSignalSpy>

namespace {
const QString kToken = QStringLiteral("Delete");
}

class TestDeleteObjects : public QObject {
    Q_OBJECT
    CommandTestBench m_bench;
    TokenRef m_ref;

    QStringList args(std::initializer_list<const char *> l)
    {
        QStringList out;
        for (const char *a : l)
            out << QString::fromLatin1(a);
        return out;
    }
    int idCount(const QList<ToolEntry> &objects, const QString &id)
    {
        return int(std::count_if(objects.begin(), objects.end(), [&](const ToolEntry &e) { return e.id == id; }));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_bench.initToken(kToken);
        // web (01): key pair + certificate; mail (02): key pair + certificate that stay;
        // the certificate of web also under ID 03 (a stray copy carrying web's key).
        m_bench.tool(kToken, args({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "01", "--label", "web"}));
        m_bench.tool(kToken, args({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "02", "--label", "mail"}));
        const QString webCert = m_bench.certificateFor(kToken, QStringLiteral("01"), QStringLiteral("web"));
        m_bench.tool(kToken, {QStringLiteral("--write-object"), webCert, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("web")});
        m_bench.tool(kToken, {QStringLiteral("--write-object"), webCert, QStringLiteral("--type"), QStringLiteral("cert"),
                              QStringLiteral("--id"), QStringLiteral("03"), QStringLiteral("--label"), QStringLiteral("web copy")});
        m_bench.tool(kToken, {QStringLiteral("--write-object"),
                              m_bench.certificateFor(kToken, QStringLiteral("02"), QStringLiteral("mail")),
                              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("02"),
                              QStringLiteral("--label"), QStringLiteral("mail")});
        m_ref = m_bench.open(kToken);
    }

    void confirmationIsDeliberate()
    {
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *key = CommandTestBench::find(c, CKO_PRIVATE_KEY, QStringLiteral("web"));
        QVERIFY(key);
        DeleteObjectsDialog d(m_bench.inventory(), m_ref, c, *key);
        d.show();
        QVERIFY(d.partnersBox()->isVisible());
        QVERIFY(!d.deleteButton()->isEnabled());
        QTest::keyClicks(d.confirmEdit(), QStringLiteral("delet"));
        QVERIFY(!d.deleteButton()->isEnabled());
        QTest::keyClicks(d.confirmEdit(), QStringLiteral("e"));
        QVERIFY(d.deleteButton()->isEnabled());
        d.confirmEdit()->setText(QStringLiteral("web"));
        QVERIFY(!d.deleteButton()->isEnabled());
        // Without partners only the key itself goes, and the button says so.
        d.partnersBox()->setChecked(false);
        QCOMPARE(d.plan().objects.size(), std::size_t(1));
        QCOMPARE(d.deleteButton()->text(), QStringLiteral("Delete 1 object"));
        QCOMPARE(d.objectList()->count(), 1);
        // A certificate has no partners to offer.
        const ObjectInfo *cert = CommandTestBench::find(c, CKO_CERTIFICATE, QStringLiteral("mail"));
        QVERIFY(cert);
        DeleteObjectsDialog certOnly(m_bench.inventory(), m_ref, c, *cert);
        certOnly.show();
        QVERIFY(!certOnly.partnersBox()->isVisible());
        QCOMPARE(certOnly.plan().objects.size(), std::size_t(1));
    }

    void deletesKeyWithPartners()
    {
        const QList<ToolEntry> before = m_bench.toolObjects(kToken);
        const TokenContents c = m_bench.contents(m_ref);
        QCOMPARE(int(c.objects.size()), before.size());
        const ObjectInfo *key = CommandTestBench::find(c, CKO_PRIVATE_KEY, QStringLiteral("web"));
        QVERIFY(key);
        DeleteObjectsDialog d(m_bench.inventory(), m_ref, c, *key);
        d.show();
        QVERIFY(d.partnersBox()->isChecked());
        // Key, public key, its certificate and the stray copy carrying its key (ID 03).
        QCOMPARE(d.plan().objects.size(), std::size_t(4));
        QCOMPARE(d.deleteButton()->text(), QStringLiteral("Delete 4 objects"));
        QStringList listed;
        for (int i = 0; i < d.objectList()->count(); ++i)
            listed << d.objectList()->item(i)->text();
        QVERIFY2(listed.contains(QStringLiteral("private key “web” (ID 01)")), qPrintable(listed.join(QLatin1Char('|'))));
        QVERIFY2(listed.contains(QStringLiteral("certificate “web copy” (ID 03)")), qPrintable(listed.join(QLatin1Char('|'))));
        QVERIFY(!listed.join(QLatin1Char('|')).contains(QStringLiteral("mail")));

        QSignalSpy changed(&d, &DeleteObjectsDialog::tokenChanged);
        QSignalSpy finished(&d, &DeleteObjectsDialog::jobFinished);
        QTest::keyClicks(d.confirmEdit(), QStringLiteral("delete"));
        QTest::mouseClick(d.deleteButton(), Qt::LeftButton);
        QVERIFY(d.isBusy());
        QVERIFY(finished.wait(30000));
        QVERIFY2(finished.at(0).at(0).toBool(), qPrintable(d.errorText()));
        QCOMPARE(changed.count(), 1);
        QVERIFY(!d.isVisible()); // closed after success; the tree shows the result

        // pkcs11-tool: exactly the listed objects are gone, the others stay.
        const QList<ToolEntry> after = m_bench.toolObjects(kToken);
        QCOMPARE(after.size(), before.size() - listed.size());
        QCOMPARE(idCount(after, QStringLiteral("01")), 0);
        QCOMPARE(idCount(after, QStringLiteral("03")), 0);
        QCOMPARE(idCount(after, QStringLiteral("02")), 3);
    }

    void staleListDeletesNothing()
    {
        // The dialog's list is older than the token: the key it names was deleted meanwhile.
        const TokenContents c = m_bench.contents(m_ref);
        const ObjectInfo *key = CommandTestBench::find(c, CKO_PRIVATE_KEY, QStringLiteral("mail"));
        QVERIFY(key);
        DeleteObjectsDialog d(m_bench.inventory(), m_ref, c, *key);
        m_bench.tool(kToken, {QStringLiteral("--delete-object"), QStringLiteral("--type"), QStringLiteral("privkey"),
                              QStringLiteral("--id"), QStringLiteral("02")});
        const int before = int(m_bench.toolObjects(kToken).size());
        QSignalSpy finished(&d, &DeleteObjectsDialog::jobFinished);
        d.show();
        d.confirmEdit()->setText(QStringLiteral("delete"));
        d.deleteButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(!finished.at(0).at(0).toBool());
        QVERIFY2(d.errorText().contains(QStringLiteral("nothing was deleted")), qPrintable(d.errorText()));
        QCOMPARE(int(m_bench.toolObjects(kToken).size()), before);
    }
};

QTEST_MAIN(TestDeleteObjects)
#include "test_deleteobjects.moc"
