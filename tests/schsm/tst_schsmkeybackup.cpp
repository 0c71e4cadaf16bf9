// SPDX-License-Identifier: GPL-3.0-or-later
// Backing up a SmartCard-HSM key by its CKA_ID (issue 13) on the emulated card behind a
// real pcscd (run through with_card.sh). pkcs11-tool makes the keys through OpenSC, with
// other keys present so the key reference is not 1; TokenDesk's file is then checked by
// sc-hsm-tool (the same description and certificate parts as its own --wrap-key, and
// --unwrap-key into a freshly initialized device with the same DKEK share, where
// pkcs11-tool shows the original public key), by `tokendesk --check-backup` and by
// tests/keybackup/unwrap_blob.py. Then the refusals: wrong PIN then right PIN, unknown
// CKA_ID, no DKEK, DKEK incomplete.
#include "schsmtestsupport.h"
#include "dkek/keycheckvalue.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"

#include <QCryptographicHash>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>

using namespace SchsmTest;

namespace {
const char *const kPinBytes = "648219"; // test value: sc-hsm-tool and pkcs11-tool take it on argv only
const QString kPin = QString::fromLatin1(kPinBytes);
const QString kSoPin = QStringLiteral("3537363231383830");
// tests/data/dkek/README: fixed-10m.pbe's share, password and check value. One share: the DKEK is the share.
const QString kFixedShare = QStringLiteral(TOKENDESK_TEST_DATA "/dkek/fixed-10m.pbe");
const QByteArray kFixedPassword = QByteArrayLiteral("TokenDesk fixed vector \xc3\xa9t\xc3\xa9 10M");
const QByteArray kFixedDkekHex = QByteArrayLiteral("000102030405060708090a0b0c0d0e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");
const QByteArray kFixedKcv = QByteArray::fromHex("9A4D08FFA4D2F9C5");
const QString kVectorShare = QStringLiteral(TOKENDESK_TEST_DATA "/dkek/share-password.pbe");
const QByteArray kVectorPassword = QByteArrayLiteral("TokenDesk vector one");

QByteArray readFile(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

bool writeFile(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

// The bytes after the key blob in a backup file: the description and the certificate,
// found by the file's own DER lengths (a SEQUENCE, then the OCTET STRING).
QByteArray afterBlob(const QByteArray &file)
{
    auto header = [&](qsizetype at, qsizetype *length) -> qsizetype {
        if (at + 2 > file.size())
            return -1;
        const int first = quint8(file.at(at + 1));
        if (first < 0x80) {
            *length = first;
            return 2;
        }
        const int n = first & 0x7F;
        if (n < 1 || n > 3 || at + 2 + n > file.size())
            return -1;
        qsizetype v = 0;
        for (int i = 0; i < n; ++i)
            v = (v << 8) | quint8(file.at(at + 2 + i));
        *length = v;
        return 2 + n;
    };
    qsizetype outerLength = 0, blobLength = 0;
    const qsizetype outer = header(0, &outerLength);
    if (outer < 0 || file.at(0) != 0x30 || outer + outerLength != file.size() || file.at(outer) != 0x04)
        return {};
    const qsizetype blob = header(outer, &blobLength);
    if (blob < 0 || outer + blob + blobLength > file.size())
        return {};
    return file.mid(outer + blob + blobLength);
}

template <typename T>
T waitFor(QFuture<T> f)
{
    if (!QTest::qWaitFor([&] { return f.isFinished(); }, 120000))
        qFatal("the job did not finish");
    return f.result();
}

// The SchsmError the future carries; its code and status word.
QString failureOf(QFuture<SchsmKeyBackup> f, SchsmError::Code *code, quint16 *sw = nullptr)
{
    try {
        waitFor(f);
    } catch (const SchsmError &e) {
        *code = e.code();
        if (sw)
            *sw = e.sw();
        return e.message();
    }
    return {};
}
} // namespace

class TestSchsmKeyBackup : public QObject {
    Q_OBJECT
private:
    QString m_reader;
    QTemporaryDir m_dir;
    SchsmJobs m_jobs;
    std::map<QByteArray, int> m_references;   // CKA_ID (hex) → key reference, from the card's state
    std::map<QByteArray, QString> m_backups;  // CKA_ID (hex) → TokenDesk's backup file

    void initialize(int shares)
    {
        QCOMPARE(control(QStringLiteral("factory")), QStringLiteral("ok"));
        const ToolRun r = initializeWithScHsmTool(kSoPin, kPin, shares, QStringLiteral("backup"));
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
    }
    void importShare(const QString &file, const QByteArray &password)
    {
        const ToolRun r = importShareWithScHsmTool(file, password);
        QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("DKEK share imported")), qPrintable(r.out));
    }
    // pkcs11-tool generates the key through OpenSC; its key reference is the one the card added.
    void generate(const QString &keyType, const QByteArray &idHex, int *reference)
    {
        const std::set<int> before = cardKeys();
        const ToolRun r = generateThroughOpenSc(keyType, idHex, QStringLiteral("key ") + QString::fromLatin1(idHex), kPin);
        QVERIFY2(r.exitCode == 0, qPrintable(r.out));
        std::set<int> added;
        for (int k : cardKeys())
            if (!before.count(k))
                added.insert(k);
        QCOMPARE(added.size(), std::size_t(1));
        *reference = *added.begin();
    }
    QByteArray publicKey(const QByteArray &idHex, const QString &tag)
    {
        return publicKeyThroughOpenSc(
            idHex, m_dir.filePath(tag + QStringLiteral("-") + QString::fromLatin1(idHex) + QStringLiteral(".der")));
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_reader = QString::fromUtf8(qgetenv("SCHSM_READER"));
        QVERIFY2(!m_reader.isEmpty() && !qEnvironmentVariableIsEmpty("SCHSM_CONTROL"),
                 "run this test through tests/schsm/with_card.sh");
        QVERIFY(m_dir.isValid());
        initialize(1);
        importShare(kFixedShare, kFixedPassword);
        // Other keys before and between, so the reference TokenDesk finds is not simply 1.
        int other = 0;
        generate(QStringLiteral("EC:prime256v1"), "10", &other);
        generate(QStringLiteral("EC:prime256v1"), "51", &m_references["51"]);
        generate(QStringLiteral("rsa:2048"), "20", &other);
        generate(QStringLiteral("rsa:2048"), "53", &m_references["53"]);
        QVERIFY(m_references["51"] != 1 && m_references["53"] != 1);
    }

    void backUpByCkaId_data()
    {
        QTest::addColumn<QByteArray>("idHex");
        QTest::addColumn<QString>("algorithm");
        QTest::newRow("EC P-256") << QByteArray("51") << QStringLiteral("EC");
        QTest::newRow("RSA-2048") << QByteArray("53") << QStringLiteral("RSA");
    }
    void backUpByCkaId()
    {
        QFETCH(QByteArray, idHex);
        QFETCH(QString, algorithm);
        const QByteArray before = publicKey(idHex, QStringLiteral("before"));
        QVERIFY(!before.isEmpty());
        const int reference = m_references.at(idHex);

        const SchsmKeyBackup backup =
            waitFor(m_jobs.backUpKey(m_reader, QByteArray::fromHex(idHex), SecureBytes::fromUtf8(kPinBytes)));
        QCOMPARE(backup.keyReference, reference);
        QCOMPARE(backup.ckaId, QByteArray::fromHex(idHex));
        QCOMPARE(backup.label, QStringLiteral("key ") + QString::fromLatin1(idHex));
        QCOMPARE(backup.dkekKcv, kFixedKcv);
        QCOMPARE(backup.kind, algorithm == QLatin1String("EC") ? PrivateKeyDescription::Kind::Ec
                                                               : PrivateKeyDescription::Kind::Rsa);
        // The device made a CV request for the generated key (EF CExx): it comes along.
        QCOMPARE(backup.certificate, KeyBackupFile::Certificate::CvRequest);
        const QString path = m_dir.filePath(QStringLiteral("tokendesk-") + QString::fromLatin1(idHex) + QStringLiteral(".wrap"));
        QVERIFY(writeFile(path, backup.file));
        m_backups[idHex] = path;

        // sc-hsm-tool's own backup of that reference: the same description and certificate
        // (the blobs differ: each wrap encrypts with fresh random bytes).
        const QString theirs = m_dir.filePath(QStringLiteral("sc-hsm-tool-") + QString::fromLatin1(idHex) + QStringLiteral(".wrap"));
        const ToolRun wrap = scHsmTool({QStringLiteral("--wrap-key"), theirs, QStringLiteral("--key-reference"),
                                        QString::number(reference), QStringLiteral("--pin"), kPin});
        QVERIFY2(wrap.exitCode == 0, qPrintable(wrap.out));
        const QByteArray tail = afterBlob(readFile(theirs));
        QVERIFY(!tail.isEmpty());
        QCOMPARE(afterBlob(backup.file).toHex(), tail.toHex());
        QVERIFY(backup.file != readFile(theirs));

        // A second reader of the format opens the blob with the DKEK and finds the public key.
        const ToolRun opened = runTool(QStringLiteral("/usr/bin/python3"), {QStringLiteral(UNWRAP_BLOB_PY), path}, kFixedDkekHex);
        QVERIFY2(opened.exitCode == 0, qPrintable(opened.out));
        QCOMPARE(opened.out.trimmed().toLatin1(), before.toHex());

        // tokendesk --check-backup with the share file.
        const ToolRun check = checkBackupWithTokenDesk(QStringLiteral(TOKENDESK_EXE), path, kFixedShare, kFixedPassword);
        QVERIFY2(check.exitCode == 0, qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("Result:      opens")), qPrintable(check.out));
        QVERIFY2(check.out.contains(sha256Fingerprint(before)), qPrintable(check.out));
        QVERIFY2(check.out.contains(QLatin1String("CKA_ID:      ") + QString::fromLatin1(idHex)), qPrintable(check.out));
    }

    void wrongPinThenRightPin()
    {
        QCOMPARE(userTries(), 3);
        SchsmError::Code code{};
        quint16 sw = 0;
        const QString wrong = failureOf(m_jobs.backUpKey(m_reader, QByteArray::fromHex("51"), SecureBytes::fromUtf8("000000")),
                                        &code, &sw);
        QCOMPARE(code, SchsmError::Code::StatusWord);
        QCOMPARE(sw, quint16(0x63C2));
        QVERIFY2(wrong.contains(QLatin1String("2 tries left")) && wrong.endsWith(QLatin1String("(SW 63C2)")),
                 qPrintable(wrong));
        QCOMPARE(userTries(), 2); // one VERIFY: never retried
        const SchsmKeyBackup backup =
            waitFor(m_jobs.backUpKey(m_reader, QByteArray::fromHex("51"), SecureBytes::fromUtf8(kPinBytes)));
        QCOMPARE(backup.keyReference, m_references.at("51"));
        QCOMPARE(userTries(), 3);
    }

    void unknownCkaIdIsRefusedBeforeThePin()
    {
        // A wrong PIN: a refusal before the VERIFY leaves the tries as they were.
        SchsmError::Code code{};
        const QString refusal =
            failureOf(m_jobs.backUpKey(m_reader, QByteArray::fromHex("7777"), SecureBytes::fromUtf8("000000")), &code);
        QCOMPARE(code, SchsmError::Code::Refused);
        QCOMPARE(refusal, QStringLiteral("The device has no private key with the CKA_ID 7777."));
        QCOMPARE(userTries(), 3);
    }

    void restoresOnAFreshDeviceWithTheSameDkek()
    {
        QCOMPARE(m_backups.size(), std::size_t(2));
        std::map<QByteArray, QByteArray> publicKeys;
        for (const auto &[idHex, path] : m_backups)
            publicKeys[idHex] = publicKey(idHex, QStringLiteral("before"));
        initialize(1);
        importShare(kFixedShare, kFixedPassword);
        QVERIFY(cardKeys().empty());
        int reference = 40;
        for (const auto &[idHex, path] : m_backups) {
            QVERIFY(publicKey(idHex, QStringLiteral("after")).isEmpty());
            const ToolRun r = scHsmTool({QStringLiteral("--unwrap-key"), path, QStringLiteral("--key-reference"),
                                         QString::number(++reference), QStringLiteral("--pin"), kPin});
            QVERIFY2(r.exitCode == 0 && r.out.contains(QLatin1String("Key successfully imported")), qPrintable(r.out));
            QVERIFY(cardKeys().count(reference));
            QCOMPARE(publicKey(idHex, QStringLiteral("after")).toHex(), publicKeys[idHex].toHex());
        }
    }

    void refusedWithoutCompleteDkek_data()
    {
        QTest::addColumn<int>("shares");
        QTest::addColumn<QString>("sentence");
        QTest::newRow("no DKEK shares") << 0
                                        << QStringLiteral("The device has no DKEK: it was initialized without DKEK shares, "
                                                          "so it cannot export keys. Initialize it with DKEK shares to "
                                                          "make backups.");
        QTest::newRow("1 of 2 shares imported")
            << 2
            << QStringLiteral("The device's DKEK is not complete: 1 of its DKEK shares still must be imported before a "
                              "key can be backed up.");
    }
    void refusedWithoutCompleteDkek()
    {
        QFETCH(int, shares);
        QFETCH(QString, sentence);
        initialize(shares);
        if (shares > 0)
            importShare(kFixedShare, kFixedPassword);
        int reference = 0;
        generate(QStringLiteral("EC:prime256v1"), "61", &reference);
        SchsmError::Code code{};
        const QString refusal =
            failureOf(m_jobs.backUpKey(m_reader, QByteArray::fromHex("61"), SecureBytes::fromUtf8("000000")), &code);
        QCOMPARE(code, SchsmError::Code::Refused);
        QCOMPARE(refusal, sentence);
        QCOMPARE(userTries(), 3); // refused before the (wrong) PIN was sent
        if (shares > 1) {
            // The refusal was the DKEK's: with the last share the same key backs up.
            importShare(kVectorShare, kVectorPassword);
            const SchsmKeyBackup backup =
                waitFor(m_jobs.backUpKey(m_reader, QByteArray::fromHex("61"), SecureBytes::fromUtf8(kPinBytes)));
            QCOMPARE(backup.keyReference, reference);
        }
    }
};

QTEST_GUILESS_MAIN(TestSchsmKeyBackup)
#include "tst_schsmkeybackup.moc"
