// SPDX-License-Identifier: GPL-3.0-or-later
// core/operations without any widget: each operation is started with a plain
// request and its result arrives through the QFuture's continuation on this
// thread, the way the UI receives it. pkcs11-tool -O judges what the token holds.
#include "keytestbench.h"

#include "keys/hexid.h"
#include "keys/keyalgorithm.h"
#include "keys/keyoperationerror.h"
#include "operations/tokenoperations.h"
#include "p11/pkcs11error.h"

#include <QTest>

#include <optional>

namespace {
constexpr int kTimeoutMs = 120000; // RSA generation on a loaded machine
} // namespace

class TestTokenOperations : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    TokenRef m_token;
    const QString kLabel = QStringLiteral("Operations");

    ObjectInfo privateKey(const QString &label)
    {
        for (const ObjectInfo &o : m_bench.contents(m_token).objects)
            if (o.cls == CKO_PRIVATE_KEY && o.labelText() == label)
                return o;
        return {};
    }

private Q_SLOTS:
    void initTestCase() { m_token = m_bench.addToken(kLabel); }

    void loginState()
    {
        std::optional<TokenOperations::LoginState> state;
        TokenOperations::loginState(m_bench.inventory(), m_token)
            .then(this, [&](const TokenOperations::LoginState &s) { state = s; });
        QTRY_VERIFY_WITH_TIMEOUT(state.has_value(), kTimeoutMs);
        QVERIFY(state->loggedIn); // the bench logged in as the user
        QCOMPARE(state->as, CKU_USER);
    }

    void generateKeyPair_data()
    {
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<QString>("label");
        QTest::addColumn<QString>("idHex");
        QTest::addColumn<bool>("decrypt");
        QTest::addColumn<bool>("derive");
        QTest::addColumn<QString>("toolHeader");
        QTest::newRow("rsa-2048 sign+decrypt, given ID")
            << "rsa-2048" << "op-rsa" << "a1b2" << true << false << "Private Key Object; RSA";
        QTest::newRow("rsa-2048 sign only, derived ID")
            << "rsa-2048" << "op-rsa-sign" << "" << false << false << "Private Key Object; RSA";
        QTest::newRow("ec-prime256v1 sign only") << "ec-prime256v1" << "op-ec" << "0c01" << false << false
                                                 << "Private Key Object; EC";
        QTest::newRow("ec-secp384r1 sign+derive") << "ec-secp384r1" << "op-ec-derive" << "" << false << true
                                                  << "Private Key Object; EC";
    }
    void generateKeyPair()
    {
        QFETCH(QString, algorithm);
        QFETCH(QString, label);
        QFETCH(QString, idHex);
        QFETCH(bool, decrypt);
        QFETCH(bool, derive);
        QFETCH(QString, toolHeader);
        KeyGenSpec spec = KeyGenSpec::defaultsFor(*KeyAlgorithm::fromId(algorithm));
        spec.label = label;
        spec.idHex = idHex;
        spec.decrypt = decrypt;
        spec.derive = derive;

        std::optional<GeneratedKey> key;
        QString failure;
        TokenOperations::generateKeyPair(m_bench.inventory(), m_token, spec)
            .then(this, [&](const GeneratedKey &k) { key = k; })
            .onCanceled(this, [&] { failure = QStringLiteral("canceled"); })
            .onFailed(this, [&](const std::exception &e) { failure = QString::fromUtf8(e.what()); });
        QTRY_VERIFY_WITH_TIMEOUT(key.has_value() || !failure.isEmpty(), kTimeoutMs);
        QVERIFY2(failure.isEmpty(), qPrintable(failure));
        QCOMPARE(key->label, label);
        QCOMPARE(key->idDerived, idHex.isEmpty());
        if (!idHex.isEmpty())
            QCOMPARE(HexId::format(key->id), idHex);

        // The consumers' view, not ours.
        const QList<ToolObject> objects = m_bench.toolObjects(kLabel);
        const ToolObject *priv = KeyTestBench::findTool(objects, toolHeader, label);
        QVERIFY2(priv, qPrintable(label));
        QCOMPARE(priv->id, HexId::format(key->id));
        QVERIFY2(priv->usage.contains(QLatin1String("sign")), qPrintable(priv->usage));
        QCOMPARE(priv->usage.contains(QLatin1String("decrypt")), decrypt);
        QCOMPARE(priv->usage.contains(QLatin1String("derive")), derive);
        QVERIFY2(priv->access.contains(QLatin1String("never extractable")), qPrintable(priv->access));
        const QString pubHeader = QString(toolHeader).replace(QLatin1String("Private"), QLatin1String("Public"));
        const ToolObject *pub = KeyTestBench::findTool(objects, pubHeader, label);
        QVERIFY2(pub, qPrintable(label));
        QCOMPARE(pub->id, HexId::format(key->id));
    }

    void renameThenDelete()
    {
        const ObjectInfo key = privateKey(QStringLiteral("op-ec"));
        QVERIFY(key.handle != CK_INVALID_HANDLE);

        KeyRename rename{key.id, QStringLiteral("op-ec-renamed"), QStringLiteral("0c02")};
        std::optional<std::vector<ObjectInfo>> renamed;
        TokenOperations::renameKeyPair(m_bench.inventory(), m_token, rename)
            .then(this, [&](const std::vector<ObjectInfo> &now) { renamed = now; });
        QTRY_VERIFY_WITH_TIMEOUT(renamed.has_value(), kTimeoutMs);
        QCOMPARE(renamed->size(), std::size_t(2)); // the private and the public key
        QList<ToolObject> objects = m_bench.toolObjects(kLabel);
        QVERIFY(!KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), QStringLiteral("op-ec")));
        const ToolObject *priv =
            KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), QStringLiteral("op-ec-renamed"));
        QVERIFY(priv);
        QCOMPARE(priv->id, QStringLiteral("0c02"));

        const int before = int(objects.size());
        const DeletionPlan plan = planDeletion(m_bench.contents(m_token), privateKey(QStringLiteral("op-ec-renamed")), true);
        QCOMPARE(plan.objects.size(), std::size_t(2));
        std::optional<int> deleted;
        TokenOperations::deleteObjects(m_bench.inventory(), m_token, plan).then(this, [&](int n) { deleted = n; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted.has_value(), kTimeoutMs);
        QCOMPARE(*deleted, 2);
        objects = m_bench.toolObjects(kLabel);
        QCOMPARE(int(objects.size()), before - 2);
        for (const ToolObject &o : objects)
            QVERIFY2(o.label != QLatin1String("op-ec-renamed"), qPrintable(o.header));
    }

    // A stale plan (its objects already gone) is refused as a whole, and the
    // refusal arrives in the future, not as an exception out of the call.
    void failureArrivesInTheFuture()
    {
        const DeletionPlan plan = planDeletion(m_bench.contents(m_token), privateKey(QStringLiteral("op-rsa")), true);
        QCOMPARE(plan.objects.size(), std::size_t(2));
        std::optional<int> first;
        TokenOperations::deleteObjects(m_bench.inventory(), m_token, plan).then(this, [&](int n) { first = n; });
        QTRY_VERIFY_WITH_TIMEOUT(first.has_value(), kTimeoutMs);
        const int after = m_bench.toolObjectCount(kLabel);

        std::optional<KeyOperationError::Kind> kind;
        bool other = false;
        TokenOperations::deleteObjects(m_bench.inventory(), m_token, plan)
            .then(this, [&](int) { other = true; })
            .onFailed(this, [&](const KeyOperationError &e) { kind = e.kind(); })
            .onFailed(this, [&] { other = true; });
        QTRY_VERIFY_WITH_TIMEOUT(kind.has_value() || other, kTimeoutMs);
        QVERIFY(!other);
        QCOMPARE(*kind, KeyOperationError::Kind::TokenChanged);
        QCOMPARE(m_bench.toolObjectCount(kLabel), after); // nothing else went
    }

    // A token core does not know: a failed future with the PKCS#11 code, no throw.
    void unknownToken()
    {
        TokenRef ghost = m_token;
        ghost.id.serial = QStringLiteral("no-such-serial");
        std::optional<CK_RV> rv;
        bool other = false;
        TokenOperations::renameKeyPair(m_bench.inventory(), ghost, KeyRename{QByteArray::fromHex("a1b2"), QStringLiteral("x"), {}})
            .then(this, [&](const std::vector<ObjectInfo> &) { other = true; })
            .onFailed(this, [&](const Pkcs11Error &e) { rv = e.rv(); })
            .onFailed(this, [&] { other = true; });
        QTRY_VERIFY_WITH_TIMEOUT(rv.has_value() || other, kTimeoutMs);
        QVERIFY(!other);
        QCOMPARE(*rv, CKR_TOKEN_NOT_PRESENT);
        const ToolObject *stillThere = nullptr;
        const QList<ToolObject> objects = m_bench.toolObjects(kLabel);
        stillThere = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), QStringLiteral("op-rsa-sign"));
        QVERIFY(stillThere); // nothing renamed anywhere
    }
};

QTEST_GUILESS_MAIN(TestTokenOperations)
#include "test_tokenoperations.moc"
