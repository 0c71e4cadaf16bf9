// SPDX-License-Identifier: GPL-3.0-or-later
// Issue 8: every usage and flag the key generation wizard offers reaches the token
// exactly, for every algorithm SoftHSM offers. pkcs11-tool -O is the judge: its
// "Usage:" and "Access:" lines, and whether the private key is listed before login.
#include "keytestbench.h"
#include "keyusageoracle.h"

#include "inventory/scanner.h"
#include "keys/hexid.h"
#include "keys/keygenerator.h"
#include "keys/keygenvalidator.h"
#include "keys/keyoperationerror.h"
#include "keys/tokenobjects.h"
#include "p11/module.h"
#include "p11/session.h"

#include <QTest>

class TestKeyGenUsages : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    TokenRef m_token;
    std::vector<KeyAlgorithm> m_offered;
    const QString kLabel = QStringLiteral("Usages");

    // RSA-3072/4096 take seconds per key on a loaded machine: by default the valid
    // choices that cover every usage combination and every flag combination at least
    // once (the refusals are the same for every size and run with RSA-1024/2048);
    // TOKENDESK_KEYGEN_FULL=1 runs the full product for them too.
    QList<KeyGenSpec> choicesFor(const KeyAlgorithm &alg) const
    {
        const QList<KeyGenSpec> all = KeyUsageOracle::allChoices(alg);
        const bool slow = alg.family == KeyAlgorithm::Family::Rsa && alg.bits > 2048;
        if (!slow || qEnvironmentVariableIntValue("TOKENDESK_KEYGEN_FULL") == 1)
            return all;
        QSet<QString> usages, flags;
        QList<KeyGenSpec> some;
        for (const KeyGenSpec &s : all) {
            if (!KeyGenValidator::checkAttributes(s).isEmpty())
                continue;
            const QStringList parts = KeyUsageOracle::describe(s).split(QLatin1Char(' '));
            const QString usage = parts.first();
            const QString flag = QStringList(parts.mid(1)).join(QLatin1Char(' '));
            if (usages.contains(usage) && flags.contains(flag))
                continue;
            usages.insert(usage);
            flags.insert(flag);
            some << s;
        }
        return some;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_token = m_bench.addToken(kLabel);
        m_offered = m_bench.onToken<std::vector<KeyAlgorithm>>(m_token, [](Session &s, const CK_TOKEN_INFO &) {
            return KeyAlgorithm::offeredBy(Scanner::readMechanisms(s.module(), s.slot()));
        });
        QVERIFY(m_offered.size() >= 8); // RSA 1024-4096, EC P-256/384/521, …
    }

    void oracleParsesPkcs11Tool()
    {
        // The judge itself, on output as pkcs11-tool 0.23 prints it.
        const QList<KeyUsageOracle::ToolKey> keys = KeyUsageOracle::parse(
            "Private Key Object; EC\n  label:      e\n  ID:         05\n  Usage:      decrypt, sign, unwrap, derive\n"
            "  Access:     sensitive, always sensitive, never extractable, local\n"
            "Certificate Object; type = X.509 cert\n  label:      c\n"
            "Public Key Object; EC  EC_POINT 256 bits\n  label:      e\n  Usage:      none\n  Access:     local\n");
        QCOMPARE(keys.size(), 2);
        QVERIFY(keys[0].isPrivate());
        QCOMPARE(keys[0].usage, (QSet<QString>{"decrypt", "sign", "unwrap", "derive"}));
        QVERIFY(keys[1].isPublic());
        QCOMPARE(keys[1].usage, QSet<QString>{"none"});
        // The report SoftHSM gave for the old EC template fails the comparison.
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
        QVERIFY(KeyUsageOracle::compare(spec, QStringLiteral("e"), keys, {}).contains(QLatin1String("private key usage")));
    }

    void everyChoiceReachesTheToken_data()
    {
        QTest::addColumn<QString>("algorithm");
        for (const KeyAlgorithm &a : m_offered)
            QTest::newRow(qPrintable(a.id())) << a.id();
    }
    void everyChoiceReachesTheToken()
    {
        QFETCH(QString, algorithm);
        const KeyAlgorithm alg = *KeyAlgorithm::fromId(algorithm);
        const QList<KeyGenSpec> choices = choicesFor(alg);
        QStringList problems;
        QList<QPair<QString, KeyGenSpec>> made;
        std::vector<QByteArray> ids;
        int n = 0;
        for (KeyGenSpec spec : choices) {
            spec.label = QStringLiteral("%1 #%2").arg(algorithm).arg(++n);
            const QString refusal = KeyGenValidator::check(spec, m_offered, {});
            try {
                const GeneratedKey k = m_bench.onToken<GeneratedKey>(
                    m_token, [spec](Session &s, const CK_TOKEN_INFO &info) { return generateKeyPair(s, info, spec); });
                ids.push_back(k.id);
                if (!refusal.isEmpty())
                    problems << QStringLiteral("%1 (%2): generated although the wizard refuses it: %3")
                                    .arg(spec.label, KeyUsageOracle::describe(spec), refusal);
                else
                    made << qMakePair(KeyUsageOracle::describe(spec), spec);
            } catch (const KeyOperationError &e) {
                if (refusal.isEmpty() || e.kind() != KeyOperationError::Kind::InvalidInput)
                    problems << QStringLiteral("%1 (%2): %3").arg(spec.label, KeyUsageOracle::describe(spec), e.message());
            } catch (const std::exception &e) {
                problems << QStringLiteral("%1 (%2): %3").arg(spec.label, KeyUsageOracle::describe(spec),
                                                             QString::fromUtf8(e.what()));
            }
        }
        QVERIFY(!made.isEmpty());
        const QList<KeyUsageOracle::ToolKey> loggedIn =
            KeyUsageOracle::parse(m_bench.hsm().pkcs11Tool(kLabel, {QStringLiteral("-O")}));
        const QList<KeyUsageOracle::ToolKey> anonymous =
            KeyUsageOracle::parse(m_bench.hsm().pkcs11Tool(kLabel, {QStringLiteral("-O")}, QString()));
        for (const auto &[what, spec] : made) {
            const QString diff = KeyUsageOracle::compare(spec, spec.label, loggedIn, anonymous);
            if (!diff.isEmpty())
                problems << QStringLiteral("%1 (%2):\n%3").arg(spec.label, what, diff);
        }
        // Refused choices left nothing: exactly two objects per key made.
        if (loggedIn.size() != 2 * made.size())
            problems << QStringLiteral("pkcs11-tool lists %1 key objects for %2 pairs made")
                            .arg(loggedIn.size())
                            .arg(made.size());
        // Clean up for the next algorithm, so each listing holds one algorithm's keys.
        m_bench.onToken<bool>(m_token, [ids](Session &s, const CK_TOKEN_INFO &) {
            for (const QByteArray &id : ids)
                for (CK_OBJECT_HANDLE h : TokenObjects::withId(s, id))
                    check(P11CALL(s.module(), C_DestroyObject, s.handle(), h), "C_DestroyObject");
            return true;
        });
        for (const QString &p : problems)
            qWarning("%s", qPrintable(p));
        QVERIFY2(problems.isEmpty(), qPrintable(QStringLiteral("%1 problems in %2 choices (listed above)")
                                                    .arg(problems.size())
                                                    .arg(choices.size())));
        qInfo("%s: %lld choices, %lld pairs checked", qPrintable(algorithm), qlonglong(choices.size()),
              qlonglong(made.size()));
    }
};

QTEST_GUILESS_MAIN(TestKeyGenUsages)
#include "test_keygenusages.moc"
