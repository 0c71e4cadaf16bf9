// SPDX-License-Identifier: GPL-3.0-or-later
// Self-signed certificates, delete, rename / change ID, export — each checked
// with pkcs11-tool and openssl after going through core.
#include "keytestbench.h"

#include "keys/hexid.h"
#include "keys/keygenerator.h"
#include "keys/keyoperationerror.h"
#include "keys/keyrename.h"
#include "keys/objectdeletion.h"
#include "keys/objectexport.h"
#include "keys/selfsignedcert.h"
#include "p11/session.h"

#include <QDateTime>
#include <QTest>

namespace {
const QString kLabel = QStringLiteral("Ops");

const ObjectInfo *find(const TokenContents &c, CK_OBJECT_CLASS cls, const QString &label)
{
    for (const ObjectInfo &o : c.objects)
        if (o.cls == cls && o.labelText() == label)
            return &o;
    return nullptr;
}
} // namespace

class TestKeyOps : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    TokenRef m_token;

    GeneratedKey generate(const KeyAlgorithm &alg, const QString &label)
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(alg);
        spec.label = label;
        return m_bench.onToken<GeneratedKey>(m_token, [spec](Session &s, const CK_TOKEN_INFO &i) {
            return generateKeyPair(s, i, spec);
        });
    }
    SelfSignedResult selfSign(const QByteArray &id, const SelfSignedRequest &r)
    {
        return m_bench.onToken<SelfSignedResult>(m_token, [id, r](Session &s, const CK_TOKEN_INFO &i) {
            return createSelfSignedCertificate(s, i, id, r);
        });
    }
    SelfSignedRequest request(const QString &cn, int days = 30)
    {
        SelfSignedRequest r;
        r.subject.organization = QStringLiteral("TokenDesk Test");
        r.subject.commonName = cn;
        r.validDays = days;
        return r;
    }
    int count() { return int(m_bench.contents(m_token).objects.size()); }

private Q_SLOTS:
    void initTestCase() { m_token = m_bench.addToken(kLabel); }

    void selfSignedCertificate_data()
    {
        QTest::addColumn<QString>("alg");
        QTest::addColumn<bool>("pss");
        QTest::newRow("RSA-2048") << QStringLiteral("rsa-2048") << false;
        QTest::newRow("RSA-2048 PSS") << QStringLiteral("rsa-2048") << true;
        QTest::newRow("EC P-256") << QStringLiteral("ec-prime256v1") << false;
        QTest::newRow("EC P-384") << QStringLiteral("ec-secp384r1") << false;
    }
    void selfSignedCertificate()
    {
        QFETCH(QString, alg);
        QFETCH(bool, pss);
        const QString label = QStringLiteral("self ") + QString::fromLatin1(QTest::currentDataTag());
        const GeneratedKey key = generate(*KeyAlgorithm::fromId(alg), label);
        SelfSignedRequest r = request(label, 10);
        r.signature.rsaPss = pss;
        r.usage = UsagePreset::EmailProtection;
        r.altNames << SubjectAltName{SubjectAltName::Type::Email, QStringLiteral("self@example.org")};
        const SelfSignedResult result = selfSign(key.id, r);
        QVERIFY(result.info.selfSigned);
        QCOMPARE(result.info.subject, QStringLiteral("CN=%1,O=TokenDesk Test").arg(label));
        // Valid from an hour ago (clock skew) for the 10 days asked for.
        QVERIFY(qAbs(result.info.notBefore.secsTo(result.info.notAfter) - (10 * 86400 + 3600)) < 5);
        QVERIFY(qAbs(result.info.notBefore.secsTo(QDateTime::currentDateTimeUtc()) - 3600) < 60);
        QVERIFY(result.uri.contains(QLatin1String("type=cert")));

        // openssl: the certificate verifies against itself, and the token has it under the key's ID.
        const QString file = m_bench.path(QStringLiteral("self.pem"));
        KeyTestBench::writeFile(file, ObjectExport::publicKeyPem(key.publicKey)); // overwritten below; exercises export
        const TokenContents c = m_bench.contents(m_token);
        const ObjectInfo *cert = find(c, CKO_CERTIFICATE, label);
        QVERIFY(cert);
        QCOMPARE(cert->id, key.id);
        KeyTestBench::writeFile(file, ObjectExport::certificate(*cert, ObjectExport::Format::Pem));
        const QByteArray verify = KeyTestBench::openssl({QStringLiteral("verify"), QStringLiteral("-CAfile"), file,
                                                         QStringLiteral("-purpose"), QStringLiteral("smimesign"), file});
        QVERIFY2(verify.contains(": OK"), verify.constData());
        const QByteArray text = KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), file,
                                                       QStringLiteral("-noout"), QStringLiteral("-text")});
        QVERIFY(text.contains(pss ? "rsassaPss" : "Signature Algorithm"));
        QVERIFY(text.contains("email:self@example.org"));
        QVERIFY(text.contains("CA:FALSE"));
        const QList<ToolObject> listed = m_bench.toolObjects(kLabel);
        const ToolObject *tool = KeyTestBench::findTool(listed, QStringLiteral("Certificate Object"), label);
        QVERIFY(tool);
        QCOMPARE(tool->id, HexId::format(key.id));
    }

    void selfSignedRefusals()
    {
        const GeneratedKey key = generate(KeyAlgorithm::ec("prime256v1"), QStringLiteral("refusals"));
        const int before = count();
        for (int days : {0, SelfSignedRequest::kMaxDays + 1}) {
            try {
                selfSign(key.id, request(QStringLiteral("x"), days));
                QFAIL("an invalid validity was accepted");
            } catch (const KeyOperationError &e) {
                QCOMPARE(e.kind(), KeyOperationError::Kind::InvalidInput);
                QVERIFY2(e.message().contains(QLatin1String("between 1 and")), qPrintable(e.message()));
            }
        }
        SelfSignedRequest noSubject;
        try {
            selfSign(key.id, noSubject);
            QFAIL("a certificate without subject was accepted");
        } catch (const KeyOperationError &e) {
            QVERIFY2(e.message().contains(QLatin1String("common name")), qPrintable(e.message()));
        }
        QCOMPARE(count(), before);
    }

    void exportCertificateAndPublicKey()
    {
        const GeneratedKey key = generate(KeyAlgorithm::ec("prime256v1"), QStringLiteral("export me"));
        selfSign(key.id, request(QStringLiteral("export me")));
        const TokenContents c = m_bench.contents(m_token);
        const ObjectInfo *cert = find(c, CKO_CERTIFICATE, QStringLiteral("export me"));
        const ObjectInfo *priv = find(c, CKO_PRIVATE_KEY, QStringLiteral("export me"));
        QVERIFY(cert && priv);
        const QByteArray der = ObjectExport::certificate(*cert, ObjectExport::Format::Der);
        const QByteArray pem = ObjectExport::certificate(*cert, ObjectExport::Format::Pem);
        const QString derFile = m_bench.path(QStringLiteral("e.der"));
        const QString pemFile = m_bench.path(QStringLiteral("e.pem"));
        KeyTestBench::writeFile(derFile, der);
        KeyTestBench::writeFile(pemFile, pem);
        // openssl converts one into the other byte for byte.
        QCOMPARE(KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), derFile, QStringLiteral("-inform"),
                                        QStringLiteral("DER")}),
                 pem);
        // The EC private key carries no point: the public key comes from its public-key object.
        const QByteArray pub = ObjectExport::publicKeyPem(c, *priv);
        QCOMPARE(pub, KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), pemFile,
                                             QStringLiteral("-noout"), QStringLiteral("-pubkey")}));
        QCOMPARE(ObjectExport::suggestedFileName(*cert, ObjectExport::Format::Der), QStringLiteral("export me.der"));
        QCOMPARE(ObjectExport::suggestedFileName(*priv, ObjectExport::Format::Pem, true), QStringLiteral("export me.pub.pem"));
        QVERIFY(!priv->uri.isEmpty()); // "Copy PKCS#11 URI" uses ObjectInfo::uri
    }

    void renameKeyPairAndCertificateTogether()
    {
        const GeneratedKey key = generate(KeyAlgorithm::rsa(2048), QStringLiteral("old name"));
        selfSign(key.id, request(QStringLiteral("old name")));
        const TokenContents c = m_bench.contents(m_token);

        KeyRename bad{key.id, QStringLiteral("new name"), QStringLiteral("zz")};
        QVERIFY(KeyRenameValidator::check(c, bad).contains(QLatin1String("hexadecimal")));
        // An ID used by another key is refused.
        const ObjectInfo *other = find(c, CKO_PRIVATE_KEY, QStringLiteral("export me"));
        QVERIFY(other);
        KeyRename clash{key.id, {}, HexId::format(other->id)};
        QVERIFY(KeyRenameValidator::check(c, clash).contains(QLatin1String("already used")));
        QCOMPARE(KeyRenameValidator::plan(c, bad).objects.size(), std::size_t(3));

        const KeyRename rename{key.id, QStringLiteral("new name"), QStringLiteral("c0:ff:ee")};
        const std::vector<ObjectInfo> changed = m_bench.onToken<std::vector<ObjectInfo>>(
            m_token, [rename](Session &s, const CK_TOKEN_INFO &i) { return renameKeyPair(s, i, rename); });
        QCOMPARE(changed.size(), std::size_t(3));
        const QList<ToolObject> objects = m_bench.toolObjects(kLabel);
        for (const char *header : {"Private Key Object", "Public Key Object", "Certificate Object"}) {
            const ToolObject *o = KeyTestBench::findTool(objects, QLatin1String(header), QStringLiteral("new name"));
            QVERIFY2(o, header);
            QCOMPARE(o->id, QStringLiteral("c0ffee"));
            QVERIFY(!KeyTestBench::findTool(objects, QLatin1String(header), QStringLiteral("old name")));
        }
        // Refused on the worker too (fresh read), and the token is unchanged.
        try {
            m_bench.onToken<std::vector<ObjectInfo>>(m_token, [clash](Session &s, const CK_TOKEN_INFO &i) {
                KeyRename again = clash;
                again.keyId = QByteArray::fromHex("c0ffee");
                return renameKeyPair(s, i, again);
            });
            QFAIL("a clashing ID was accepted");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::InvalidInput);
        }
        const QList<ToolObject> listed = m_bench.toolObjects(kLabel);
        QVERIFY(KeyTestBench::findTool(listed, QStringLiteral("Certificate Object"),
                                       QStringLiteral("new name")));
    }

    void deleteKeyWithItsPartners()
    {
        const GeneratedKey key = generate(KeyAlgorithm::ec("prime256v1"), QStringLiteral("doomed"));
        selfSign(key.id, request(QStringLiteral("doomed")));
        const TokenContents c = m_bench.contents(m_token);
        const ObjectInfo *priv = find(c, CKO_PRIVATE_KEY, QStringLiteral("doomed"));
        QVERIFY(priv);

        // Alone: just the key. With partners: certificate, public key, private key — named.
        QCOMPARE(planDeletion(c, *priv, false).objects.size(), std::size_t(1));
        const DeletionPlan plan = planDeletion(c, *priv, true);
        QCOMPARE(plan.objects.size(), std::size_t(3));
        QCOMPARE(plan.objects[0].cls, CKO_CERTIFICATE);
        QCOMPARE(plan.objects[1].cls, CKO_PUBLIC_KEY);
        QCOMPARE(plan.objects[2].cls, CKO_PRIVATE_KEY);
        const QString id = HexId::format(key.id);
        QCOMPARE(plan.descriptions(), QStringList({QStringLiteral("certificate “doomed” (ID %1)").arg(id),
                                                   QStringLiteral("public key “doomed” (ID %1)").arg(id),
                                                   QStringLiteral("private key “doomed” (ID %1)").arg(id)}));

        const int before = count();
        const int toolBefore = m_bench.toolObjectCount(kLabel);
        m_bench.onToken<int>(m_token, [plan](Session &s, const CK_TOKEN_INFO &i) {
            deleteObjects(s, i, plan);
            return 0;
        });
        QCOMPARE(count(), before - 3);
        QCOMPARE(m_bench.toolObjectCount(kLabel), toolBefore - 3);
        for (const ToolObject &o : m_bench.toolObjects(kLabel))
            QVERIFY(o.label != QLatin1String("doomed"));

        // The same plan again: the objects are gone, so nothing is deleted and it says so.
        try {
            m_bench.onToken<int>(m_token, [plan](Session &s, const CK_TOKEN_INFO &i) {
                deleteObjects(s, i, plan);
                return 0;
            });
            QFAIL("a stale plan was carried out");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::TokenChanged);
        }
        QCOMPARE(count(), before - 3);
    }
};

QTEST_GUILESS_MAIN(TestKeyOps)
#include "test_keyops.moc"
