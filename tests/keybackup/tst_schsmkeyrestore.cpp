// SPDX-License-Identifier: GPL-3.0-or-later
// What Restore key… decides before anything goes to a device (issue 13), without a device:
// the DKEK sentences, the key's description from the backup, the free key reference and the
// objects with a CKA_ID. The vectors in tests/data/schsm (made by sc-hsm-tool) and their public
// keys (as the device returned them) are the data; the card-side path is test_schsm_restoredialog.
#include "schsm/keybackupfile.h"
#include "schsm/schsmkeyrestore.h"
#include "x509/publickey.h"

#include <QFile>
#include <QTest>

namespace {
const QString kVectors = QStringLiteral(TOKENDESK_TEST_DATA "/schsm/");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

DkekState dkek(int total, int outstanding, const QByteArray &kcvHex)
{
    DkekState s;
    s.known = true;
    s.total = total;
    s.outstanding = outstanding;
    s.kcv = QByteArray::fromHex(kcvHex);
    return s;
}
} // namespace

class TestSchsmKeyRestore : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // The algorithm shown per file is the one of the public key the device returned for it.
    void keyTextIsTheVectorsKey_data()
    {
        QTest::addColumn<QString>("stem");
        QTest::newRow("EC with X.509 certificate") << QStringLiteral("ec1");
        QTest::newRow("RSA with CV request") << QStringLiteral("rsa1");
    }
    void keyTextIsTheVectorsKey()
    {
        QFETCH(QString, stem);
        const KeyBackupFile file = KeyBackupFile::read(kVectors + stem + QStringLiteral(".wrap"));
        const PublicKey expected = PublicKey::fromSubjectPublicKeyInfo(readFile(kVectors + stem + QStringLiteral(".pub.der")));
        QVERIFY(!expected.isNull());
        QCOMPARE(SchsmKeyRestore::keyText(file), expected.description());
    }

    void dkekSentences()
    {
        const KeyBackupFile file = KeyBackupFile::read(kVectors + QStringLiteral("ec1.wrap"));
        QCOMPARE(SchsmKeyRestore::dkekRefusal(file, dkek(1, 0, "1869AACFBA17D873")), QString());
        const QString other = SchsmKeyRestore::dkekRefusal(file, dkek(2, 0, "0011223344556677"));
        QVERIFY2(other.contains(QStringLiteral("check value 1869AACFBA17D873"))
                     && other.contains(QStringLiteral("check value 0011223344556677")),
                 qPrintable(other));
        QVERIFY(SchsmKeyRestore::dkekRefusal(file, dkek(0, 0, "")).startsWith(QStringLiteral("The device has no DKEK")));
        QVERIFY(SchsmKeyRestore::dkekRefusal(file, DkekState()).startsWith(QStringLiteral("The device has no DKEK")));
        QVERIFY(SchsmKeyRestore::dkekRefusal(file, dkek(2, 1, "1869AACFBA17D873"))
                    .startsWith(QStringLiteral("The device's DKEK is not complete")));
    }

    // A reference is free when no key, key description or certificate file uses it; a CA
    // certificate's files (C8xx/CAxx) do not take a key reference.
    void freeKeyReference()
    {
        SchsmRestoreView view;
        view.fids = {0xCC00, 0xCC01, 0xC401, 0xCE02, 0xC403, 0xC804, 0xCA04};
        QCOMPARE(view.freeKeyReference(), 4);
        for (int r = 1; r <= 255; ++r)
            view.fids << quint16(0xCC00 | r);
        QCOMPARE(view.freeKeyReference(), -1);
    }

    void objectsWithId()
    {
        SchsmRestoreView view;
        SchsmDeviceObject key;
        key.reference = 2;
        key.id = QByteArray::fromHex("51");
        key.label = QStringLiteral("mail");
        key.certificate = KeyBackupFile::Certificate::X509;
        key.certificateSubject = QStringLiteral("CN=Mail");
        SchsmDeviceObject cert;
        cert.kind = SchsmDeviceObject::Kind::Certificate;
        cert.id = QByteArray::fromHex("51");
        SchsmDeviceObject other = key;
        other.id = QByteArray::fromHex("52");
        view.objects = {key, cert, other};
        QCOMPARE(view.withId(QByteArray::fromHex("51")).size(), std::size_t(2));
        QCOMPARE(view.withId(QByteArray::fromHex("53")).size(), std::size_t(0));
        QCOMPARE(key.name(), QStringLiteral("mail"));
        QCOMPARE(cert.name(), QStringLiteral("51")); // no label: the CKA_ID is what the user types
        QCOMPARE(key.text(), QStringLiteral("the key “mail” (CKA_ID 51, key reference 2) and its X.509 certificate “CN=Mail”"));
    }
};

QTEST_GUILESS_MAIN(TestSchsmKeyRestore)
#include "tst_schsmkeyrestore.moc"
