// SPDX-License-Identifier: GPL-3.0-or-later
// The token health check on a token prepared with pkcs11-tool the way tokens go
// wrong in practice, each repair checked by the consumers (keytool, pkcs11-tool);
// PKCS#12 import; and keys that want their PIN for every signature.
#include "keytestbench.h"

#include "keys/csrbuilder.h"
#include "keys/healthcheck.h"
#include "keys/hexid.h"
#include "keys/keygenerator.h"
#include "keys/keyoperationerror.h"
#include "keys/pkcs12import.h"
#include "keys/selfsignedcert.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QTest>

namespace {
const QString kHealth = QStringLiteral("Health");
const QString kP12 = QStringLiteral("P12");
const QString kPin = QStringLiteral("1234");

const HealthFinding *findingFor(const std::vector<HealthFinding> &all, HealthFinding::Kind kind, const QString &label)
{
    // Duplicate IDs name several keys in no particular order (the token's find order).
    for (const HealthFinding &f : all)
        for (const ObjectInfo &o : f.objects)
            if (f.kind == kind && o.labelText() == label && (&o == &f.objects.front() || kind == HealthFinding::Kind::DuplicateId))
                return &f;
    return nullptr;
}
} // namespace

class TestHealth : public QObject {
    Q_OBJECT
    KeyTestBench m_bench;
    TokenRef m_health, m_p12;
    QString m_caPem, m_caKey;

    QStringList sargs(std::initializer_list<const char *> a)
    {
        QStringList l;
        for (const char *s : a)
            l << QString::fromLatin1(s);
        return l;
    }
    QByteArray tool(const QStringList &args) { return m_bench.hsm().pkcs11Tool(kHealth, args, kPin); }
    // A CA-issued certificate for the public key of the token key with this ID
    // (openssl x509 -force_pubkey: the CA needs only the public half).
    QString certificateFor(const QString &idHex, const QString &cn)
    {
        const QString pubDer = m_bench.path(idHex + QStringLiteral(".pub.der"));
        const QString pubPem = m_bench.path(idHex + QStringLiteral(".pub.pem"));
        tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"), QStringLiteral("--id"),
              idHex, QStringLiteral("-o"), pubDer});
        KeyTestBench::openssl({QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-inform"),
                               QStringLiteral("DER"), QStringLiteral("-in"), pubDer, QStringLiteral("-out"), pubPem});
        const QString dummyKey = m_bench.path(QStringLiteral("dummy.key"));
        const QString csr = m_bench.path(idHex + QStringLiteral(".csr"));
        const QString cert = m_bench.path(idHex + QStringLiteral(".crt.der"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"),
                               QStringLiteral("ec"), QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"),
                               QStringLiteral("-nodes"), QStringLiteral("-keyout"), dummyKey, QStringLiteral("-subj"),
                               QStringLiteral("/CN=") + cn, QStringLiteral("-out"), csr});
        KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                               QStringLiteral("-force_pubkey"), pubPem, QStringLiteral("-CA"), m_caPem,
                               QStringLiteral("-CAkey"), m_caKey, QStringLiteral("-set_serial"),
                               QString::number(qHash(idHex) & 0xffffff), QStringLiteral("-days"), QStringLiteral("30"),
                               QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), cert});
        return cert;
    }
    std::vector<HealthFinding> check(const TokenRef &token) { return HealthCheck::run(m_bench.contents(token)); }
    std::vector<HealthFinding> repair(const TokenRef &token, const HealthFinding &f)
    {
        return m_bench.onToken<std::vector<HealthFinding>>(
            token, [f](Session &s, const CK_TOKEN_INFO &i) { return HealthCheck::repair(s, i, f); });
    }
    QStringList keytoolAliases(const TokenRef &token)
    {
        const QString cfg = m_bench.path(QStringLiteral("health.cfg"));
        KeyTestBench::writeFile(cfg, "name = Health\nlibrary = " + QFile::encodeName(KeyTestBench::module())
                                         + "\nslot = " + QByteArray::number(qulonglong(m_bench.slotOf(token))) + "\n");
        const QByteArray out = SoftHsmFixture::run(
            QStringLiteral("keytool"),
            {QStringLiteral("-list"), QStringLiteral("-storetype"), QStringLiteral("PKCS11"),
             QStringLiteral("-providerClass"), QStringLiteral("sun.security.pkcs11.SunPKCS11"),
             QStringLiteral("-providerArg"), cfg, QStringLiteral("-storepass"), kPin});
        QStringList aliases;
        for (const QString &l : QString::fromUtf8(out).split(QLatin1Char('\n')))
            if (l.trimmed().endsWith(QLatin1String(", PrivateKeyEntry,")))
                aliases << l.trimmed().section(QLatin1Char(','), 0, 0);
        return aliases;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_caKey = m_bench.path(QStringLiteral("ca.key"));
        m_caPem = m_bench.path(QStringLiteral("ca.pem"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"),
                               QStringLiteral("rsa:2048"), QStringLiteral("-nodes"), QStringLiteral("-keyout"), m_caKey,
                               QStringLiteral("-out"), m_caPem, QStringLiteral("-subj"), QStringLiteral("/CN=Health CA"),
                               QStringLiteral("-days"), QStringLiteral("30")});
        // The token as pkcs11-tool users leave it, prepared before core loads SoftHSM.
        m_bench.hsm().initToken(kHealth, kPin);
        m_bench.hsm().initToken(kP12, kPin);
        // 1. A key (ID 01) whose certificate was written under another ID (02).
        tool(sargs({"--keypairgen", "--key-type", "rsa:2048", "--id", "01", "--label", "web"}));
        tool({QStringLiteral("--write-object"), certificateFor(QStringLiteral("01"), QStringLiteral("web")),
              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("02"),
              QStringLiteral("--label"), QStringLiteral("web cert")});
        // 2. An RSA private key written from a file without its public-key object (ID 05).
        const QString soft = m_bench.path(QStringLiteral("soft.der"));
        KeyTestBench::openssl({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("RSA"),
                               QStringLiteral("-pkeyopt"), QStringLiteral("rsa_keygen_bits:2048"),
                               QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), soft});
        tool({QStringLiteral("--write-object"), soft, QStringLiteral("--type"), QStringLiteral("privkey"),
              QStringLiteral("--id"), QStringLiteral("05"), QStringLiteral("--label"), QStringLiteral("lonely")});
        // 3. A pair whose certificate got another label (ID 06).
        tool(sargs({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "06", "--label", "mail"}));
        tool({QStringLiteral("--write-object"), certificateFor(QStringLiteral("06"), QStringLiteral("mail")),
              QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), QStringLiteral("06"),
              QStringLiteral("--label"), QStringLiteral("Mail certificate 2024")});
        // 4. Two key pairs under one ID (07).
        tool(sargs({"--keypairgen", "--key-type", "rsa:2048", "--id", "07", "--label", "twin a"}));
        tool(sargs({"--keypairgen", "--key-type", "rsa:2048", "--id", "07", "--label", "twin b"}));
        // 5. A certificate under a key's ID that carries a key from elsewhere (ID 08).
        tool(sargs({"--keypairgen", "--key-type", "EC:prime256v1", "--id", "08", "--label", "victim"}));
        const QString stranger = m_bench.path(QStringLiteral("stranger.der"));
        KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                               m_bench.path(QStringLiteral("06.csr")), QStringLiteral("-CA"), m_caPem, QStringLiteral("-CAkey"),
                               m_caKey, QStringLiteral("-set_serial"), QStringLiteral("99"), QStringLiteral("-outform"),
                               QStringLiteral("DER"), QStringLiteral("-out"), stranger});
        tool({QStringLiteral("--write-object"), stranger, QStringLiteral("--type"), QStringLiteral("cert"),
              QStringLiteral("--id"), QStringLiteral("08"), QStringLiteral("--label"), QStringLiteral("victim")});

        const std::vector<TokenRef> refs = m_bench.openTokens({kHealth, kP12}, kPin);
        QCOMPARE(refs.size(), std::size_t(2));
        m_health = refs[0];
        m_p12 = refs[1];
    }

    void findingsNameTheObjects()
    {
        const std::vector<HealthFinding> all = check(m_health);
        QStringList codes;
        for (const HealthFinding &f : all)
            codes << f.code() + QLatin1Char(':') + f.objects.front().labelText();
        const HealthFinding *mismatch = findingFor(all, HealthFinding::Kind::CertificateIdMismatch, QStringLiteral("web cert"));
        QVERIFY2(mismatch, qPrintable(codes.join(QLatin1Char(' '))));
        QVERIFY(mismatch->repairable);
        QCOMPARE(mismatch->sentence, QStringLiteral("certificate “web cert” (ID 02) belongs to private key “web” (ID 01), but "
                                                    "their IDs differ: Java ignores the key, NSS drops the certificate's "
                                                    "trust and OpenSSL finds no certificate for the key."));
        QCOMPARE(mismatch->repair, QStringLiteral("Set the certificate's ID to 01 and its label to “web”."));
        QVERIFY(findingFor(all, HealthFinding::Kind::MissingPublicKey, QStringLiteral("lonely")));
        QVERIFY(findingFor(all, HealthFinding::Kind::LabelDrift, QStringLiteral("mail")));
        const HealthFinding *twins = findingFor(all, HealthFinding::Kind::DuplicateId, QStringLiteral("twin a"));
        QVERIFY(twins);
        QVERIFY2(twins->sentence.contains(QLatin1String("2 private keys share the ID 07")), qPrintable(twins->sentence));
        QVERIFY2(twins->sentence.contains(QStringLiteral("“twin b”")), qPrintable(twins->sentence));
        const HealthFinding *wrong = findingFor(all, HealthFinding::Kind::WrongCertificate, QStringLiteral("victim"));
        QVERIFY(wrong);
        QVERIFY(!wrong->repairable);
        // The healthy keys made by pkcs11-tool have no findings beyond these.
        QCOMPARE(int(all.size()), 5);
    }

    void idMismatchRepairMakesKeytoolListTheKey()
    {
        // Before: Java silently drops the key whose certificate has another ID.
        QVERIFY(!keytoolAliases(m_health).contains(QStringLiteral("web")));
        const std::vector<HealthFinding> before = check(m_health);
        const HealthFinding *f = findingFor(before, HealthFinding::Kind::CertificateIdMismatch, QStringLiteral("web cert"));
        QVERIFY(f);
        const std::vector<HealthFinding> after = repair(m_health, *f);
        QVERIFY(!findingFor(after, HealthFinding::Kind::CertificateIdMismatch, QStringLiteral("web cert")));
        QVERIFY(!findingFor(after, HealthFinding::Kind::CertificateIdMismatch, QStringLiteral("web")));
        const QStringList aliases = keytoolAliases(m_health);
        QVERIFY2(aliases.contains(QStringLiteral("web")), qPrintable(aliases.join(QLatin1Char(','))));
        const QList<ToolObject> listed = m_bench.toolObjects(kHealth);
        const ToolObject *cert = KeyTestBench::findTool(listed, QStringLiteral("Certificate Object"),
                                                        QStringLiteral("web"));
        QVERIFY(cert);
        QCOMPARE(cert->id, QStringLiteral("01"));
    }

    void otherRepairs()
    {
        std::vector<HealthFinding> all = check(m_health);
        // Missing public key: created from the private key's modulus and exponent.
        const HealthFinding *lonely = findingFor(all, HealthFinding::Kind::MissingPublicKey, QStringLiteral("lonely"));
        QVERIFY(lonely);
        all = repair(m_health, *lonely);
        QVERIFY(!findingFor(all, HealthFinding::Kind::MissingPublicKey, QStringLiteral("lonely")));
        const QList<ToolObject> listed = m_bench.toolObjects(kHealth);
        const ToolObject *pub = KeyTestBench::findTool(listed, QStringLiteral("Public Key Object; RSA 2048"),
                                                       QStringLiteral("lonely"));
        QVERIFY(pub);
        QCOMPARE(pub->id, QStringLiteral("05"));

        // Drifted labels: all take the key's.
        const HealthFinding *drift = findingFor(all, HealthFinding::Kind::LabelDrift, QStringLiteral("mail"));
        QVERIFY(drift);
        all = repair(m_health, *drift);
        QVERIFY(!findingFor(all, HealthFinding::Kind::LabelDrift, QStringLiteral("mail")));
        const QList<ToolObject> relabelled = m_bench.toolObjects(kHealth);
        QVERIFY(KeyTestBench::findTool(relabelled, QStringLiteral("Certificate Object"), QStringLiteral("mail")));

        // Duplicate IDs: one twin moves to the ID derived from its public key, with its public key.
        const HealthFinding *twins = findingFor(all, HealthFinding::Kind::DuplicateId, QStringLiteral("twin a"));
        QVERIFY(twins);
        all = repair(m_health, *twins);
        QVERIFY(!findingFor(all, HealthFinding::Kind::DuplicateId, QStringLiteral("twin a")));
        const QList<ToolObject> objects = m_bench.toolObjects(kHealth);
        const ToolObject *a = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), QStringLiteral("twin a"));
        const ToolObject *b = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), QStringLiteral("twin b"));
        const ToolObject *bPub = KeyTestBench::findTool(objects, QStringLiteral("Public Key Object"), QStringLiteral("twin b"));
        QVERIFY(a && b && bPub);
        QVERIFY(a->id != b->id);
        QCOMPARE(bPub->id, b->id);

        // The wrong certificate has no automatic repair, and asking for one changes nothing.
        const HealthFinding *wrong = findingFor(all, HealthFinding::Kind::WrongCertificate, QStringLiteral("victim"));
        QStringList left;
        for (const HealthFinding &f : all)
            left << f.sentence;
        QVERIFY2(wrong, qPrintable(left.join(QLatin1Char('\n'))));
        const int before = m_bench.toolObjectCount(kHealth);
        try {
            repair(m_health, *wrong);
            QFAIL("a repair without a remedy ran");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::InvalidInput);
        }
        QCOMPARE(m_bench.toolObjectCount(kHealth), before);
        QCOMPARE(int(all.size()), 1);
    }

    void staleFindingIsRefused()
    {
        // A finding whose objects changed since the check is not acted on.
        HealthFinding f;
        f.kind = HealthFinding::Kind::LabelDrift;
        f.repairable = true;
        ObjectInfo ghost = m_bench.contents(m_health).objects.front();
        ghost.label = "not what the token says";
        f.objects = {ghost};
        try {
            repair(m_health, f);
            QFAIL("a stale finding was repaired");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::TokenChanged);
        }
    }

    void pkcs12Import()
    {
        // A key, its certificate and the CA, as a PKCS#12 file from elsewhere.
        const QString key = m_bench.path(QStringLiteral("p12.key"));
        const QString csr = m_bench.path(QStringLiteral("p12.csr"));
        const QString crt = m_bench.path(QStringLiteral("p12.crt"));
        const QString p12 = m_bench.path(QStringLiteral("bundle.p12"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-newkey"), QStringLiteral("rsa:2048"),
                               QStringLiteral("-nodes"), QStringLiteral("-keyout"), key, QStringLiteral("-subj"),
                               QStringLiteral("/CN=p12 user"), QStringLiteral("-out"), csr});
        KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"),
                               m_caPem, QStringLiteral("-CAkey"), m_caKey, QStringLiteral("-set_serial"), QStringLiteral("77"),
                               QStringLiteral("-days"), QStringLiteral("30"), QStringLiteral("-out"), crt});
        KeyTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-inkey"), key,
                               QStringLiteral("-in"), crt, QStringLiteral("-certfile"), m_caPem, QStringLiteral("-name"),
                               QStringLiteral("p12 user"), QStringLiteral("-passout"), QStringLiteral("pass:s3cret"),
                               QStringLiteral("-out"), p12});
        const QByteArray file = KeyTestBench::readFile(p12);
        auto import = [&](const char *password) {
            return m_bench.onToken<Pkcs12ImportResult>(m_p12, [file, password](Session &s, const CK_TOKEN_INFO &i) {
                return importPkcs12(s, i, file, SecureBytes::fromUtf8(password));
            });
        };

        // Wrong password: the sentence, and the token unchanged.
        const int before = m_bench.toolObjectCount(kP12);
        try {
            import("wrong");
            QFAIL("a wrong password was accepted");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::WrongPassword);
            QCOMPARE(e.message(), QStringLiteral("The password is wrong: the PKCS#12 file could not be opened. Nothing was "
                                                 "written to the token."));
        }
        QCOMPARE(m_bench.toolObjectCount(kP12), before);

        const Pkcs12ImportResult r = import("s3cret");
        QCOMPARE(r.label, QStringLiteral("p12 user"));
        QVERIFY(r.outsideTokenNote.contains(QLatin1String("made outside the token")));
        QVERIFY(r.outsideTokenNote.contains(QLatin1String("CKA_LOCAL is false")));
        QCOMPARE(r.certificates.certificates.size(), std::size_t(2));
        QCOMPARE(r.certificates.certificates[0].role, PlannedCertificate::Role::EndEntity);
        QCOMPARE(r.certificates.certificates[1].role, PlannedCertificate::Role::Authority);
        QCOMPARE(m_bench.toolObjectCount(kP12), before + 4);

        // pkcs11-tool: key (sensitive, not "local"), public key and certificate under one ID.
        const QList<ToolObject> objects = m_bench.toolObjects(kP12);
        const ToolObject *priv = KeyTestBench::findTool(objects, QStringLiteral("Private Key Object"), r.label);
        const ToolObject *cert = KeyTestBench::findTool(objects, QStringLiteral("Certificate Object"), r.label);
        QVERIFY(priv && cert);
        QCOMPARE(priv->id, HexId::format(r.id));
        QCOMPARE(cert->id, priv->id);
        QVERIFY2(priv->access.contains(QLatin1String("sensitive")), qPrintable(priv->access));
        QVERIFY2(!priv->access.contains(QLatin1String("local")), qPrintable(priv->access));
        // Java pairs it.
        QVERIFY(keytoolAliases(m_p12).contains(r.label));
        // The key signs on the token and the PKCS#12 certificate verifies it.
        QByteArray out;
        const QString sig = m_bench.path(QStringLiteral("p12.sig"));
        const QString data = m_bench.path(QStringLiteral("p12.txt"));
        KeyTestBench::writeFile(data, "pkcs12\n");
        const int rc = m_bench.runWithEngine(QStringLiteral("openssl dgst -sha256 -engine pkcs11 -keyform engine -sign '%1' -out '%2' '%3'")
                                                 .arg(r.privateKeyUri, sig, data), &out);
        QVERIFY2(rc == 0, out.constData());
        const QString pub = m_bench.path(QStringLiteral("p12.pub"));
        KeyTestBench::writeFile(pub, KeyTestBench::openssl({QStringLiteral("x509"), QStringLiteral("-in"), crt,
                                                            QStringLiteral("-pubkey"), QStringLiteral("-noout")}));
        QVERIFY(KeyTestBench::openssl({QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"), pub,
                                       QStringLiteral("-signature"), sig, data}).contains("Verified OK"));

        // The same file again: the key is already there.
        const int after = m_bench.toolObjectCount(kP12);
        try {
            import("s3cret");
            QFAIL("the key was imported twice");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::AlreadyOnToken);
        }
        QCOMPARE(m_bench.toolObjectCount(kP12), after);
    }

    void ecPkcs12WithLegacyEncryption()
    {
        const QString key = m_bench.path(QStringLiteral("ec12.key"));
        const QString crt = m_bench.path(QStringLiteral("ec12.crt"));
        const QString p12 = m_bench.path(QStringLiteral("ec12.p12"));
        KeyTestBench::openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                               QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-384"), QStringLiteral("-nodes"),
                               QStringLiteral("-keyout"), key, QStringLiteral("-subj"), QStringLiteral("/CN=legacy ec"),
                               QStringLiteral("-days"), QStringLiteral("5"), QStringLiteral("-out"), crt});
        // -legacy: RC2-40 certificate encryption, as old Windows and OpenSSL 1.x exports.
        KeyTestBench::openssl({QStringLiteral("pkcs12"), QStringLiteral("-export"), QStringLiteral("-legacy"), QStringLiteral("-inkey"),
                               key, QStringLiteral("-in"), crt, QStringLiteral("-passout"), QStringLiteral("pass:old"),
                               QStringLiteral("-out"), p12});
        const QByteArray file = KeyTestBench::readFile(p12);
        const Pkcs12ImportResult r = m_bench.onToken<Pkcs12ImportResult>(m_p12, [file](Session &s, const CK_TOKEN_INFO &i) {
            Pkcs12ImportOptions o;
            o.label = QStringLiteral("legacy ec");
            return importPkcs12(s, i, file, SecureBytes::fromUtf8("old"), o);
        });
        QCOMPARE(r.publicKey.curveName(), QStringLiteral("P-384 (secp384r1)"));
        const QList<ToolObject> listed = m_bench.toolObjects(kP12);
        const ToolObject *cert = KeyTestBench::findTool(listed, QStringLiteral("Certificate Object"),
                                                        QStringLiteral("legacy ec"));
        QVERIFY(cert);
        QCOMPARE(cert->id, HexId::format(r.id));
        // A CSR signed by the imported EC key verifies: the private value went in right.
        CsrSpec spec;
        spec.subject.commonName = QStringLiteral("legacy ec");
        const QByteArray id = r.id;
        const CsrResult csr = m_bench.onToken<CsrResult>(m_p12, [id, spec](Session &s, const CK_TOKEN_INFO &i) {
            return createCsr(s, i, id, spec);
        });
        QVERIFY(!csr.der.isEmpty());
    }

    void alwaysAuthenticateAsksForThePinPerSignature()
    {
        KeyGenSpec spec = KeyGenSpec::defaultsFor(KeyAlgorithm::ec("prime256v1"));
        spec.label = QStringLiteral("pin per signature");
        spec.alwaysAuthenticate = true;
        const GeneratedKey key = m_bench.onToken<GeneratedKey>(m_p12, [spec](Session &s, const CK_TOKEN_INFO &i) {
            return generateKeyPair(s, i, spec);
        });
        CsrSpec csr;
        csr.subject.commonName = QStringLiteral("careful");
        auto makeCsr = [&](std::optional<QByteArray> pin) {
            const QByteArray id = key.id;
            return m_bench.onToken<CsrResult>(m_p12, [id, csr, pin](Session &s, const CK_TOKEN_INFO &i) {
                std::optional<SecureBytes> p;
                if (pin)
                    p = SecureBytes(pin->constData(), std::size_t(pin->size()));
                return createCsr(s, i, id, csr, std::move(p));
            });
        };
        // No PIN: refused before the token is asked, with the sentence that leads to the PIN field.
        try {
            makeCsr(std::nullopt);
            QFAIL("signed without the context PIN");
        } catch (const KeyOperationError &e) {
            QCOMPARE(e.kind(), KeyOperationError::Kind::ContextPinRequired);
            QVERIFY(e.message().contains(QLatin1String("asks for the PIN again for every signature")));
        }
        // Wrong PIN: the token says so once; the operation is ended, so the next try works.
        try {
            makeCsr(QByteArray("9999"));
            QFAIL("a wrong context PIN was accepted");
        } catch (const Pkcs11Error &e) {
            QCOMPARE(e.rv(), CKR_PIN_INCORRECT);
        }
        const CsrResult ok = makeCsr(QByteArray("1234"));
        QVERIFY(!ok.der.isEmpty());
        // A self-signed certificate needs it too, for its one signature.
        const QByteArray id = key.id;
        const SelfSignedResult self = m_bench.onToken<SelfSignedResult>(m_p12, [id](Session &s, const CK_TOKEN_INFO &i) {
            SelfSignedRequest r;
            r.subject.commonName = QStringLiteral("careful");
            return createSelfSignedCertificate(s, i, id, r, SecureBytes::fromUtf8("1234"));
        });
        QVERIFY(self.info.selfSigned);
    }
};

QTEST_GUILESS_MAIN(TestHealth)
#include "test_health.moc"
