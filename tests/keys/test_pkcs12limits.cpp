// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 10: a PKCS#12 file's iteration counts come from the file. A hostile one asks
// for 2^31 rounds (or an scrypt cost of hours) in its integrity check, its encrypted
// contents or a shrouded key, and would keep the import worker busy for hours. Each
// such file is refused with its sentence before any derivation runs; the same file
// with an ordinary count is not refused for that reason (it then fails or opens as
// its contents allow), so the check keys on the count and nothing else.
//
// The hostile files are assembled here with OpenSSL's structure functions, which set
// the algorithm parameters without deriving anything (building a real file with 2^31
// rounds would itself take hours). The shrouded keys carry random bytes as their
// ciphertext: nothing may try to decrypt them.
#include "keys/keyoperationerror.h"
#include "keys/pkcs12import.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/pkcs7.h>
#include <openssl/rand.h>
#include <openssl/x509.h>

#include <functional>

namespace {
const char kPassword[] = "limits";
constexpr int kHuge = 0x7fffffff;
constexpr int kOrdinary = 2048;

const QString kDerivationRefused = QStringLiteral("more key derivation work");
const QString kMacRefused = QStringLiteral("more iterations in its integrity check");

using AlgorMaker = std::function<X509_ALGOR *(int rounds)>;

X509_ALGOR *pbkdf2(int rounds)
{
    return PKCS5_pbe2_set_iv(EVP_aes_256_cbc(), rounds, nullptr, 0, nullptr, NID_hmacWithSHA256);
}
X509_ALGOR *pkcs12Pbe(int rounds)
{
    return PKCS5_pbe_set(NID_pbe_WithSHA1And3_Key_TripleDES_CBC, rounds, nullptr, 8);
}
// scrypt with N = 2^14, r = 1 and a parallelization of "rounds / 512": little memory
// (OpenSSL checks that), but N·r·p = 2^26 for the hostile case, seconds to hours of work.
X509_ALGOR *scrypt(int rounds)
{
    const uint64_t p = rounds == kHuge ? 4096 : 1;
    return PKCS5_pbe2_set_scrypt(EVP_aes_256_cbc(), nullptr, 0, nullptr, 16384, 1, p);
}

QByteArray randomBytes(int n)
{
    QByteArray out(n, '\0');
    RAND_bytes(reinterpret_cast<unsigned char *>(out.data()), n);
    return out;
}

// A shrouded key bag whose encryption is `alg` (taken over) and whose ciphertext is random.
PKCS12_SAFEBAG *shroudedKey(X509_ALGOR *alg)
{
    X509_SIG *sig = X509_SIG_new();
    X509_ALGOR *sigAlg = nullptr;
    ASN1_OCTET_STRING *digest = nullptr;
    X509_SIG_getm(sig, &sigAlg, &digest);
    X509_ALGOR_copy(sigAlg, alg);
    X509_ALGOR_free(alg);
    const QByteArray junk = randomBytes(96);
    ASN1_OCTET_STRING_set(digest, reinterpret_cast<const unsigned char *>(junk.constData()), int(junk.size()));
    return PKCS12_SAFEBAG_create0_pkcs8(sig);
}

STACK_OF(PKCS12_SAFEBAG) *bagsOf(PKCS12_SAFEBAG *bag)
{
    STACK_OF(PKCS12_SAFEBAG) *bags = sk_PKCS12_SAFEBAG_new_null();
    sk_PKCS12_SAFEBAG_push(bags, bag);
    return bags;
}

// Plain-data contents holding `bag` (taken over). PKCS12_pack_p7data encodes the bag list
// and leaves it to the caller.
PKCS7 *dataContents(PKCS12_SAFEBAG *bag)
{
    STACK_OF(PKCS12_SAFEBAG) *bags = bagsOf(bag);
    PKCS7 *p7 = PKCS12_pack_p7data(bags);
    sk_PKCS12_SAFEBAG_pop_free(bags, PKCS12_SAFEBAG_free);
    return p7;
}

// Encrypted contents whose encryption is `alg` (taken over), with random ciphertext.
PKCS7 *encryptedContents(X509_ALGOR *alg)
{
    PKCS7 *p7 = PKCS7_new();
    PKCS7_set_type(p7, NID_pkcs7_encrypted);
    PKCS7_ENC_CONTENT *ec = p7->d.encrypted->enc_data;
    X509_ALGOR_copy(ec->algorithm, alg);
    X509_ALGOR_free(alg);
    if (!ec->enc_data)
        ec->enc_data = ASN1_OCTET_STRING_new();
    const QByteArray junk = randomBytes(64);
    ASN1_OCTET_STRING_set(ec->enc_data, reinterpret_cast<const unsigned char *>(junk.constData()), int(junk.size()));
    return p7;
}

QByteArray fileOf(std::initializer_list<PKCS7 *> contents, int macRounds = 0)
{
    STACK_OF(PKCS7) *safes = sk_PKCS7_new_null();
    for (PKCS7 *p7 : contents)
        sk_PKCS7_push(safes, p7);
    PKCS12 *p12 = PKCS12_add_safes(safes, 0);
    sk_PKCS7_pop_free(safes, PKCS7_free);
    if (macRounds) // the MAC's fields only; its value is not computed (that would run the rounds)
        PKCS12_setup_mac(p12, macRounds, nullptr, 8, EVP_sha256());
    unsigned char *der = nullptr;
    const int len = i2d_PKCS12(p12, &der);
    PKCS12_free(p12);
    QByteArray out(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return out;
}

// The sentence inspectPkcs12 refuses the file with ("" when it opens).
QString refusal(const QByteArray &file)
{
    try {
        inspectPkcs12(file, SecureBytes::fromUtf8(kPassword));
        return {};
    } catch (const KeyOperationError &e) {
        return e.message();
    }
}
} // namespace

class TestPkcs12Limits : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void hostileCountsAreRefused_data()
    {
        QTest::addColumn<QString>("where");
        QTest::addColumn<AlgorMaker>("algorithm");
        QTest::newRow("shrouded key, PBES2/PBKDF2") << "key" << AlgorMaker(pbkdf2);
        QTest::newRow("shrouded key, PKCS#12 PBE 3DES") << "key" << AlgorMaker(pkcs12Pbe);
        QTest::newRow("shrouded key, PBES2/scrypt") << "key" << AlgorMaker(scrypt);
        QTest::newRow("encrypted contents, PBES2/PBKDF2") << "contents" << AlgorMaker(pbkdf2);
        QTest::newRow("encrypted contents, PKCS#12 PBE 3DES") << "contents" << AlgorMaker(pkcs12Pbe);
        QTest::newRow("encrypted contents, PBES2/scrypt") << "contents" << AlgorMaker(scrypt);
        // The key is inside contents encrypted with an ordinary count and the right
        // password: it is seen, and refused, only after that decryption.
        QTest::newRow("shrouded key inside encrypted contents") << "nested" << AlgorMaker(pbkdf2);
    }
    void hostileCountsAreRefused()
    {
        QFETCH(QString, where);
        QFETCH(AlgorMaker, algorithm);
        const auto build = [&](int rounds) {
            if (where == QLatin1String("key"))
                return fileOf({dataContents(shroudedKey(algorithm(rounds)))});
            if (where == QLatin1String("contents"))
                return fileOf({encryptedContents(algorithm(rounds))});
            STACK_OF(PKCS12_SAFEBAG) *inner = bagsOf(shroudedKey(algorithm(rounds)));
            PKCS7 *outer = PKCS12_pack_p7encdata(NID_aes_256_cbc, kPassword, -1, nullptr, 8, kOrdinary, inner);
            sk_PKCS12_SAFEBAG_pop_free(inner, PKCS12_SAFEBAG_free);
            return fileOf({outer});
        };
        const QString hostile = refusal(build(kHuge));
        QVERIFY2(hostile.contains(kDerivationRefused), qPrintable(hostile));
        QVERIFY2(hostile.contains(QStringLiteral("it was not opened")), qPrintable(hostile));
        // The same structure with an ordinary count goes on to the decryption (random
        // ciphertext: it fails there, with another sentence).
        const QString ordinary = refusal(build(kOrdinary));
        QVERIFY2(!ordinary.isEmpty() && !ordinary.contains(kDerivationRefused), qPrintable(ordinary));
    }

    void hostileMacCountIsRefused()
    {
        const auto build = [](int macRounds) {
            return fileOf({dataContents(shroudedKey(pbkdf2(kOrdinary)))}, macRounds);
        };
        const QString hostile = refusal(build(kHuge));
        QVERIFY2(hostile.contains(kMacRefused), qPrintable(hostile));
        const QString ordinary = refusal(build(kOrdinary)); // the MAC value was never computed: "wrong password"
        QVERIFY2(!ordinary.isEmpty() && !ordinary.contains(kMacRefused), qPrintable(ordinary));
    }

    // Real exports open: openssl's defaults, a hardened 1,000,000 rounds, and the legacy
    // RC2/3DES form of older Windows and OpenSSL.
    void ordinaryFilesOpen_data()
    {
        QTest::addColumn<QStringList>("options");
        QTest::newRow("openssl defaults") << QStringList{};
        QTest::newRow("1,000,000 rounds") << QStringList{QStringLiteral("-iter"), QStringLiteral("1000000")};
        QTest::newRow("legacy 3DES/RC2") << QStringList{QStringLiteral("-legacy")};
    }
    void ordinaryFilesOpen()
    {
        QFETCH(QStringList, options);
        QTemporaryDir dir;
        const QString key = dir.filePath(QStringLiteral("k.pem")), crt = dir.filePath(QStringLiteral("c.pem")),
                      p12 = dir.filePath(QStringLiteral("f.p12"));
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                                    QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                                    QStringLiteral("-keyout"), key, QStringLiteral("-subj"), QStringLiteral("/CN=limits"),
                                    QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-out"), crt}),
                 0);
        QCOMPARE(QProcess::execute(QStringLiteral("openssl"),
                                   QStringList{QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                                               QStringLiteral("-in"), crt, QStringLiteral("-passout"),
                                               QStringLiteral("pass:") + QLatin1String(kPassword), QStringLiteral("-out"), p12}
                                       + options),
                 0);
        QFile f(p12);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QString result = refusal(f.readAll());
        QVERIFY2(result.isEmpty(), qPrintable(result));
    }
};

QTEST_GUILESS_MAIN(TestPkcs12Limits)
#include "test_pkcs12limits.moc"
