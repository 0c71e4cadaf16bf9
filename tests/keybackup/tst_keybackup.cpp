// SPDX-License-Identifier: GPL-3.0-or-later
// SmartCard-HSM key backups offline (issue 13): the files sc-hsm-tool --wrap-key wrote
// on a device (tests/data/schsm) open with the share that made the device's DKEK, the key
// inside is the device's public key (the vector's .pub.der, and openssl for fingerprints),
// every damage is refused, and blobs built on the host for keys from a PKCS#12 made by
// `openssl pkcs12 -export` open with the same checker.
#include "keybackuptestsupport.h"

#include "dkek/keycheckvalue.h"
#include "schsm/keybackupcheck.h"
#include "schsm/keybackuperror.h"
#include "schsm/keybackupfile.h"
#include "schsm/keyblob.h"
#include "schsm/tlv.h"

#include <QCryptographicHash>
#include <QFutureSynchronizer>
#include <QTemporaryDir>
#include <QTest>
#include <QtConcurrent/QtConcurrentRun>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>

using namespace keybackuptest;

namespace {
const QByteArray kVectorKcv = QByteArray::fromHex("1869AACFBA17D873");
const QByteArray kOtherKcv = QByteArray::fromHex("09DE576F12F7DC1B");

std::vector<BackupCheckShare> sharesOf(std::initializer_list<std::pair<const char *, std::shared_ptr<const SecureBytes>>> list)
{
    std::vector<BackupCheckShare> out;
    for (const auto &[name, share] : list)
        out.push_back({QString::fromLatin1(name), share});
    return out;
}

// SHA-256 of `openssl pkey -pubout -outform DER` of the given key file, in our colon form.
QString opensslFingerprint(const QStringList &pkeyArgs)
{
    const Run r = run(QStringLiteral("openssl"), QStringList{QStringLiteral("pkey")} + pkeyArgs
                                                    + QStringList{QStringLiteral("-pubout"), QStringLiteral("-outform"),
                                                                  QStringLiteral("DER")});
    if (r.exitCode != 0 || r.out.isEmpty())
        return QStringLiteral("openssl failed: ") + QString::fromUtf8(r.err);
    return QString::fromLatin1(QCryptographicHash::hash(r.out, QCryptographicHash::Sha256).toHex(':').toUpper());
}
// The public key a second, independent reader (unwrap_blob.py, Python's cryptography)
// finds in a backup file under this DKEK: SubjectPublicKeyInfo DER, or the reason.
QByteArray pythonUnwrap(const QString &file, const SecureBytes &dkek)
{
    const QByteArray hex = QByteArray(reinterpret_cast<const char *>(dkek.data()), qsizetype(dkek.size())).toHex();
    const Run r = run(QStringLiteral("python3"), {QStringLiteral(TOKENDESK_KEYBACKUP_DIR "/unwrap_blob.py"), file}, hex);
    return r.exitCode == 0 ? QByteArray::fromHex(r.out.trimmed()) : "python: " + r.err;
}

// The CV certificate request a SmartCard-HSM answers GENERATE ASYMMETRIC KEY PAIR with for an
// EC P-256 key: the public key (7F49) carries the domain parameters 81-85 before the point (86).
QByteArray p256CvRequest(const QByteArray &point)
{
    const QByteArray prime = QByteArray::fromHex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF");
    const QByteArray a = QByteArray::fromHex("FFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC");
    const QByteArray b = QByteArray::fromHex("5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B");
    const QByteArray g = QByteArray::fromHex("046B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296"
                                             "4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5");
    const QByteArray order = QByteArray::fromHex("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551");
    const QByteArray key = encodeTlv(0x06, QByteArray::fromHex("04007F00070202020203")) + encodeTlv(0x81, prime) + encodeTlv(0x82, a)
                         + encodeTlv(0x83, b) + encodeTlv(0x84, g) + encodeTlv(0x85, order) + encodeTlv(0x86, point) + encodeTlv(0x87, QByteArray(1, 1));
    const QByteArray body = encodeTlv(0x5F29, QByteArray(1, 0)) + encodeTlv(0x42, "UTCA00001") + encodeTlv(0x7F49, key) + encodeTlv(0x5F20, "UTTM00001");
    return encodeTlv(0x67, encodeTlv(0x7F21, encodeTlv(0x7F4E, body) + encodeTlv(0x5F37, QByteArray(64, 1))));
}

QByteArray uncompressedPoint(EVP_PKEY *key)
{
    QByteArray point(133, '\0');
    std::size_t n = 0;
    if (!EVP_PKEY_get_octet_string_param(key, "encoded-pub-key", reinterpret_cast<unsigned char *>(point.data()),
                                         std::size_t(point.size()), &n))
        return {};
    point.truncate(qsizetype(n));
    return point;
}
} // namespace

class TestKeyBackup : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void vectors_data();
    void vectors();
    void wrongShare();
    void noShares();
    void flippedByteAnywhereInBlob_data();
    void flippedByteAnywhereInBlob();
    void truncatedAtEveryLength_data();
    void truncatedAtEveryLength();
    void notABackup_data();
    void notABackup();
    void certificateOfAnotherKey();
    void ecCvRequestWithDomainParameters();
    void hostBuiltFromPkcs12_data();
    void hostBuiltFromPkcs12();
    void hostBuiltUnderTwoShares();
    void builderRefuses_data();
    void builderRefuses();
    void commandLine_data();
    void commandLine();

private:
    QTemporaryDir m_dir;
    std::shared_ptr<const SecureBytes> m_share;   // share-password.pbe: the vectors' DKEK
    std::shared_ptr<const SecureBytes> m_other;   // share-2of3.pbe: another DKEK
};

void TestKeyBackup::initTestCase()
{
    QVERIFY(m_dir.isValid());
    // Both vector shares with their real 10,000,000 rounds, in parallel.
    QFuture<std::shared_ptr<const SecureBytes>> a = QtConcurrent::run(
        [] { return openVectorShare(dkekFile(QStringLiteral("share-password.pbe")), QByteArrayLiteral("TokenDesk vector one")); });
    QFuture<std::shared_ptr<const SecureBytes>> b = QtConcurrent::run(
        [] { return openVectorShare(dkekFile(QStringLiteral("share-2of3.pbe")), twoOfThreePassword()); });
    m_share = a.result();
    m_other = b.result();
    QVERIFY(m_share);
    QVERIFY(m_other);
    QCOMPARE(dkekKeyCheckValue(*m_share), kVectorKcv); // the README's value, from sc-hsm-tool
    QCOMPARE(dkekKeyCheckValue(*m_other), kOtherKcv);
}

void TestKeyBackup::vectors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("pub");
    QTest::addColumn<QString>("label");
    QTest::addColumn<QByteArray>("id");
    QTest::addColumn<int>("keyType");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("bits");
    QTest::addColumn<QString>("curve");
    QTest::addColumn<int>("certificate");
    QTest::addColumn<QString>("subject");
    QTest::newRow("ec1 P-256 with certificate")
        << "ec1.wrap" << "ec1.pub.der" << "ec1" << QByteArray::fromHex("01") << 12 << "EC" << 256 << "prime256v1"
        << int(KeyBackupFile::Certificate::X509) << "O=TokenDesk test data,CN=ec1 wrap vector";
    QTest::newRow("rsa1 RSA-2048 with the device's CV request")
        << "rsa1.wrap" << "rsa1.pub.der" << "rsa1" << QByteArray::fromHex("02") << 5 << "RSA" << 2048 << ""
        << int(KeyBackupFile::Certificate::CvRequest) << "";
}

void TestKeyBackup::vectors()
{
    QFETCH(QString, file);
    QFETCH(QString, pub);
    const QByteArray bytes = readFile(schsmFile(file));
    const KeyBackupFile backup = KeyBackupFile::parse(bytes);
    QCOMPARE(backup.blob().checkValue(), kVectorKcv);
    QTEST(backup.blob().keyType(), "keyType");
    QTEST(backup.description().label, "label");
    QTEST(backup.description().id, "id");
    QTEST(int(backup.certificateKind()), "certificate");
    QTEST(backup.certificateSubject(), "subject");
    // Recomposed from its parts, the file is byte for byte what sc-hsm-tool wrote.
    QCOMPARE(KeyBackupFile::compose(backup.blob().bytes(), backup.description().der, backup.certificate()), bytes);

    QVERIFY(backup.blob().madeUnder(*m_share));
    QVERIFY(backup.blob().integrityMatches(*m_share));
    const KeyBlobKey key = backup.blob().open(*m_share);
    // The oracle: the public key the device returned for this key.
    const QByteArray devicePub = readFile(schsmFile(pub));
    QCOMPARE(key.publicKey.subjectPublicKeyInfo(), devicePub);
    QTEST(key.algorithm, "algorithm");
    QTEST(key.bits, "bits");
    QTEST(key.curve, "curve");
    QCOMPARE(pythonUnwrap(schsmFile(file), *m_share), devicePub); // the second reader agrees on the vectors
    QCOMPARE(key.fingerprint, opensslFingerprint({QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                  QStringLiteral("-in"), schsmFile(pub)}));

    const BackupCheckResult r = KeyBackupCheck::checkFile(schsmFile(file), sharesOf({{"share-password.pbe", m_share}}));
    QVERIFY2(r.opens(), qPrintable(r.message));
    QCOMPARE(r.openedBy, QStringList{QStringLiteral("share-password.pbe")});
    QCOMPARE(r.fileKcv, kVectorKcv);
    QCOMPARE(r.fingerprint, key.fingerprint);
    QTEST(r.label, "label");
    QTEST(r.id, "id");
    QTEST(r.algorithm, "algorithm");
    QTEST(r.bits, "bits");
    // With a second, unrelated share as well: only the one that makes the DKEK is named.
    const BackupCheckResult both = KeyBackupCheck::checkFile(
        schsmFile(file), sharesOf({{"share-2of3.pbe", m_other}, {"share-password.pbe", m_share}}));
    QVERIFY2(both.opens(), qPrintable(both.message));
    QCOMPARE(both.openedBy, QStringList{QStringLiteral("share-password.pbe")});
}

void TestKeyBackup::wrongShare()
{
    for (const char *file : {"ec1.wrap", "rsa1.wrap"}) {
        const BackupCheckResult r =
            KeyBackupCheck::checkFile(schsmFile(QString::fromLatin1(file)), sharesOf({{"share-2of3.pbe", m_other}}));
        QCOMPARE(r.status, BackupCheckResult::Status::NoMatchingShares);
        QCOMPARE(r.code, KeyBackupError::Code::DkekMismatch);
        QCOMPARE(r.message, QStringLiteral("The backup was made under another DKEK: its check value is "
                                           "1869AACFBA17D873, the shares give 09DE576F12F7DC1B."));
        QVERIFY(r.fingerprint.isEmpty());
        QVERIFY(r.openedBy.isEmpty());
        // The blob refuses by itself too, before any decryption.
        const KeyBackupFile backup = KeyBackupFile::read(schsmFile(QString::fromLatin1(file)));
        QVERIFY(!backup.blob().madeUnder(*m_other));
        QVERIFY(!backup.blob().integrityMatches(*m_other));
        QVERIFY_THROWS_EXCEPTION(KeyBackupError, backup.blob().open(*m_other));
    }
}

void TestKeyBackup::noShares()
{
    const BackupCheckResult r = KeyBackupCheck::checkFile(schsmFile(QStringLiteral("ec1.wrap")), {});
    QCOMPARE(r.status, BackupCheckResult::Status::NoMatchingShares);
    QCOMPARE(r.label, QStringLiteral("ec1"));
    QVERIFY(r.message.contains(QStringLiteral("1869AACFBA17D873")));
}

void TestKeyBackup::flippedByteAnywhereInBlob_data()
{
    QTest::addColumn<QString>("file");
    QTest::newRow("ec1") << "ec1.wrap";
    QTest::newRow("rsa1") << "rsa1.wrap";
}

void TestKeyBackup::flippedByteAnywhereInBlob()
{
    QFETCH(QString, file);
    const KeyBackupFile backup = KeyBackupFile::read(schsmFile(file));
    const QByteArray blob = backup.blob().bytes();
    const std::vector<BackupCheckShare> shares = sharesOf({{"share-password.pbe", m_share}});
    int checkValue = 0, integrity = 0, framing = 0;
    for (qsizetype i = 0; i < blob.size(); ++i) {
        for (const quint8 mask : {quint8(0x01), quint8(0x80), quint8(0xFF)}) {
            QByteArray damaged = blob;
            damaged[i] = char(quint8(damaged.at(i)) ^ mask);
            const QByteArray bytes = KeyBackupFile::compose(damaged, backup.description().der, backup.certificate());
            const BackupCheckResult r = KeyBackupCheck::checkData(file, bytes, shares);
            const QByteArray where = QByteArray::number(i) + " ^ " + QByteArray::number(mask);
            QVERIFY2(!r.opens(), where.constData());
            QVERIFY2(r.fingerprint.isEmpty(), where.constData());
            QVERIFY2(r.code.has_value(), where.constData());
            if (i < KeyBlob::kCheckValueSize) {
                QVERIFY2(*r.code == KeyBackupError::Code::DkekMismatch, where.constData());
                QVERIFY2(r.message.contains(QStringLiteral("1869AACFBA17D873")), where.constData());
                ++checkValue;
            } else if (*r.code == KeyBackupError::Code::NotABackup) {
                // Only a header length can make the framing itself wrong.
                QVERIFY2(i > KeyBlob::kCheckValueSize && i < 9 + 2 + 10 + 6, where.constData());
                ++framing;
            } else {
                QVERIFY2(*r.code == KeyBackupError::Code::IntegrityFailed, where.constData());
                QVERIFY2(r.message.startsWith(QStringLiteral("The file is damaged")), where.constData());
                ++integrity;
            }
        }
    }
    QCOMPARE(checkValue, 8 * 3);
    QVERIFY(integrity >= (blob.size() - 9 - 18) * 3); // every byte of the encrypted key and the CMAC
    qInfo("%s: %lld positions, %d check value, %d integrity, %d framing refusals", qPrintable(file),
          qlonglong(blob.size()), checkValue, integrity, framing);
}

void TestKeyBackup::truncatedAtEveryLength_data()
{
    vectors_data();
}

void TestKeyBackup::truncatedAtEveryLength()
{
    QFETCH(QString, file);
    const QByteArray bytes = readFile(schsmFile(file));
    const std::vector<BackupCheckShare> shares = sharesOf({{"share-password.pbe", m_share}});
    for (qsizetype n = 0; n < bytes.size(); ++n) {
        const QByteArray cut = bytes.left(n);
        QVERIFY_THROWS_EXCEPTION(KeyBackupError, KeyBackupFile::parse(cut));
        const BackupCheckResult r = KeyBackupCheck::checkData(file, cut, shares);
        QVERIFY2(r.status == BackupCheckResult::Status::NotABackup, QByteArray::number(n).constData());
        QVERIFY2(r.message.startsWith(QStringLiteral("The file is not a SmartCard-HSM key backup: ")),
                 qPrintable(r.message));
    }
    // The blob alone, cut anywhere: the framing or the CMAC refuses it.
    const QByteArray blob = KeyBackupFile::parse(bytes).blob().bytes();
    for (qsizetype n = 0; n < blob.size(); ++n) {
        try {
            const KeyBlob cut = KeyBlob::parse(blob.left(n));
            QVERIFY_THROWS_EXCEPTION(KeyBackupError, cut.open(*m_share));
        } catch (const KeyBackupError &e) {
            QCOMPARE(e.code(), KeyBackupError::Code::NotABackup);
        }
    }
}

void TestKeyBackup::notABackup_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("message");
    const QByteArray ec1 = readFile(schsmFile(QStringLiteral("ec1.wrap")));
    QTest::newRow("empty") << QByteArray() << "The file is not a SmartCard-HSM key backup: the file is empty.";
    QTest::newRow("a DKEK share file") << readFile(dkekFile(QStringLiteral("share-password.pbe")))
                                      << "The file is not a SmartCard-HSM key backup: the outer structure is not valid DER.";
    QTest::newRow("a certificate") << readFile(schsmFile(QStringLiteral("ec1.crt.der")))
                                  << "The file is not a SmartCard-HSM key backup: its first part is not the key blob (an OCTET STRING).";
    QTest::newRow("trailing byte") << ec1 + '\0'
                                  << "The file is not a SmartCard-HSM key backup: more data follows the end of its DER structure.";
    QTest::newRow("indefinite length") << QByteArray::fromHex("3080040100000000")
                                      << "The file is not a SmartCard-HSM key backup: the outer structure is not valid DER.";
    QTest::newRow("length past the end") << QByteArray::fromHex("3084FFFFFFF00401")
                                        << "The file is not a SmartCard-HSM key backup: the outer structure is not valid DER.";
    QTest::newRow("too large") << QByteArray(KeyBackupFile::kMaxSize + 1, '\x30')
                              << "The file is not a SmartCard-HSM key backup: the file is too large (65537 bytes).";
    const KeyBackupFile f = KeyBackupFile::parse(ec1);
    QTest::newRow("four parts") << KeyBackupFile::compose(f.blob().bytes(), f.description().der, f.certificate() + f.certificate())
                               << "The file is not a SmartCard-HSM key backup: it has more parts than key blob, description and certificate.";
    QTest::newRow("no description") << KeyBackupFile::compose(f.blob().bytes(), {}, {})
                                   << "The file is not a SmartCard-HSM key backup: the private key description is missing.";
}

void TestKeyBackup::notABackup()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, message);
    try {
        KeyBackupFile::parse(bytes);
        QFAIL("parsed");
    } catch (const KeyBackupError &e) {
        QCOMPARE(e.code(), KeyBackupError::Code::NotABackup);
        QCOMPARE(e.message(), message);
    }
}

void TestKeyBackup::certificateOfAnotherKey()
{
    // rsa1's blob and description with ec1's certificate: the key does not belong to it.
    const KeyBackupFile rsa = KeyBackupFile::read(schsmFile(QStringLiteral("rsa1.wrap")));
    const QByteArray bytes = KeyBackupFile::compose(rsa.blob().bytes(), rsa.description().der,
                                                    readFile(schsmFile(QStringLiteral("ec1.crt.der"))));
    const BackupCheckResult r = KeyBackupCheck::checkData(QStringLiteral("mixed"), bytes,
                                                          sharesOf({{"share-password.pbe", m_share}}));
    QCOMPARE(r.code, KeyBackupError::Code::KeyMismatch);
    QCOMPARE(r.message, QStringLiteral("The private key in the backup does not belong to the public key of the "
                                       "certificate in the file."));
    // ec1's blob under rsa1's description (RSA, 2048 bits): refused as well.
    const KeyBackupFile ec = KeyBackupFile::read(schsmFile(QStringLiteral("ec1.wrap")));
    const BackupCheckResult d = KeyBackupCheck::checkData(
        QStringLiteral("mixed"), KeyBackupFile::compose(ec.blob().bytes(), rsa.description().der, {}),
        sharesOf({{"share-password.pbe", m_share}}));
    QCOMPARE(d.code, KeyBackupError::Code::KeyMismatch);
}

void TestKeyBackup::ecCvRequestWithDomainParameters()
{
    // A backup of an EC key generated on the device carries the device's CV request, whose
    // public key lists the curve's prime (81) and A (82) before the point (86): the check
    // compares the point, not the prime as if it were an RSA modulus.
    EVP_PKEY *key = EVP_EC_gen("P-256");
    EVP_PKEY *other = EVP_EC_gen("P-256");
    QVERIFY(key && other);
    const QByteArray point = uncompressedPoint(key), otherPoint = uncompressedPoint(other);
    const QByteArray built = KeyBackupFile::build(*m_share, key, QStringLiteral("cv"), QByteArray::fromHex("01"));
    EVP_PKEY_free(key);
    EVP_PKEY_free(other);
    QCOMPARE(point.size(), 65);
    const KeyBackupFile file = KeyBackupFile::parse(built);
    const auto withRequest = [&](const QByteArray &statedPoint) {
        return KeyBackupFile::compose(file.blob().bytes(), file.description().der, p256CvRequest(statedPoint));
    };
    const QByteArray ownFile = withRequest(point);
    QCOMPARE(KeyBackupFile::parse(ownFile).certificateKind(), KeyBackupFile::Certificate::CvRequest);
    QCOMPARE(KeyBackupFile::parse(ownFile).cvPublicKey(), point);
    const BackupCheckResult own = KeyBackupCheck::checkData(QStringLiteral("cv"), ownFile, sharesOf({{"share-password.pbe", m_share}}));
    QVERIFY2(own.opens(), qPrintable(own.message));
    const BackupCheckResult foreign =
        KeyBackupCheck::checkData(QStringLiteral("cv"), withRequest(otherPoint), sharesOf({{"share-password.pbe", m_share}}));
    QCOMPARE(foreign.code, KeyBackupError::Code::KeyMismatch);
}

void TestKeyBackup::hostBuiltFromPkcs12_data()
{
    QTest::addColumn<QStringList>("genpkey");
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<int>("bits");
    QTest::addColumn<int>("keyType");
    const QString rsa = QStringLiteral("-algorithm RSA -pkeyopt rsa_keygen_bits:");
    const QString ec = QStringLiteral("-algorithm EC -pkeyopt ec_paramgen_curve:");
    QTest::newRow("RSA 2048") << (rsa + "2048").split(' ') << "RSA" << 2048 << 5;
    QTest::newRow("RSA 3072") << (rsa + "3072").split(' ') << "RSA" << 3072 << 5;
    QTest::newRow("RSA 4096") << (rsa + "4096").split(' ') << "RSA" << 4096 << 5;
    QTest::newRow("EC P-256") << (ec + "P-256").split(' ') << "EC" << 256 << 12;
    QTest::newRow("EC P-384") << (ec + "P-384").split(' ') << "EC" << 384 << 12;
    QTest::newRow("EC P-521") << (ec + "P-521").split(' ') << "EC" << 521 << 12;
}

void TestKeyBackup::hostBuiltFromPkcs12()
{
    QFETCH(QStringList, genpkey);
    const QString tag = QString::fromLatin1(QTest::currentDataTag()).remove(QLatin1Char(' '));
    const QString key = m_dir.filePath(tag + QStringLiteral(".key"));
    const QString crt = m_dir.filePath(tag + QStringLiteral(".crt"));
    const QString p12 = m_dir.filePath(tag + QStringLiteral(".p12"));
    QCOMPARE(run(QStringLiteral("openssl"), QStringList{QStringLiteral("genpkey")} + genpkey
                                                 + QStringList{QStringLiteral("-out"), key}).exitCode, 0);
    QCOMPARE(run(QStringLiteral("openssl"), {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-key"), key,
                                              QStringLiteral("-subj"), QStringLiteral("/CN=") + tag, QStringLiteral("-days"),
                                              QStringLiteral("30"), QStringLiteral("-out"), crt}).exitCode, 0);
    // The password goes to openssl on stdin, never on its command line.
    const Run exported = run(QStringLiteral("openssl"), {QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                                                          QStringLiteral("-in"), crt, QStringLiteral("-passout"), QStringLiteral("stdin"),
                                                          QStringLiteral("-out"), p12}, QByteArrayLiteral("p12 password\n"));
    QVERIFY2(exported.exitCode == 0, exported.err.constData());

    // Read the PKCS#12 as the import will.
    const QByteArray der = readFile(p12);
    const unsigned char *p = reinterpret_cast<const unsigned char *>(der.constData());
    PKCS12 *pk = d2i_PKCS12(nullptr, &p, long(der.size()));
    QVERIFY(pk);
    EVP_PKEY *pkey = nullptr;
    X509 *cert = nullptr;
    QVERIFY(PKCS12_parse(pk, "p12 password", &pkey, &cert, nullptr) == 1);
    PKCS12_free(pk);
    unsigned char *certDer = nullptr;
    const int certLen = i2d_X509(cert, &certDer);
    const QByteArray certificate(reinterpret_cast<const char *>(certDer), certLen);
    OPENSSL_free(certDer);
    X509_free(cert);

    const QByteArray id = QByteArray::fromHex("A1B2C3");
    QByteArray built, again;
    try {
        built = KeyBackupFile::build(*m_share, pkey, tag, id, certificate, 7);
        again = KeyBackupFile::build(*m_share, pkey, tag, id, certificate, 7);
    } catch (const std::exception &e) {
        EVP_PKEY_free(pkey);
        QFAIL(e.what());
    }
    EVP_PKEY_free(pkey);
    QVERIFY(built != again); // the random prefix and so the whole ciphertext differ each time

    const QString path = m_dir.filePath(tag + QStringLiteral(".wrap"));
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(built);
    out.close();
    // The file is what openssl calls DER, three parts (independent parser).
    const Run asn1 = run(QStringLiteral("openssl"), {QStringLiteral("asn1parse"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                     QStringLiteral("-in"), path});
    QCOMPARE(asn1.exitCode, 0);
    QVERIFY(asn1.out.contains("OCTET STRING"));

    const BackupCheckResult r = KeyBackupCheck::checkFile(path, sharesOf({{"share-password.pbe", m_share}}));
    QVERIFY2(r.opens(), qPrintable(r.message));
    QCOMPARE(r.fileKcv, kVectorKcv);
    // A second reader unwraps what the builder made, and finds openssl's public key of the source.
    const Run pub = run(QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-in"), key, QStringLiteral("-pubout"),
                                                    QStringLiteral("-outform"), QStringLiteral("DER")});
    QCOMPARE(pub.exitCode, 0);
    QCOMPARE(pythonUnwrap(path, *m_share), pub.out);
    QCOMPARE(r.fingerprint, opensslFingerprint({QStringLiteral("-in"), key}));
    QTEST(r.algorithm, "algorithm");
    QTEST(r.bits, "bits");
    QCOMPARE(r.label, tag);
    QCOMPARE(r.id, id);
    QCOMPARE(r.certificate, KeyBackupFile::Certificate::X509);
    QCOMPARE(r.certificateSubject, QStringLiteral("CN=") + tag);
    const KeyBackupFile parsed = KeyBackupFile::parse(built);
    QCOMPARE(parsed.description().keyReference, 7);
    QCOMPARE(parsed.description().keyBits, r.bits);
    QTEST(parsed.blob().keyType(), "keyType");
    // The same framing as the device's: type, default algorithm and empty lists as in the vectors.
    const QByteArray vector = KeyBackupFile::read(schsmFile(r.algorithm == QLatin1String("EC") ? QStringLiteral("ec1.wrap")
                                                                                              : QStringLiteral("rsa1.wrap")))
                                  .blob().bytes();
    QCOMPARE(parsed.blob().bytes().left(9 + 12 + 6), vector.left(9 + 12 + 6));
    QCOMPARE(KeyBackupCheck::checkData(path, again, sharesOf({{"share-password.pbe", m_share}})).fingerprint, r.fingerprint);
    // And not under another DKEK.
    QCOMPARE(KeyBackupCheck::checkFile(path, sharesOf({{"share-2of3.pbe", m_other}})).code, KeyBackupError::Code::DkekMismatch);
}

void TestKeyBackup::hostBuiltUnderTwoShares()
{
    // A device with two shares has DKEK = share1 XOR share2: a blob made under it opens
    // only with both, and the check names both.
    const SecureBytes dkek = combineDkekShares({m_share.get(), m_other.get()});
    QCOMPARE(formatKeyCheckValue(dkekKeyCheckValue(dkek)), QStringLiteral("37F1C935F7EE4831")); // the device's, README
    EVP_PKEY *key = EVP_EC_gen("P-256");
    QVERIFY(key);
    const QByteArray file = KeyBackupFile::build(dkek, key, QStringLiteral("two"), QByteArray::fromHex("02"));
    EVP_PKEY_free(key);
    const BackupCheckResult both = KeyBackupCheck::checkData(
        QStringLiteral("two"), file, sharesOf({{"share-password.pbe", m_share}, {"share-2of3.pbe", m_other}}));
    QVERIFY2(both.opens(), qPrintable(both.message));
    QCOMPARE(both.openedBy, (QStringList{QStringLiteral("share-password.pbe"), QStringLiteral("share-2of3.pbe")}));
    QCOMPARE(both.certificate, KeyBackupFile::Certificate::None);
    const BackupCheckResult one = KeyBackupCheck::checkData(QStringLiteral("two"), file, sharesOf({{"share-password.pbe", m_share}}));
    QCOMPARE(one.message, QStringLiteral("The backup was made under another DKEK: its check value is 37F1C935F7EE4831, "
                                         "the shares give 1869AACFBA17D873."));
}

void TestKeyBackup::builderRefuses_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<QString>("parameter");
    QTest::newRow("RSA 1024") << "RSA" << "1024";
    QTest::newRow("EC secp256k1") << "EC" << "secp256k1";
    QTest::newRow("EC brainpoolP256r1") << "EC" << "brainpoolP256r1";
    QTest::newRow("Ed25519") << "ED25519" << "";
}

void TestKeyBackup::builderRefuses()
{
    QFETCH(QString, algorithm);
    QFETCH(QString, parameter);
    EVP_PKEY *key = algorithm == QLatin1String("RSA") ? EVP_RSA_gen(parameter.toUInt())
                  : algorithm == QLatin1String("EC")  ? EVP_EC_gen(parameter.toLatin1().constData())
                                                      : EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519");
    QVERIFY(key);
    try {
        KeyBlob::build(*m_share, key);
        EVP_PKEY_free(key);
        QFAIL("built");
    } catch (const KeyBackupError &e) {
        EVP_PKEY_free(key);
        QCOMPARE(e.code(), KeyBackupError::Code::UnsupportedKey);
        QVERIFY(e.message().startsWith(QStringLiteral("A SmartCard-HSM cannot take this key: ")));
    }
}

void TestKeyBackup::commandLine_data()
{
    QTest::addColumn<QStringList>("backups");
    QTest::addColumn<QStringList>("shares");
    QTest::addColumn<QByteArray>("stdinText");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QStringList>("expected"); // lines that must be in stdout (or stderr for exit 2/64)
    const QStringList both{schsmFile(QStringLiteral("ec1.wrap")), schsmFile(QStringLiteral("rsa1.wrap"))};
    const QStringList share{dkekFile(QStringLiteral("share-password.pbe"))};
    QTest::newRow("both open") << both << share << QByteArray("TokenDesk vector one\n") << 0
                               << QStringList{QStringLiteral("Share share-password.pbe: check value 1869AACFBA17D873"),
                                              QStringLiteral("  Key:         EC P-256 (prime256v1)"),
                                              QStringLiteral("  Key:         RSA 2048 bits"),
                                              QStringLiteral("  Label:       rsa1"),
                                              QStringLiteral("  Certificate: O=TokenDesk test data,CN=ec1 wrap vector")};
    QTest::newRow("one is not a backup") << both + QStringList{schsmFile(QStringLiteral("ec1.crt.der"))} << share
                                         << QByteArray("TokenDesk vector one\n") << 1
                                         << QStringList{QStringLiteral("  Result:      FAILS: The file is not a SmartCard-HSM key backup: its first part is not the key blob (an OCTET STRING).")};
    QTest::newRow("wrong password") << both << share << QByteArray("not it\n") << 2
                                    << QStringList{QStringLiteral("Wrong password or not a DKEK share file.")};
    QTest::newRow("password-fd with two shares") << both << share + share << QByteArray() << 64
                                                 << QStringList{QStringLiteral("goes with exactly one --dkek-share")};
}

void TestKeyBackup::commandLine()
{
    QFETCH(QStringList, backups);
    QFETCH(QStringList, shares);
    QFETCH(QByteArray, stdinText);
    QFETCH(int, exitCode);
    QFETCH(QStringList, expected);
    QStringList args{QStringLiteral("--check-backup")};
    args << backups;
    for (const QString &s : shares)
        args << QStringLiteral("--dkek-share") << s;
    args << QStringLiteral("--password-fd") << QStringLiteral("0"); // the password on stdin, never in argv
    const Run r = run(QStringLiteral(TOKENDESK_EXE), args, stdinText);
    QCOMPARE(r.exitCode, exitCode);
    const QString out = QString::fromUtf8(r.out + r.err);
    for (const QString &line : expected)
        QVERIFY2(out.contains(line), qPrintable(out));
    if (exitCode == 0) {
        // The fingerprints are openssl's of the device's public keys.
        for (const char *pub : {"ec1.pub.der", "rsa1.pub.der"})
            QVERIFY(out.contains(opensslFingerprint({QStringLiteral("-pubin"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                     QStringLiteral("-in"), schsmFile(QString::fromLatin1(pub))})));
    }
}

QTEST_GUILESS_MAIN(TestKeyBackup)
#include "tst_keybackup.moc"
