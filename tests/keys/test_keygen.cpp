// SPDX-License-Identifier: GPL-3.0-or-later
// Key generation: what the token offers, the validator, and keys made through
// core as pkcs11-tool and openssl see them.
#include "keytestbench.h"

#include "inventory/scanner.h"
#include "keys/hexid.h"
#include "keys/keyalgorithm.h"
#include "keys/keygenerator.h"
#include "keys/keygenvalidator.h"
#include "keys/keyoperationerror.h"
#include "p11/session.h"

#include <QCryptographicHash>
#include <QTest>

namespace {
MechanismInfo mech(CK_MECHANISM_TYPE t, CK_ULONG lo, CK_ULONG hi)
{
    MechanismInfo m;
    m.type = t;
    m.info.ulMinKeySize = lo;
    m.info.ulMaxKeySize = hi;
    m.info.flags = CKF_GENERATE_KEY_PAIR;
    return m;
}

QStringList ids(const std::vector<KeyAlgorithm> &algs)
{
    QStringList out;
    for (const KeyAlgorithm &a : algs)
        out << a.id();
    return out;
}
} // namespace

class TestKeyGen : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    TokenRef m_token;
    const QString kLabel = QStringLiteral("KeyGen");

    GeneratedKey generate(const KeyGenSpec &spec)
    {
        return m_bench.onToken<GeneratedKey>(
            m_token, [spec](Session &s, const CK_TOKEN_INFO &info) { return generateKeyPair(s, info, spec); });
    }

private Q_SLOTS:
    void initTestCase() { m_token = m_bench.addToken(kLabel); }

    void hexIds()
    {
        QCOMPARE(HexId::parse(QStringLiteral("01:AB")).value(), QByteArray::fromHex("01ab"));
        QCOMPARE(HexId::parse(QStringLiteral(" 0x01ab ")).value(), QByteArray::fromHex("01ab"));
        QCOMPARE(HexId::parse(QStringLiteral("01 ab-cd")).value(), QByteArray::fromHex("01abcd"));
        QVERIFY(HexId::parse(QStringLiteral("")).value().isEmpty());
        QVERIFY(!HexId::parse(QStringLiteral("1ab")));
        QVERIFY(!HexId::parse(QStringLiteral("zz")));
        QVERIFY(!HexId::parse(QStringLiteral("٠١"))); // Arabic-Indic digits are digits, not hex
        QCOMPARE(HexId::format(QByteArray::fromHex("00ff")), QStringLiteral("00ff"));
    }

    void offeredFromSyntheticLists()
    {
        // A smart card that does RSA 1024-2048 and nothing else.
        QCOMPARE(ids(KeyAlgorithm::offeredBy({mech(CKM_RSA_PKCS_KEY_PAIR_GEN, 1024, 2048)})),
                 QStringList({QStringLiteral("rsa-2048"), QStringLiteral("rsa-1024")}));
        // A module that leaves the size fields empty rules nothing out.
        QCOMPARE(ids(KeyAlgorithm::offeredBy({mech(CKM_RSA_PKCS_KEY_PAIR_GEN, 0, 0)})).size(), 4);
        // Byte-sized limits (vendor quirk) are read as bytes.
        QVERIFY(ids(KeyAlgorithm::offeredBy({mech(CKM_RSA_PKCS_KEY_PAIR_GEN, 128, 256)})).contains(QStringLiteral("rsa-2048")));
        // EC up to 384 bits: no P-521, no brainpoolP512r1.
        const QStringList ec = ids(KeyAlgorithm::offeredBy({mech(CKM_EC_KEY_PAIR_GEN, 256, 384)}));
        QVERIFY(ec.contains(QStringLiteral("ec-prime256v1")));
        QVERIFY(ec.contains(QStringLiteral("ec-secp384r1")));
        QVERIFY(!ec.contains(QStringLiteral("ec-secp521r1")));
        QVERIFY(!ec.contains(QStringLiteral("ec-brainpoolP512r1")));
        QVERIFY(!ec.contains(QStringLiteral("rsa-2048")));
        QVERIFY(KeyAlgorithm::offeredBy({}).empty());
        QVERIFY(KeyAlgorithm::rsa(1024).legacy);
        QVERIFY(!KeyAlgorithm::ec("secp256k1").certainlySupported);
        QVERIFY(KeyAlgorithm::ec("prime256v1").certainlySupported);
        QCOMPARE(KeyAlgorithm::fromId(QStringLiteral("ec-secp384r1"))->displayName(), QStringLiteral("EC P-384"));
        QVERIFY(!KeyAlgorithm::fromId(QStringLiteral("rsa-1000")));
        // CKA_EC_PARAMS is the DER OID, as openssl prints it.
        QCOMPARE(KeyAlgorithm::ec("prime256v1").ecParams().toHex(), QByteArray("06082a8648ce3d030107"));
        QCOMPARE(KeyAlgorithm::ed25519().ecParams().toHex(), QByteArray("06032b6570"));
    }

    void offeredBySoftHsm()
    {
        const std::vector<KeyAlgorithm> offered = m_bench.onToken<std::vector<KeyAlgorithm>>(
            m_token, [](Session &s, const CK_TOKEN_INFO &) {
                return KeyAlgorithm::offeredBy(Scanner::readMechanisms(s.module(), s.slot()));
            });
        const QStringList got = ids(offered);
        for (const char *want : {"rsa-2048", "rsa-3072", "rsa-4096", "rsa-1024", "ec-prime256v1", "ec-secp384r1",
                                 "ec-secp521r1", "ed25519"})
            QVERIFY2(got.contains(QLatin1String(want)), want);
        QCOMPARE(got.first(), QStringLiteral("rsa-2048")); // the default comes first
    }

    void validator_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("id");
        QTest::addColumn<bool>("legacy");
        QTest::addColumn<bool>("decrypt");
        QTest::addColumn<QString>("expected"); // part of the sentence; empty: valid
        QTest::newRow("ok") << "rsa-2048" << "Web" << "" << false << true << "";
        QTest::newRow("ok with id") << "ec-prime256v1" << "Web" << "0a0b" << false << false << "";
        QTest::newRow("no label") << "rsa-2048" << "" << "" << false << true << "Give the key a label";
        QTest::newRow("space") << "rsa-2048" << "Web " << "" << false << true << "starts or ends with a space";
        QTest::newRow("bad hex") << "rsa-2048" << "Web" << "xyz" << false << true << "hexadecimal";
        QTest::newRow("collision") << "rsa-2048" << "Web" << "01:02" << false << true << "already used";
        QTest::newRow("legacy") << "rsa-1024" << "Web" << "" << false << true << "too weak";
        QTest::newRow("legacy accepted") << "rsa-1024" << "Web" << "" << true << true << "";
        QTest::newRow("EC decrypt") << "ec-prime256v1" << "Web" << "" << false << true << "cannot decrypt";
        QTest::newRow("not offered") << "rsa-3072" << "Web" << "" << false << true << "cannot generate";
    }
    void validator()
    {
        QFETCH(QString, algorithm);
        QFETCH(QString, label);
        QFETCH(QString, id);
        QFETCH(bool, legacy);
        QFETCH(bool, decrypt);
        QFETCH(QString, expected);
        KeyGenSpec spec = KeyGenSpec::defaultsFor(*KeyAlgorithm::fromId(algorithm));
        spec.label = label;
        spec.idHex = id;
        spec.acceptLegacy = legacy;
        spec.decrypt = decrypt;
        const std::vector<KeyAlgorithm> offered{KeyAlgorithm::rsa(2048), KeyAlgorithm::rsa(1024),
                                                KeyAlgorithm::ec("prime256v1")};
        const QString message = KeyGenValidator::check(spec, offered, {QByteArray::fromHex("0102")});
        if (expected.isEmpty())
            QVERIFY2(message.isEmpty(), qPrintable(message));
        else
            QVERIFY2(message.contains(expected), qPrintable(message));
    }

    void alwaysAuthenticateNeedsAPrivateObject()
    {
        // SoftHSM refuses the pair (CKR_TEMPLATE_INCONSISTENT); the wizard says why first.
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
        spec.label = QStringLiteral("pin each time");
        spec.alwaysAuthenticate = true;
        QVERIFY(KeyGenValidator::checkAttributes(spec).isEmpty());
        spec.privateObject = false;
        QVERIFY(KeyGenValidator::checkAttributes(spec).contains(QLatin1String("private object")));
    }

    void defaultsFitTheAlgorithm()
    {
        const KeyGenSpec rsa = KeyGenSpec::defaultsFor(KeyAlgorithm::rsa(2048));
        QVERIFY(rsa.sign && rsa.decrypt && !rsa.derive && !rsa.unwrap);
        QVERIFY(rsa.sensitive && !rsa.extractable && rsa.privateObject && !rsa.alwaysAuthenticate);
        const KeyGenSpec ec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
        QVERIFY(ec.sign && !ec.decrypt && ec.derive);
        const KeyGenSpec ed = KeyGenSpec::defaultsFor(KeyAlgorithm::ed25519());
        QVERIFY(ed.sign && !ed.decrypt && !ed.derive);
    }

    void rsaKeyWithDerivedId()
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::rsa(2048));
        spec.label = QStringLiteral("rsa web key");
        const GeneratedKey key = generate(spec);
        QVERIFY(key.idDerived);
        QCOMPARE(key.publicKey.bits(), 2048);
        QVERIFY(key.privateKeyUri.contains(QLatin1String("type=private")));
        QVERIFY(key.privateKeyUri.contains(QLatin1String("token=KeyGen")));

        // Oracle 1: openssl's modulus of the public key pkcs11-tool reads back; SHA-1 of it is the ID (OpenSC's rule).
        const QString der = m_bench.path(QStringLiteral("rsa-pub.der"));
        m_bench.hsm().pkcs11Tool(kLabel, {QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"),
                                          QStringLiteral("--id"), HexId::format(key.id), QStringLiteral("-o"), der});
        const QByteArray modulusLine = KeyTestBench::openssl({QStringLiteral("rsa"), QStringLiteral("-pubin"), QStringLiteral("-inform"),
                                                              QStringLiteral("DER"), QStringLiteral("-in"), der,
                                                              QStringLiteral("-noout"), QStringLiteral("-modulus")});
        const QByteArray modulus = QByteArray::fromHex(modulusLine.trimmed().mid(int(qstrlen("Modulus="))));
        QCOMPARE(modulus.size(), 256);
        QCOMPARE(key.id, QCryptographicHash::hash(modulus, QCryptographicHash::Sha1));

        // Oracle 2: pkcs11-tool shows both objects with that ID and the safe attributes.
        const QList<ToolObject> objects = m_bench.toolObjects(kLabel);
        const ToolObject *priv = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object; RSA"), spec.label);
        const ToolObject *pub = KeyTestBench::findTool(objects, QStringLiteral("Public Key Object; RSA 2048"), spec.label);
        QVERIFY(priv && pub);
        QCOMPARE(priv->id, HexId::format(key.id));
        QCOMPARE(pub->id, HexId::format(key.id));
        QVERIFY2(priv->access.contains(QLatin1String("sensitive")), qPrintable(priv->access));
        QVERIFY2(priv->access.contains(QLatin1String("never extractable")), qPrintable(priv->access));
        QVERIFY2(priv->access.contains(QLatin1String("local")), qPrintable(priv->access));
        QVERIFY2(priv->usage.contains(QLatin1String("sign")) && priv->usage.contains(QLatin1String("decrypt")),
                 qPrintable(priv->usage));
        QVERIFY2(!priv->usage.contains(QLatin1String("unwrap")), qPrintable(priv->usage));
    }

    void ecKeyWithChosenIdAndCollision()
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
        spec.label = QStringLiteral("ec key");
        spec.idHex = QStringLiteral("a1:b2");
        const GeneratedKey key = generate(spec);
        QVERIFY(!key.idDerived);
        QCOMPARE(key.id, QByteArray::fromHex("a1b2"));
        QCOMPARE(key.publicKey.curveName(), QStringLiteral("P-256 (prime256v1)"));
        const QList<ToolObject> objects = m_bench.toolObjects(kLabel);
        const ToolObject *priv = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object; EC"), spec.label);
        QVERIFY(priv);
        QCOMPARE(priv->id, QStringLiteral("a1b2"));
        QVERIFY2(priv->usage.contains(QLatin1String("derive")), qPrintable(priv->usage));

        // The same ID again: refused on the worker, and nothing is left behind.
        const int before = int(objects.size());
        spec.label = QStringLiteral("second ec key");
        try {
            generate(spec);
            QFAIL("a colliding ID was accepted");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::IdCollision);
            QVERIFY2(e.message().contains(QLatin1String("a1b2")), qPrintable(e.message()));
        }
        QCOMPARE(m_bench.toolObjectCount(kLabel), before);
    }

    void ed25519Key()
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ed25519());
        spec.label = QStringLiteral("ed key");
        const GeneratedKey key = generate(spec);
        QCOMPARE(key.publicKey.algorithm(), PublicKey::Algorithm::Ed25519);
        QCOMPARE(key.id.size(), 20);
    }

    void invalidSpecIsRefusedOnTheWorkerToo()
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::rsa(1024));
        spec.label = QStringLiteral("weak");
        const int before = m_bench.toolObjectCount(kLabel);
        try {
            generate(spec);
            QFAIL("RSA-1024 without the legacy confirmation was generated");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::InvalidInput);
        }
        QCOMPARE(m_bench.toolObjectCount(kLabel), before);
    }
};

QTEST_GUILESS_MAIN(TestKeyGen)
#include "test_keygen.moc"
