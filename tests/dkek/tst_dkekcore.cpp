// SPDX-License-Identifier: GPL-3.0-or-later
// Core DKEK share work: sc-hsm-tool's real files, the openssl command line and an
// independent Python implementation as oracles; Shamir sharing; KCVs; file writing.
#include "dkek/createsharevalidator.h"
#include "dkek/custodianshare.h"
#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "dkek/dkeksharejobs.h"
#include "dkek/keycheckvalue.h"
#include "dkek/legacykdf.h"
#include "dkek/opensslrandomsource.h"
#include "dkek/passwordsharing.h"
#include "dkek/passwordstrength.h"
#include "dkek/sharefilewriter.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFutureWatcher>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>

#include <sys/stat.h>

#include <algorithm>
#include <functional>

namespace {

const QString kData = QStringLiteral(TOKENDESK_TEST_DATA "/dkek");

SecureBytes secret(const char *utf8)
{
    return SecureBytes::fromUtf8(utf8);
}

SecureBytes fromHex(const char *hex)
{
    const QByteArray b = QByteArray::fromHex(hex);
    return SecureBytes(b.constData(), std::size_t(b.size()));
}

QByteArray toArray(const SecureBytes &s)
{
    return QByteArray(reinterpret_cast<const char *>(s.data()), qsizetype(s.size()));
}

QByteArray readAll(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

bool writeRaw(const QString &path, const QByteArray &data)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(data) == data.size();
}

int modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 07777);
}

// Deterministic bytes for tests that need to steer the generator.
class ScriptedRandom : public RandomSource {
public:
    std::function<void(unsigned char *, std::size_t)> next;
    void fill(unsigned char *out, std::size_t n) override { next(out, n); }
};

const char *kPrintedShares = "Prime       : ff:0e:2e:17:8f:74:6c:cb\n"
                             "Share ID    : 1\n"
                             "Share value : e6:fb:13:da:9e:fd:45:07\n"
                             "Share ID    : 2\n"
                             "Share value : 63:65:b5:25:63:93:3d:d5\n"
                             "Share ID    : 3\n"
                             "Share value : de:de:84:87:b7:9d:a3:6e\n";

std::vector<const CustodianShare *> pick(const std::vector<CustodianShare> &all, const std::vector<int> &indexes)
{
    std::vector<const CustodianShare *> out;
    for (int i : indexes)
        out.push_back(&all[std::size_t(i)]);
    return out;
}

// All k-element index subsets of 0..n-1.
std::vector<std::vector<int>> subsets(int n, int k)
{
    std::vector<std::vector<int>> out;
    std::vector<int> cur;
    std::function<void(int)> rec = [&](int start) {
        if (int(cur.size()) == k) {
            out.push_back(cur);
            return;
        }
        for (int i = start; i < n; ++i) {
            cur.push_back(i);
            rec(i + 1);
            cur.pop_back();
        }
    };
    rec(0);
    return out;
}

} // namespace

class TestDkekCore : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    // Oracles
    void scHsmToolFilesOpen();
    void fixedVectorByteForByte();
    void opensslDecryptsOurFile_data();
    void opensslDecryptsOurFile();
    void weOpenOpensslFile_data();
    void weOpenOpensslFile();
    void kdfMatchesEvpBytesToKey();

    // Errors
    void formatErrors_data();
    void formatErrors();
    void wrongPasswordNeverGivesShare();

    // Shamir
    void shamirSubsets_data();
    void shamirSubsets();
    void shamirPasswordNeverStartsWithZero();
    void printedSharesFromScHsmTool();
    void printedFormRoundTrip();
    void parseVariants_data();
    void parseVariants();
    void parseRejects_data();
    void parseRejects();
    void leadingZeroPasswordBothForms();

    // KCV
    void kcvOfCombinedShares();

    // Files and jobs
    void writerAtomicOwnerOnly();
    void createJobRoundTrip();
    void createJobCancelLeavesNothing();
    void validatorAndStrength();

private:
    QTemporaryDir m_tmp;
    QString m_openssl;
};

void TestDkekCore::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    m_openssl = QStandardPaths::findExecutable(QStringLiteral("openssl"));
    QVERIFY2(!m_openssl.isEmpty(), "the openssl command line is needed as an oracle");
    QVERIFY(QFile::exists(kData + QStringLiteral("/share-password.pbe")));
}

void TestDkekCore::scHsmToolFilesOpen()
{
    // Both real sc-hsm-tool files in parallel (two 10M derivations) through the async API.
    OpenShareRequest byPassword;
    byPassword.path = kData + QStringLiteral("/share-password.pbe");
    byPassword.passwords.push_back(secret("TokenDesk vector one"));

    const auto printed = CustodianShare::parsePrinted(secret(kPrintedShares));
    QCOMPARE(printed.size(), std::size_t(3));
    OpenShareRequest byCustodians;
    byCustodians.path = kData + QStringLiteral("/share-2of3.pbe");
    byCustodians.passwords = PasswordSharing::passwordCandidates(PasswordSharing::reconstruct(pick(printed, {0, 2})));
    byCustodians.fromCustodianShares = true;
    QCOMPARE(byCustodians.passwords.size(), std::size_t(1)); // first byte 0x6b: one form only

    QElapsedTimer timer;
    timer.start();
    QFuture<OpenShareResult> a = DkekShareJobs::openAsync(std::move(byPassword));
    QFuture<OpenShareResult> b = DkekShareJobs::openAsync(std::move(byCustodians));
    a.waitForFinished();
    b.waitForFinished();
    qInfo("two 10M derivations in parallel: %lld ms", timer.elapsed());

    const OpenShareResult ra = a.result();
    const OpenShareResult rb = b.result();
    // The shared vector README lists these two KCVs the other way round; an independent
    // Python EVP_BytesToKey + openssl decryption confirms these (tests/data/dkek/README.md).
    QCOMPARE(formatKeyCheckValue(ra.kcv), QStringLiteral("1869AACFBA17D873"));
    QCOMPARE(formatKeyCheckValue(rb.kcv), QStringLiteral("09DE576F12F7DC1B"));
    QCOMPARE(a.progressValue(), DkekShareJobs::kProgressMaximum);

    const SecureBytes dkek = combineDkekShares({ra.share.get(), rb.share.get()});
    QCOMPARE(formatKeyCheckValue(dkekKeyCheckValue(dkek)), QStringLiteral("37F1C935F7EE4831"));
    // The KCV is SHA-256 over the XOR, checked with Qt's own SHA-256.
    QCOMPARE(dkekKeyCheckValue(dkek), QCryptographicHash::hash(toArray(dkek), QCryptographicHash::Sha256).left(8));
}

void TestDkekCore::fixedVectorByteForByte()
{
    const QByteArray expected = readAll(kData + QStringLiteral("/fixed-10m.pbe"));
    QCOMPARE(expected.size(), 64);
    const LegacySalt salt{0xa1, 0xb2, 0xc3, 0xd4, 0xe5, 0xf6, 0x07, 0x18};
    const SecureBytes share = fromHex("000102030405060708090a0b0c0d0e0ff0e1d2c3b4a5968778695a4b3c2d1e0f");
    const auto file = DkekShareFile::seal(share, secret("TokenDesk fixed vector \xc3\xa9t\xc3\xa9 10M"), salt,
                                          kDkekShareIterations);
    QVERIFY(file.has_value());
    QCOMPARE(file->toHex(), expected.toHex());
    QCOMPARE(formatKeyCheckValue(dkekKeyCheckValue(share)), QStringLiteral("9A4D08FFA4D2F9C5"));
}

void TestDkekCore::opensslDecryptsOurFile_data()
{
    QTest::addColumn<QByteArray>("password");
    QTest::newRow("ascii") << QByteArray("correct horse");
    QTest::newRow("utf8") << QByteArray("p\xc3\xa4ssw\xc3\xb6rd \xe2\x82\xac");
    QTest::newRow("one byte") << QByteArray("x");
}

void TestDkekCore::opensslDecryptsOurFile()
{
    QFETCH(QByteArray, password);
    OpenSslRandomSource rng;
    SecureBytes share(32);
    rng.fill(share.data(), share.size());
    LegacySalt salt;
    rng.fill(salt.data(), salt.size());
    const auto file =
        DkekShareFile::seal(share, SecureBytes(password.constData(), std::size_t(password.size())), salt, 1);
    QVERIFY(file);
    const QString path = m_tmp.filePath(QStringLiteral("ours-%1.pbe").arg(QTest::currentDataTag()));
    QVERIFY(writeRaw(path, *file));

    // openssl reads the salt from the Salted__ header; -md md5 without -pbkdf2 is EVP_BytesToKey, count 1.
    QProcess p;
    p.start(m_openssl, {QStringLiteral("enc"), QStringLiteral("-d"), QStringLiteral("-aes-256-cbc"),
                        QStringLiteral("-md"), QStringLiteral("md5"), QStringLiteral("-pass"),
                        QStringLiteral("pass:") + QString::fromUtf8(password), QStringLiteral("-in"), path});
    QVERIFY(p.waitForFinished(30000));
    QCOMPARE(p.exitCode(), 0);
    QCOMPARE(p.readAllStandardOutput().toHex(), toArray(share).toHex());
}

void TestDkekCore::weOpenOpensslFile_data()
{
    opensslDecryptsOurFile_data();
}

void TestDkekCore::weOpenOpensslFile()
{
    QFETCH(QByteArray, password);
    const QByteArray share = QByteArray::fromHex("8899aabbccddeeff00112233445566778899aabbccddeeff0011223344556677");
    const QString in = m_tmp.filePath(QStringLiteral("plain.bin"));
    QVERIFY(writeRaw(in, share));
    const SecureBytes pw(password.constData(), std::size_t(password.size()));

    // With -S, OpenSSL 3 writes only the ciphertext; the header is ours to add.
    // Without -S, it picks a salt and writes "Salted__" + salt itself.
    for (const bool givenSalt : {true, false}) {
        const QString out = m_tmp.filePath(QStringLiteral("theirs-%1-%2.pbe").arg(QTest::currentDataTag()).arg(givenSalt));
        QStringList args{QStringLiteral("enc"), QStringLiteral("-aes-256-cbc"), QStringLiteral("-md"),
                         QStringLiteral("md5"), QStringLiteral("-pass"), QStringLiteral("pass:") + QString::fromUtf8(password),
                         QStringLiteral("-in"), in, QStringLiteral("-out"), out};
        if (givenSalt)
            args << QStringLiteral("-S") << QStringLiteral("0102030405060708");
        QProcess p;
        p.start(m_openssl, args);
        QVERIFY(p.waitForFinished(30000));
        QCOMPARE(p.exitCode(), 0);

        QByteArray file = readAll(out);
        if (givenSalt) {
            QCOMPARE(file.size(), 48);
            file.prepend(QByteArray::fromHex("53616c7465645f5f0102030405060708"));
            QVERIFY(writeRaw(out, file));
        }
        QCOMPARE(DkekShareFile::read(out), file);
        const auto opened = DkekShareFile::open(file, pw, 1);
        QVERIFY(opened);
        QCOMPARE(toArray(*opened).toHex(), share.toHex());
    }
}

void TestDkekCore::kdfMatchesEvpBytesToKey()
{
    // Our loop against OpenSSL's own EVP_BytesToKey at counts around the progress stride.
    const SecureBytes pw = secret("stride check");
    const LegacySalt salt{9, 8, 7, 6, 5, 4, 3, 2};
    for (quint32 count : {1u, 2u, kKdfReportStride - 1, kKdfReportStride, kKdfReportStride + 1, 3 * kKdfReportStride + 7}) {
        unsigned char key[32], iv[16];
        QVERIFY(EVP_BytesToKey(EVP_aes_256_cbc(), EVP_md5(), salt.data(), pw.data(), int(pw.size()), int(count), key,
                               iv)
                == 32);
        struct Counting : KdfMonitor {
            quint64 last = 0, total = 0;
            int calls = 0;
            bool proceed(quint64 done, quint64 t) override
            {
                if (done < last)
                    qFatal("progress went backwards");
                last = done;
                total = t;
                ++calls;
                return true;
            }
        } monitor;
        const auto derived = legacyBytesToKeyMd5(pw, salt, count, &monitor);
        QVERIFY(derived);
        QCOMPARE(toArray(derived->key), QByteArray(reinterpret_cast<char *>(key), 32));
        QCOMPARE(toArray(derived->iv), QByteArray(reinterpret_cast<char *>(iv), 16));
        QCOMPARE(monitor.last, quint64(3) * count);
        QCOMPARE(monitor.total, quint64(3) * count);
    }
}

void TestDkekCore::formatErrors_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("sentence");

    const QByteArray good = readAll(kData + QStringLiteral("/share-password.pbe"));
    QByteArray badMagic = good;
    badMagic[0] = 'X';
    QTest::newRow("empty") << QByteArray() << int(DkekError::Code::FileTooShort)
                           << QStringLiteral("The file is empty. A DKEK share file has exactly 64 bytes.");
    QTest::newRow("truncated header") << good.left(12) << int(DkekError::Code::FileTooShort)
                                      << QStringLiteral("The file is truncated: it has 12 bytes, but a DKEK share file has exactly 64.");
    QTest::newRow("63 bytes") << good.left(63) << int(DkekError::Code::FileTooShort)
                              << QStringLiteral("The file is truncated: it has 63 bytes, but a DKEK share file has exactly 64.");
    QTest::newRow("65 bytes") << good + '\n' << int(DkekError::Code::FileTooLong)
                              << QStringLiteral("The file is too long to be a DKEK share file: it has 65 bytes, but a DKEK share file has exactly 64.");
    QTest::newRow("big file") << QByteArray(100000, 'a') << int(DkekError::Code::FileTooLong)
                              << QStringLiteral("The file is too long to be a DKEK share file: it has 100000 bytes, but a DKEK share file has exactly 64.");
    QTest::newRow("wrong magic") << badMagic << int(DkekError::Code::NotAShareFile)
                                 << QStringLiteral("This is not a DKEK share file: it does not begin with \u201cSalted__\u201d.");
}

void TestDkekCore::formatErrors()
{
    QFETCH(QByteArray, content);
    QFETCH(int, code);
    QFETCH(QString, sentence);
    const QString path = m_tmp.filePath(QStringLiteral("bad-%1.pbe").arg(QTest::currentDataTag()));
    QVERIFY(writeRaw(path, content));

    // From disk and from memory: the same code and sentence, before any key derivation.
    for (int fromMemory = 0; fromMemory < 2; ++fromMemory) {
        try {
            if (fromMemory)
                (void)DkekShareFile::open(content, secret("whatever"), kDkekShareIterations);
            else
                (void)DkekShareFile::read(path);
            QFAIL("no error");
        } catch (const DkekError &e) {
            QCOMPARE(int(e.code()), code);
            QCOMPARE(e.message(), sentence);
        }
    }
    // Through the job as the dialog uses it: the future fails with the same sentence.
    OpenShareRequest request;
    request.path = path;
    request.passwords.push_back(secret("whatever"));
    QFuture<OpenShareResult> f = DkekShareJobs::openAsync(std::move(request));
    try {
        f.waitForFinished(); // Qt 6 rethrows the job's exception here
        f.result();
        QFAIL("no error");
    } catch (const DkekError &e) {
        QCOMPARE(e.message(), sentence);
    }
}

void TestDkekCore::wrongPasswordNeverGivesShare()
{
    OpenSslRandomSource rng;
    SecureBytes share(32);
    rng.fill(share.data(), share.size());
    const auto file = DkekShareFile::seal(share, secret("the right one"), LegacySalt{1, 1, 2, 3, 5, 8, 13, 21}, 1);
    QVERIFY(file);
    QVERIFY(DkekShareFile::open(*file, secret("the right one"), 1));
    for (int i = 0; i < 500; ++i) {
        const QByteArray wrong = "wrong " + QByteArray::number(i);
        try {
            (void)DkekShareFile::open(*file, SecureBytes(wrong.constData(), std::size_t(wrong.size())), 1);
            QFAIL("a wrong password opened the file");
        } catch (const DkekError &e) {
            QCOMPARE(e.code(), DkekError::Code::WrongPasswordOrNotShare);
            QCOMPARE(e.message(), QStringLiteral("Wrong password or not a DKEK share file."));
        }
    }
    // The right password with the wrong iteration count is a wrong key too.
    QVERIFY_THROWS_EXCEPTION(DkekError, DkekShareFile::open(*file, secret("the right one"), 2));

    // Custodian-share wording when every candidate fails.
    const QString path = m_tmp.filePath(QStringLiteral("wrong.pbe"));
    QVERIFY(writeRaw(path, *file));
    OpenShareRequest request;
    request.path = path;
    request.iterations = 1;
    request.fromCustodianShares = true;
    request.passwords.push_back(secret("a"));
    request.passwords.push_back(secret("b"));
    try {
        (void)DkekShareJobs::open(request);
        QFAIL("no error");
    } catch (const DkekError &e) {
        QCOMPARE(e.code(), DkekError::Code::WrongPasswordOrNotShare);
        QVERIFY(e.message().startsWith(QStringLiteral("The custodian shares do not open this file")));
    }
}

void TestDkekCore::shamirSubsets_data()
{
    QTest::addColumn<int>("threshold");
    QTest::addColumn<int>("total");
    QTest::newRow("2 of 3") << 2 << 3;
    QTest::newRow("3 of 3") << 3 << 3;
    QTest::newRow("3 of 5") << 3 << 5;
    QTest::newRow("2 of 9") << 2 << 9;
    QTest::newRow("5 of 9") << 5 << 9;
    QTest::newRow("9 of 9") << 9 << 9;
}

void TestDkekCore::shamirSubsets()
{
    QFETCH(int, threshold);
    QFETCH(int, total);
    OpenSslRandomSource rng;
    for (int round = 0; round < 5; ++round) {
        const SharedPassword shared = PasswordSharing::generate(threshold, total, rng);
        QCOMPARE(shared.password.size(), CK_ULONG(8));
        QCOMPARE(int(shared.shares.size()), total);
        const QByteArray prime = shared.shares.front().prime();
        QCOMPARE(prime.size(), 8);
        QVERIFY(quint8(prime[0]) >= 0xc0); // a 64-bit prime, as sc-hsm-tool prints
        for (int i = 0; i < total; ++i) {
            QCOMPARE(shared.shares[std::size_t(i)].id(), quint32(i + 1));
            QCOMPARE(shared.shares[std::size_t(i)].prime(), prime);
        }

        for (const auto &subset : subsets(total, threshold)) {
            const SecureBytes s = PasswordSharing::reconstruct(pick(shared.shares, subset));
            QVERIFY2(s == shared.password, "a threshold subset failed to reconstruct the password");
        }
        // Any threshold subset, in any order.
        std::vector<int> reversed(static_cast<std::size_t>(threshold));
        for (int i = 0; i < threshold; ++i)
            reversed[std::size_t(i)] = total - 1 - i;
        QVERIFY(PasswordSharing::reconstruct(pick(shared.shares, reversed)) == shared.password);

        if (threshold - 1 >= 2) {
            for (const auto &subset : subsets(total, threshold - 1)) {
                const SecureBytes s = PasswordSharing::reconstruct(pick(shared.shares, subset));
                QVERIFY2(!(s == shared.password), "fewer shares than the threshold revealed the password");
            }
        } else {
            QVERIFY_THROWS_EXCEPTION(DkekError, PasswordSharing::reconstruct(pick(shared.shares, {0})));
        }
    }
}

void TestDkekCore::shamirPasswordNeverStartsWithZero()
{
    // The generator draws 8 bytes and clears the top bit; 0x00 and 0x80 become a zero
    // first byte and must be drawn again.
    ScriptedRandom rng;
    int passwordDraws = 0;
    rng.next = [&](unsigned char *out, std::size_t n) {
        if (n == 8 && passwordDraws < 3) {
            const unsigned char first[] = {0x00, 0x80, 0xd5};
            std::fill_n(out, n, 0x11);
            out[0] = first[passwordDraws++];
            return;
        }
        OpenSslRandomSource().fill(out, n);
    };
    const SharedPassword shared = PasswordSharing::generate(2, 3, rng);
    QCOMPARE(passwordDraws, 3);
    QCOMPARE(int(shared.password.data()[0]), 0x55);

    OpenSslRandomSource real;
    for (int i = 0; i < 300; ++i) {
        const SharedPassword s = PasswordSharing::generate(2, 3, real);
        QVERIFY(s.password.data()[0] >= 0x01 && s.password.data()[0] <= 0x7f);
    }
    QVERIFY(!PasswordSharing::checkCounts(2, 2).isEmpty());
    QVERIFY(!PasswordSharing::checkCounts(4, 3).isEmpty());
    QVERIFY(!PasswordSharing::checkCounts(2, 10).isEmpty());
    QVERIFY(!PasswordSharing::checkCounts(1, 3).isEmpty());
    QVERIFY(PasswordSharing::checkCounts(9, 9).isEmpty());
}

void TestDkekCore::printedSharesFromScHsmTool()
{
    const auto shares = CustodianShare::parsePrinted(secret(kPrintedShares));
    QCOMPARE(shares.size(), std::size_t(3));
    QCOMPARE(shares[0].prime().toHex(), QByteArray("ff0e2e178f746ccb"));
    QCOMPARE(shares[2].id(), quint32(3));
    for (const auto &subset : subsets(3, 2)) {
        const SecureBytes s = PasswordSharing::reconstruct(pick(shares, subset));
        QCOMPARE(toArray(s).toHex(' '), QByteArray("6b 82 44 78 4a f2 df 6e"));
    }
    // One share alone is refused; three (more than the threshold) still give the password.
    QVERIFY_THROWS_EXCEPTION(DkekError, PasswordSharing::reconstruct(pick(shares, {1})));
    QCOMPARE(toArray(PasswordSharing::reconstruct(pick(shares, {0, 1, 2}))).toHex(), QByteArray("6b8244784af2df6e"));
}

void TestDkekCore::printedFormRoundTrip()
{
    const auto shares = CustodianShare::parsePrinted(secret(kPrintedShares));
    QCOMPARE(toArray(shares[0].printedForm()), QByteArray("Prime       : ff:0e:2e:17:8f:74:6c:cb\n"
                                                          "Share ID    : 1\n"
                                                          "Share value : e6:fb:13:da:9e:fd:45:07"));
    // Our own shares print in the same form and parse back.
    OpenSslRandomSource rng;
    const SharedPassword shared = PasswordSharing::generate(3, 5, rng);
    const QRegularExpression form(QStringLiteral("^Prime       : ([0-9a-f]{2}:){7}[0-9a-f]{2}\n"
                                                 "Share ID    : [1-5]\n"
                                                 "Share value : ([0-9a-f]{2}:)*[0-9a-f]{2}$"));
    std::vector<CustodianShare> parsed;
    for (const CustodianShare &s : shared.shares) {
        const QString text = QString::fromLatin1(toArray(s.printedForm()));
        QVERIFY2(form.match(text).hasMatch(), qPrintable(text));
        const QByteArray utf8 = text.toUtf8();
        auto back = CustodianShare::parsePrinted(SecureBytes(utf8.constData(), std::size_t(utf8.size())));
        QCOMPARE(back.size(), std::size_t(1));
        QCOMPARE(back[0].id(), s.id());
        QVERIFY(back[0].value() == s.value());
        parsed.push_back(std::move(back[0]));
    }
    QVERIFY(PasswordSharing::reconstruct(pick(parsed, {4, 0, 2})) == shared.password);
}

void TestDkekCore::parseVariants_data()
{
    QTest::addColumn<QString>("prime");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<quint32>("expectedId");
    QTest::newRow("as printed") << "ff:0e:2e:17:8f:74:6c:cb" << "1" << QByteArray("e6:fb:13:da:9e:fd:45:07") << 1u;
    QTest::newRow("upper, no colons") << "FF0E2E178F746CCB" << "1" << QByteArray("E6FB13DA9EFD4507") << 1u;
    QTest::newRow("spaces") << " ff 0e 2e 17 8f 74 6c cb " << " 1 " << QByteArray("e6 fb 13 da 9e fd 45 07\n") << 1u;
    QTest::newRow("groups of four") << "ff0e 2e17 8f74 6ccb" << "1" << QByteArray("e6fb 13da 9efd 4507") << 1u;
    QTest::newRow("0x prefix") << "0xff0e2e178f746ccb" << "0x1" << QByteArray("0xe6fb13da9efd4507") << 1u;
    QTest::newRow("colon and space") << "ff: 0e: 2e: 17: 8f: 74: 6c: cb" << "1" << QByteArray("e6: fb:13:da:9e:fd:45:07")
                                     << 1u;
    QTest::newRow("decimal 10") << "ff:0e:2e:17:8f:74:6c:cb" << "10" << QByteArray("01") << 10u;
    QTest::newRow("hex 0x10") << "ff:0e:2e:17:8f:74:6c:cb" << "0x10" << QByteArray("01") << 16u;
    QTest::newRow("hex a") << "ff:0e:2e:17:8f:74:6c:cb" << "a" << QByteArray("1") << 10u;
    QTest::newRow("leading zero value") << "ff:0e:2e:17:8f:74:6c:cb" << "2" << QByteArray("00:00:b5:25") << 2u;
}

void TestDkekCore::parseVariants()
{
    QFETCH(QString, prime);
    QFETCH(QString, id);
    QFETCH(QByteArray, value);
    QFETCH(quint32, expectedId);
    const CustodianShare s =
        CustodianShare::parse(prime, id, SecureBytes(value.constData(), std::size_t(value.size())));
    QCOMPARE(s.prime().toHex(), QByteArray("ff0e2e178f746ccb"));
    QCOMPARE(s.id(), expectedId);
    QVERIFY(s.value().size() >= 1);
    QVERIFY(s.value().data()[0] != 0); // normalized: no leading zero bytes
}

void TestDkekCore::parseRejects_data()
{
    QTest::addColumn<QString>("prime");
    QTest::addColumn<QString>("id");
    QTest::addColumn<QByteArray>("value");
    QTest::addColumn<QString>("sentence");
    const QString p = QStringLiteral("ff:0e:2e:17:8f:74:6c:cb");
    QTest::newRow("mistyped prime") << "ff:0e:2e:17:8f:74:6c:cd" << "1" << QByteArray("01")
                                    << "The prime is not a prime number; it has been mistyped.";
    QTest::newRow("prime not hex") << "ff:0g" << "1" << QByteArray("01")
                                   << "The prime is not a hexadecimal number like ff:0e:2e:17:8f:74:6c:cb.";
    QTest::newRow("empty prime") << "" << "1" << QByteArray("01")
                                 << "The prime is not a hexadecimal number like ff:0e:2e:17:8f:74:6c:cb.";
    // Issue 10: no bound on the prime's length (a long "prime" keeps the worker in
    // BN_check_prime), and mixed group lengths were silently read as one run of digits.
    QTest::newRow("prime 72 bits") << "01:ff:0e:2e:17:8f:74:6c:cb" << "1" << QByteArray("01")
                                   << "The prime has more than 64 bits; it has been mistyped.";
    QTest::newRow("prime 4000 bits") << QString(1000, QLatin1Char('f')) << "1" << QByteArray("01")
                                     << "The prime has more than 64 bits; it has been mistyped.";
    QTest::newRow("prime mixed groups") << "ff0:e2e:17:8f:74:6c:cb" << "1" << QByteArray("01")
                                        << "The prime is not a hexadecimal number like ff:0e:2e:17:8f:74:6c:cb.";
    QTest::newRow("value mixed groups") << p << "1" << QByteArray("e6:fb:13da9:efd:45:07")
                                        << "The share value is not a hexadecimal number like e6:fb:13:da:9e:fd:45:07.";
    QTest::newRow("id 0") << p << "0" << QByteArray("01") << "The share ID must be a number from 1 to 255.";
    QTest::newRow("id 256") << p << "256" << QByteArray("01") << "The share ID must be a number from 1 to 255.";
    QTest::newRow("id text") << p << "one" << QByteArray("01") << "The share ID must be a number from 1 to 255.";
    QTest::newRow("value not hex") << p << "1" << QByteArray("e6:fb:1z")
                                   << "The share value is not a hexadecimal number like e6:fb:13:da:9e:fd:45:07.";
    QTest::newRow("value too big") << p << "1" << QByteArray("ff:0e:2e:17:8f:74:6c:cb")
                                   << "The share value is larger than the prime: it has been mistyped, or it belongs to another prime.";
    QTest::newRow("value 9 bytes") << p << "1" << QByteArray("01:ff:0e:2e:17:8f:74:6c:cb")
                                   << "The share value is larger than the prime: it has been mistyped, or it belongs to another prime.";
}

void TestDkekCore::parseRejects()
{
    QFETCH(QString, prime);
    QFETCH(QString, id);
    QFETCH(QByteArray, value);
    QFETCH(QString, sentence);
    try {
        (void)CustodianShare::parse(prime, id, SecureBytes(value.constData(), std::size_t(value.size())));
        QFAIL("accepted");
    } catch (const DkekError &e) {
        QCOMPARE(e.code(), DkekError::Code::InvalidCustodianShare);
        QCOMPARE(e.message(), sentence);
    }
}

void TestDkekCore::leadingZeroPasswordBothForms()
{
    // A password with first byte 0 (sc-hsm-tool before it cleared only the top bit could
    // make one): reconstruction yields 7 bytes; the 8-byte form is tried first.
    OpenSslRandomSource rng;
    const SecureBytes password = fromHex("00a1b2c3d4e5f607");
    auto shares = PasswordSharing::split(password, 2, 3, rng);
    const SecureBytes reconstructed = PasswordSharing::reconstruct(pick(shares, {1, 2}));
    QCOMPARE(toArray(reconstructed).toHex(), QByteArray("a1b2c3d4e5f607"));
    const auto candidates = PasswordSharing::passwordCandidates(reconstructed);
    QCOMPARE(candidates.size(), std::size_t(2));
    QVERIFY(candidates[0] == password);
    QVERIFY(candidates[1] == reconstructed);

    // Files made with either form open from the custodian shares.
    SecureBytes share(32);
    rng.fill(share.data(), share.size());
    for (int form = 0; form < 2; ++form) {
        const auto file = DkekShareFile::seal(share, candidates[std::size_t(form)], LegacySalt{}, 1);
        const QString path = m_tmp.filePath(QStringLiteral("zero-%1.pbe").arg(form));
        QVERIFY(writeRaw(path, *file));
        OpenShareRequest request;
        request.path = path;
        request.iterations = 1;
        request.fromCustodianShares = true;
        request.passwords = PasswordSharing::passwordCandidates(reconstructed);
        const auto opened = DkekShareJobs::open(request);
        QVERIFY(opened);
        QVERIFY(*opened->share == share);
    }
}

void TestDkekCore::kcvOfCombinedShares()
{
    const SecureBytes a = fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
    const SecureBytes b = fromHex("f0e1d2c3b4a5968778695a4b3c2d1e0f000102030405060708090a0b0c0d0e0f");
    const SecureBytes dkek = combineDkekShares({&a, &b});
    QCOMPARE(toArray(dkek).toHex(), QByteArray("f0e0d0c0b0a09080706050403020100010101010101010101010101010101010"));
    QCOMPARE(formatKeyCheckValue(dkekKeyCheckValue(dkek)), QStringLiteral("F27C8DCF3E46AC42"));
    QCOMPARE(formatKeyCheckValue(dkekKeyCheckValue(a)), QStringLiteral("630DCD2966C43366"));
    // A single share is its own DKEK.
    QCOMPARE(dkekKeyCheckValue(combineDkekShares({&b})), dkekKeyCheckValue(b));
    QCOMPARE(formatKeyCheckValue(dkekKeyCheckValue(b)), QStringLiteral("8C133DE4A69BB782"));
    QVERIFY_THROWS_EXCEPTION(DkekError, combineDkekShares({}));
    const SecureBytes shortShare = fromHex("0011");
    QVERIFY_THROWS_EXCEPTION(DkekError, combineDkekShares({&a, &shortShare}));
}

void TestDkekCore::writerAtomicOwnerOnly()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("share.pbe"));
    ShareFileWriter::write(path, "first", ShareFileWriter::Existing::Keep);
    QCOMPARE(readAll(path), QByteArray("first"));
    QCOMPARE(modeOf(path), 0600);

    // Keep: refuses, and the file is untouched.
    try {
        ShareFileWriter::write(path, "second", ShareFileWriter::Existing::Keep);
        QFAIL("overwrote an existing file");
    } catch (const DkekError &e) {
        QCOMPARE(e.code(), DkekError::Code::FileExists);
    }
    QCOMPARE(readAll(path), QByteArray("first"));

    // Replace: new content and owner-only even if the old file was world-readable.
    QVERIFY(QFile::setPermissions(path, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadOther
                                            | QFileDevice::ReadGroup));
    ShareFileWriter::write(path, "third", ShareFileWriter::Existing::Replace);
    QCOMPARE(readAll(path), QByteArray("third"));
    QCOMPARE(modeOf(path), 0600);

    // A symlink counts as existing (never write through it).
    const QString link = dir.filePath(QStringLiteral("link.pbe"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("nowhere")), link));
    QVERIFY_THROWS_EXCEPTION(DkekError, ShareFileWriter::write(link, "x", ShareFileWriter::Existing::Keep));

    // A missing folder fails with a sentence; no temporary files anywhere.
    try {
        ShareFileWriter::write(dir.filePath(QStringLiteral("missing/share.pbe")), "x", ShareFileWriter::Existing::Keep);
        QFAIL("wrote into a missing folder");
    } catch (const DkekError &e) {
        QCOMPARE(e.code(), DkekError::Code::WriteFailed);
        QVERIFY(e.message().startsWith(QStringLiteral("Could not save")));
    }
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System),
             QStringList({QStringLiteral("link.pbe"), QStringLiteral("share.pbe")}));
}

void TestDkekCore::createJobRoundTrip()
{
    QTemporaryDir dir;
    CreateShareRequest request;
    request.path = dir.filePath(QStringLiteral("new.pbe"));
    request.password = secret("round trip password");
    request.iterations = 1000;
    QFuture<CreateShareResult> f = DkekShareJobs::createAsync(std::move(request));
    f.waitForFinished();
    const CreateShareResult created = f.result();
    QCOMPARE(created.file, readAll(created.path));
    QCOMPARE(modeOf(created.path), 0600);

    OpenShareRequest open;
    open.path = created.path;
    open.passwords.push_back(secret("round trip password"));
    open.iterations = 1000;
    const auto opened = DkekShareJobs::open(open);
    QVERIFY(opened);
    QCOMPARE(opened->kcv, created.kcv);
    QCOMPARE(dkekKeyCheckValue(*opened->share), created.kcv);

    // An existing destination fails at once, before the 10M derivation.
    CreateShareRequest again;
    again.path = created.path;
    again.password = secret("round trip password");
    QElapsedTimer timer;
    timer.start();
    QVERIFY_THROWS_EXCEPTION(DkekError, DkekShareJobs::create(again));
    QVERIFY(timer.elapsed() < 1000);
    QCOMPARE(readAll(created.path), created.file);
}

void TestDkekCore::createJobCancelLeavesNothing()
{
    QTemporaryDir dir;
    CreateShareRequest request;
    request.path = dir.filePath(QStringLiteral("cancelled.pbe"));
    request.password = secret("cancel me please");
    request.iterations = kDkekShareIterations;
    QFuture<CreateShareResult> f = DkekShareJobs::createAsync(std::move(request));
    QFutureWatcher<CreateShareResult> watcher;
    QSignalSpy progress(&watcher, &QFutureWatcher<CreateShareResult>::progressValueChanged);
    QSignalSpy finished(&watcher, &QFutureWatcher<CreateShareResult>::finished);
    watcher.setFuture(f);
    QVERIFY(progress.wait(10000)); // the derivation is running
    QElapsedTimer timer;
    timer.start();
    f.cancel();
    QVERIFY(finished.count() > 0 || finished.wait(1000));
    QVERIFY2(timer.elapsed() < 1000, "the worker did not stop within a second");
    QVERIFY(f.isCanceled());
    QVERIFY(f.progressValue() < DkekShareJobs::kProgressMaximum);
    QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::System).isEmpty());
}

void TestDkekCore::validatorAndStrength()
{
    QTemporaryDir dir;
    CreateShareParams p;
    QCOMPARE(CreateShareValidator::checkDestination(p), QStringLiteral("Choose where to save the DKEK share file."));
    p.path = dir.filePath(QStringLiteral("a.pbe"));
    QVERIFY(CreateShareValidator::check(p).isEmpty());
    QVERIFY(writeRaw(p.path, "x"));
    QVERIFY(CreateShareValidator::checkDestination(p).contains(QStringLiteral("already exists")));
    p.replaceExisting = true;
    QVERIFY(CreateShareValidator::checkDestination(p).isEmpty());
    p.path = dir.path();
    QVERIFY(CreateShareValidator::checkDestination(p).contains(QStringLiteral("is a folder")));
    p.path = dir.filePath(QStringLiteral("no/such/a.pbe"));
    QVERIFY(CreateShareValidator::checkDestination(p).contains(QStringLiteral("does not exist")));

    p.path = dir.filePath(QStringLiteral("b.pbe"));
    p.protection = CreateShareParams::Protection::CustodianShares;
    p.threshold = 4;
    p.total = 3;
    QVERIFY(!CreateShareValidator::check(p).isEmpty());
    p.threshold = 2;
    QVERIFY(CreateShareValidator::check(p).isEmpty());

    QCOMPARE(CreateShareValidator::checkPassword(secret("abc"), secret("abc")),
             QStringLiteral("The password must have at least 6 characters."));
    QCOMPARE(CreateShareValidator::checkPassword(secret("abcdefgh"), secret("abcdefgX")),
             QStringLiteral("The two passwords differ."));
    QVERIFY(CreateShareValidator::checkPassword(secret("abcdefgh"), secret("abcdefgh")).isEmpty());

    QCOMPARE(PasswordStrength::estimate(secret("abc")).level, PasswordStrength::Level::TooShort);
    QCOMPARE(PasswordStrength::estimate(secret("aaaaaaa")).level, PasswordStrength::Level::Weak);
    QCOMPARE(PasswordStrength::estimate(secret("abcdefgh")).level, PasswordStrength::Level::Weak);
    QCOMPARE(PasswordStrength::estimate(secret("Tr0ub4dor&3x")).level, PasswordStrength::Level::Fair);
    QCOMPARE(PasswordStrength::estimate(secret("correct horse battery staple 42!")).level,
             PasswordStrength::Level::Strong);
    // Six characters count as six, whatever their UTF-8 length.
    QVERIFY(PasswordStrength::estimate(secret("\xc3\xa4\xc3\xb6\xc3\xbc\xc3\x9f\xe2\x82\xac\xc3\xa9")).level
            != PasswordStrength::Level::TooShort);
}

QTEST_GUILESS_MAIN(TestDkekCore)
#include "tst_dkekcore.moc"
