// SPDX-License-Identifier: GPL-3.0-or-later
// The proof of issue 4: keys made through core, CSRs signed on the token, a test
// CA made by openssl signs them, the certificates come back through core — and
// then the real consumers use the result: Java's SunPKCS11 (keytool), OpenSSL's
// pkcs11 engine, OpenSC's pkcs11-tool and NSS (modutil/certutil). Plus the
// refusals, each of which must leave the token as it was.
#include "keytestbench.h"

#include "keys/certificateimport.h"
#include "keys/csrbuilder.h"
#include "keys/hexid.h"
#include "keys/keygenerator.h"
#include "keys/keyoperationerror.h"
#include "keys/objecttransaction.h"
#include "p11/attributes.h"
#include "p11/session.h"
#include "x509/certificatedecoder.h"
#include "x509/certificatefile.h"
#include "x509/x509error.h"

#include <QDir>
#include <QRegularExpression>
#include <QTest>

namespace {
const QString kPin = QStringLiteral("1234");
const QString kConsumers = QStringLiteral("Consumers");
const QString kOther = QStringLiteral("Other token");
} // namespace

class TestConsumers : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    TokenRef m_token, m_other;
    QString m_caPem, m_caKey;
    struct Issued {
        GeneratedKey key;
        QByteArray certDer;
        CertificateInfo info;
    };
    QMap<QString, Issued> m_issued; // "rsa", "ec"

    GeneratedKey generate(const TokenRef &token, const KeyAlgorithm &alg, const QString &label)
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(alg);
        spec.label = label;
        return m_bench.onToken<GeneratedKey>(token, [spec](Session &s, const CK_TOKEN_INFO &i) {
            return generateKeyPair(s, i, spec);
        });
    }
    // Key + CSR through core, certificate from the test CA (openssl x509 -req). Returns the leaf PEM path.
    QString issue(const TokenRef &token, const GeneratedKey &key, const QString &name, CsrResult *csrOut = nullptr)
    {
        CsrSpec spec;
        spec.subject.country = QStringLiteral("GB");
        spec.subject.organization = QStringLiteral("TokenDesk Test");
        spec.subject.commonName = name + QStringLiteral(".example.org");
        spec.altNames << SubjectAltName{SubjectAltName::Type::Dns, name + QStringLiteral(".example.org")};
        spec.usage = UsagePreset::TlsClient;
        const QByteArray id = key.id;
        const CsrResult csr = m_bench.onToken<CsrResult>(
            token, [id, spec](Session &s, const CK_TOKEN_INFO &i) { return createCsr(s, i, id, spec); });
        if (csrOut)
            *csrOut = csr;
        const QString csrFile = m_bench.path(name + QStringLiteral(".csr"));
        const QString leaf = m_bench.path(name + QStringLiteral(".pem"));
        KeyTestBench::writeFile(csrFile, csr.pem);
        KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csrFile,
                               QStringLiteral("-CA"), m_caPem, QStringLiteral("-CAkey"), m_caKey,
                               QStringLiteral("-set_serial"), QString::number(1000 + m_issued.size() * 7 + name.size()),
                               QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-copy_extensions"),
                               QStringLiteral("copy"), QStringLiteral("-out"), leaf});
        return leaf;
    }
    CertificateImportPlan importFile(const TokenRef &token, const QByteArray &contents,
                                     CertificateImportOptions options = {})
    {
        return m_bench.onToken<CertificateImportPlan>(token, [contents, options](Session &s, const CK_TOKEN_INFO &i) {
            return importCertificateFile(s, i, contents, options);
        });
    }
    int coreCount(const TokenRef &token) { return int(m_bench.contents(token).objects.size()); }
    // Runs an import that must be refused; checks kind, sentence and that nothing changed.
    void expectRefusal(const TokenRef &token, const QString &label, const QByteArray &contents,
                       KeyOperationError::Kind kind, const QString &sentence)
    {
        const int before = coreCount(token);
        const int toolBefore = m_bench.toolObjectCount(label);
        try {
            importFile(token, contents);
            QFAIL("the import was not refused");
        } catch (const KeyOperationError &e) {
            QCOMPARE(int(e.kind()), int(kind));
            QVERIFY2(e.message().contains(sentence), qPrintable(e.message()));
        }
        QCOMPARE(coreCount(token), before);
        QCOMPARE(m_bench.toolObjectCount(label), toolBefore);
    }
    QString keytoolConfig(const TokenRef &token, const QString &name)
    {
        const QString cfg = m_bench.path(name + QStringLiteral(".cfg"));
        // slot = the slot id (not slotListIndex, which opens whichever token comes first).
        KeyTestBench::writeFile(cfg, "name = " + name.toUtf8() + "\nlibrary = " + QFile::encodeName(KeyTestBench::module())
                                         + "\nslot = " + QByteArray::number(qulonglong(m_bench.slotOf(token))) + "\n");
        return cfg;
    }

public:
    // keytool -list output; each PrivateKeyEntry alias with its certificate's SHA-256 fingerprint.
    QMap<QString, QString> keytoolPrivateKeyEntries(const TokenRef &token, const QString &name)
    {
        const QByteArray out = SoftHsmFixture::run(
            QStringLiteral("keytool"),
            {QStringLiteral("-list"), QStringLiteral("-storetype"), QStringLiteral("PKCS11"),
             QStringLiteral("-providerClass"), QStringLiteral("sun.security.pkcs11.SunPKCS11"),
             QStringLiteral("-providerArg"), keytoolConfig(token, name), QStringLiteral("-storepass"), kPin});
        QMap<QString, QString> entries;
        const QStringList lines = QString::fromUtf8(out).split(QLatin1Char('\n'));
        for (int i = 0; i + 1 < lines.size(); ++i) {
            const QString l = lines[i].trimmed();
            if (!l.endsWith(QLatin1String(", PrivateKeyEntry,")))
                continue;
            const QString alias = l.left(l.size() - int(qstrlen(", PrivateKeyEntry,")));
            QString fp = lines[i + 1].trimmed();
            fp = fp.mid(fp.indexOf(QLatin1String("): ")) + 3);
            entries.insert(alias, fp);
        }
        return entries;
    }

private Q_SLOTS:
    void initTestCase()
    {
        const std::vector<TokenRef> tokens = m_bench.addTokens({kConsumers, kOther});
        QCOMPARE(tokens.size(), std::size_t(2));
        m_token = tokens[0];
        m_other = tokens[1];
        m_caKey = m_bench.path(QStringLiteral("ca.key"));
        m_caPem = m_bench.path(QStringLiteral("ca.pem"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                               QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_caKey,
                               QStringLiteral("-out"), m_caPem, QStringLiteral("-subj"),
                               QStringLiteral("/O=TokenDesk Test/CN=TokenDesk Test CA"), QStringLiteral("-days"),
                               QStringLiteral("30"), QStringLiteral("-addext"),
                               QStringLiteral("basicConstraints=critical,CA:TRUE"), QStringLiteral("-addext"),
                               QStringLiteral("keyUsage=critical,keyCertSign,cRLSign")});
    }

    void issueAndImport_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("RSA-2048") << QStringLiteral("rsa");
        QTest::newRow("EC P-256") << QStringLiteral("ec");
    }
    void issueAndImport()
    {
        QFETCH(QString, name);
        const bool rsa = name == QLatin1String("rsa");
        const QString label = name + QStringLiteral("-tls");
        Issued issued;
        issued.key = generate(m_token, rsa ? KeyAlgorithm::rsa(2048) : KeyAlgorithm::ec("prime256v1"), label);
        const QString leaf = issue(m_token, issued.key, name);

        // The CA's answer as it usually arrives: the certificate followed by its chain.
        const QByteArray chainFile = KeyTestBench::readFile(leaf) + KeyTestBench::readFile(m_caPem);
        CertificateImportOptions withChain; // the CA belongs to no key here: written only when asked for
        withChain.importUnmatched = true;
        const CertificateImportPlan plan = importFile(m_token, chainFile, withChain);
        QCOMPARE(plan.certificates.size(), std::size_t(2));
        const PlannedCertificate &ee = plan.certificates[0];
        const PlannedCertificate &ca = plan.certificates[1];
        QCOMPARE(ee.role, PlannedCertificate::Role::EndEntity);
        QVERIFY(ee.written);
        QCOMPARE(ee.id, issued.key.id);
        QCOMPARE(ee.label, label);
        QVERIFY(ee.uri.contains(QLatin1String("type=cert")));
        QCOMPARE(ca.role, PlannedCertificate::Role::Authority);
        if (rsa) {
            QVERIFY(ca.written); // first import: the CA certificate is new
        } else {
            // Second import: the CA certificate is already there and is not written twice.
            QVERIFY(!ca.written);
            QCOMPARE(ca.alreadyPresentAs, QStringLiteral("TokenDesk Test CA"));
            QVERIFY(plan.notes.join(QLatin1Char('\n')).contains(QLatin1String("already on the token")));
        }
        issued.certDer = ee.der;
        issued.info = ee.info;
        m_issued.insert(name, issued);

        // What is on the token now carries the category and IDs we planned.
        const TokenContents c = m_bench.contents(m_token);
        int authorities = 0;
        for (const ObjectInfo &o : c.objects) {
            if (o.cls != CKO_CERTIFICATE)
                continue;
            if (o.attrs.ulong(CKA_CERTIFICATE_CATEGORY) == CK_ULONG(2))
                ++authorities;
            if (o.attrs.bytes(CKA_VALUE) == issued.certDer)
                QCOMPARE(o.id, issued.key.id);
        }
        QCOMPARE(authorities, 1);
    }

    void pkcs11ToolShowsKeyAndCertificateWithTheSameId()
    {
        QCOMPARE(m_issued.size(), 2);
        const QList<ToolObject> objects = m_bench.toolObjects(kConsumers);
        for (const QString &name : {QStringLiteral("rsa"), QStringLiteral("ec")}) {
            const Issued &i = m_issued[name];
            const QString label = name + QStringLiteral("-tls");
            const ToolObject *key = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), label);
            const ToolObject *cert = KeyTestBench::findTool(objects, QStringLiteral("Certificate Object"), label);
            QVERIFY2(key && cert, qPrintable(label));
            QCOMPARE(key->id, HexId::format(i.key.id));
            QCOMPARE(cert->id, key->id);
            QVERIFY2(cert->subject.contains(name + QStringLiteral(".example.org")), qPrintable(cert->subject));
        }
    }

    void javaKeytoolListsPrivateKeyEntries()
    {
        QCOMPARE(m_issued.size(), 2);
        const QMap<QString, QString> entries = keytoolPrivateKeyEntries(m_token, QStringLiteral("Consumers"));
        QCOMPARE(entries.size(), 2);
        for (const QString &name : {QStringLiteral("rsa"), QStringLiteral("ec")}) {
            const QString alias = name + QStringLiteral("-tls");
            QVERIFY2(entries.contains(alias), qPrintable(QStringList(entries.keys()).join(QLatin1Char(','))));
            QCOMPARE(entries.value(alias), m_issued[name].info.sha256Fingerprint); // and its certificate is ours
        }
    }

    void opensslEngineSignsAndCertificateVerifies_data()
    {
        QTest::addColumn<QString>("name");
        QTest::newRow("RSA-2048") << QStringLiteral("rsa");
        QTest::newRow("EC P-256") << QStringLiteral("ec");
    }
    void opensslEngineSignsAndCertificateVerifies()
    {
        QFETCH(QString, name);
        QVERIFY(m_issued.contains(name));
        const Issued &i = m_issued[name];
        const QString data = m_bench.path(QStringLiteral("data.txt"));
        KeyTestBench::writeFile(data, "signed by a key that never left the token\n");
        const QString sig = m_bench.path(name + QStringLiteral(".sig"));
        // The certificate as the token holds it, read back by OpenSC.
        const QString certDer = m_bench.path(name + QStringLiteral("-fromtoken.der"));
        m_bench.hsm().pkcs11Tool(kConsumers, {QStringLiteral("--read-object"), QStringLiteral("--type"),
                                              QStringLiteral("cert"), QStringLiteral("--id"),
                                              HexId::format(i.key.id), QStringLiteral("-o"), certDer});
        QCOMPARE(KeyTestBench::readFile(certDer), i.certDer);
        const QString pub = m_bench.path(name + QStringLiteral("-cert-pub.pem"));
        KeyTestBench::writeFile(pub, KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-inform"),
                                                            QStringLiteral("DER"), QStringLiteral("-in"), certDer,
                                                            QStringLiteral("-pubkey"), QStringLiteral("-noout")}));

        QByteArray out;
        const QString cmd = QStringLiteral("openssl dgst -sha256 -engine pkcs11 -keyform engine -sign '%1' -out '%2' '%3'")
                                .arg(i.key.privateKeyUri, sig, data);
        const int rc = m_bench.runWithEngine(cmd, &out);
        // 139: openssl crashed after failing to load the key — a failure, not a test bug.
        QVERIFY2(rc == 0, qPrintable(QStringLiteral("exit %1: %2").arg(rc).arg(QString::fromUtf8(out))));
        const QByteArray verified = KeyTestBench::openssl({QStringLiteral("dgst"), QStringLiteral("-sha256"),
                                                           QStringLiteral("-verify"), pub, QStringLiteral("-signature"),
                                                           sig, data});
        QVERIFY2(verified.contains("Verified OK"), verified.constData());
    }

    void nssListsCertificateAndKey()
    {
        QCOMPARE(m_issued.size(), 2);
        const QString db = m_bench.path(QStringLiteral("nssdb"));
        QVERIFY(QDir().mkpath(db));
        const QString sql = QStringLiteral("sql:") + db;
        const QString pinFile = m_bench.path(QStringLiteral("pin.txt"));
        KeyTestBench::writeFile(pinFile, kPin.toUtf8() + '\n');
        SoftHsmFixture::run(QStringLiteral("certutil"), {QStringLiteral("-N"), QStringLiteral("-d"), sql,
                                                         QStringLiteral("--empty-password")});
        SoftHsmFixture::run(QStringLiteral("modutil"), {QStringLiteral("-dbdir"), sql, QStringLiteral("-add"),
                                                        QStringLiteral("SoftHSM"), QStringLiteral("-libfile"),
                                                        KeyTestBench::module(), QStringLiteral("-force")});
        const QString certs = QString::fromUtf8(SoftHsmFixture::run(
            QStringLiteral("certutil"), {QStringLiteral("-L"), QStringLiteral("-d"), sql, QStringLiteral("-h"),
                                         kConsumers, QStringLiteral("-f"), pinFile}));
        const QString keys = QString::fromUtf8(SoftHsmFixture::run(
            QStringLiteral("certutil"), {QStringLiteral("-K"), QStringLiteral("-d"), sql, QStringLiteral("-h"),
                                         kConsumers, QStringLiteral("-f"), pinFile}));
        for (const QString &name : {QStringLiteral("rsa"), QStringLiteral("ec")}) {
            const QString nickname = kConsumers + QLatin1Char(':') + name + QStringLiteral("-tls");
            // "u,u,u": NSS paired the certificate with its private key (a mismatched ID gives ",,").
            const QRegularExpression certLine(QLatin1Char('^') + QRegularExpression::escape(nickname)
                                                  + QStringLiteral("\\s+u,u,u\\s*$"),
                                              QRegularExpression::MultilineOption);
            QVERIFY2(certLine.match(certs).hasMatch(), qPrintable(certs));
            // certutil -K lists the key under its certificate's label (an unpaired key shows "(orphan)").
            const QRegularExpression keyLine(QStringLiteral("^<\\s*\\d+>\\s+%1\\s+%2\\s+%3\\s*$")
                                                 .arg(name, QString::fromLatin1(m_issued[name].key.id.toHex()),
                                                      QRegularExpression::escape(name + QStringLiteral("-tls"))),
                                             QRegularExpression::MultilineOption);
            QVERIFY2(keyLine.match(keys).hasMatch(), qPrintable(keys));
        }
        QVERIFY2(!keys.contains(QLatin1String("orphan")), qPrintable(keys));
    }

    void refuseCertificateForAKeyOnAnotherToken()
    {
        const GeneratedKey elsewhere = generate(m_other, KeyAlgorithm::ec("prime256v1"), QStringLiteral("elsewhere"));
        const QString leaf = issue(m_other, elsewhere, QStringLiteral("elsewhere"));
        expectRefusal(m_token, kConsumers, KeyTestBench::readFile(leaf), KeyOperationError::Kind::NoMatchingKey,
                      QStringLiteral("This certificate's public key belongs to no key on this token — was the request "
                                     "created on another token or with another key?"));
        // On its own token the same file pairs.
        const CertificateImportPlan plan = importFile(m_other, KeyTestBench::readFile(leaf));
        QCOMPARE(plan.certificates.front().role, PlannedCertificate::Role::EndEntity);
        QCOMPARE(plan.certificates.front().id, elsewhere.id);
    }

    void refuseDuplicate()
    {
        QVERIFY(m_issued.contains(QStringLiteral("rsa")));
        expectRefusal(m_token, kConsumers, m_issued[QStringLiteral("rsa")].certDer,
                      KeyOperationError::Kind::AlreadyOnToken,
                      QStringLiteral("This certificate is already on the token (“rsa-tls”); nothing was written."));
    }

    void refuseCorruptPem()
    {
        QByteArray pem = KeyTestBench::readFile(m_bench.path(QStringLiteral("rsa.pem")));
        pem[pem.size() / 2] = '!';
        pem[pem.size() / 2 + 1] = '*';
        QString sentence;
        try {
            readCertificates(pem);
        } catch (const X509Error &e) {
            sentence = e.message();
        }
        QVERIFY(!sentence.isEmpty());
        expectRefusal(m_token, kConsumers, pem, KeyOperationError::Kind::InvalidInput, sentence);
    }

    void caCertificateAloneNeedsExplicitConsent()
    {
        const QByteArray ca = KeyTestBench::readFile(m_caPem);
        expectRefusal(m_other, kOther, ca, KeyOperationError::Kind::NoMatchingKey,
                      QStringLiteral("belongs to no key on this token"));
        CertificateImportOptions options;
        options.importUnmatched = true;
        const int before = coreCount(m_other);
        const CertificateImportPlan plan = importFile(m_other, ca, options);
        QCOMPARE(plan.certificates.front().role, PlannedCertificate::Role::Authority);
        QVERIFY(plan.certificates.front().written);
        QCOMPARE(coreCount(m_other), before + 1);
    }

    void failedWriteLeavesNothingBehind()
    {
        const int before = coreCount(m_other);
        try {
            m_bench.onToken<int>(m_other, [](Session &s, const CK_TOKEN_INFO &) {
                ObjectTransaction tx(s);
                const CK_OBJECT_CLASS cls = CKO_DATA;
                const QByteArray label("half-written");
                for (int i = 0; i < 2; ++i)
                    tx.create({attrOf(CKA_CLASS, cls), attrOf(CKA_TOKEN, kTrue),
                               attr(CKA_LABEL, label.constData(), CK_ULONG(label.size()))});
                // A third write the token refuses (a certificate without its value).
                const CK_OBJECT_CLASS cert = CKO_CERTIFICATE;
                tx.create({attrOf(CKA_CLASS, cert), attrOf(CKA_TOKEN, kTrue)});
                tx.commit();
                return 0;
            });
            QFAIL("the incomplete certificate was accepted");
        } catch (const Pkcs11Error &) {
        }
        QCOMPARE(coreCount(m_other), before);
    }
};

QTEST_GUILESS_MAIN(TestConsumers)
#include "test_consumers.moc"
