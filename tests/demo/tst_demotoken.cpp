// SPDX-License-Identifier: GPL-3.0-or-later
// The demo token, checked by the real consumers: pkcs11-tool lists and reads it,
// openssl verifies its certificates and the signatures its keys make, and our own
// Inventory finds it, logs in with the public PIN and sees the pairing warning.

#include "softhsmfixture.h"

#include "demo/demotoken.h"
#include "exec/tokenexecutor.h"
#include "inventory/certificatesummary.h"
#include "inventory/inventory.h"
#include "inventory/pairing.h"
#include "x509/certificatedecoder.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>
#include <stdexcept>
#include <optional>

namespace {
const QString kLabel = QString::fromLatin1(DemoToken::kLabel);
const QString kPin = QString::fromLatin1(DemoToken::kUserPin);

// One object as `pkcs11-tool -O` prints it: a header line, then indented "key: value" lines.
struct ToolObject {
    QString header; // "Private Key Object; RSA", "Certificate Object; type = X.509 cert", "Data object 2"
    QString label;
    QString id;     // hex, lower case
    QString access; // "sensitive, always sensitive, never extractable, local"
    QString subject;
};

QList<ToolObject> parseObjects(const QByteArray &out)
{
    QList<ToolObject> objects;
    const QRegularExpression field(QStringLiteral("^\\s+(\\w[\\w ]*):\\s*(.*)$"));
    for (const QString &line : QString::fromUtf8(out).split(QLatin1Char('\n'))) {
        if (line.isEmpty())
            continue;
        if (!line.front().isSpace()) {
            objects.append(ToolObject{line.trimmed(), {}, {}, {}, {}});
            continue;
        }
        if (objects.isEmpty())
            continue;
        const auto m = field.match(line);
        if (!m.hasMatch())
            continue;
        const QString key = m.captured(1).trimmed();
        QString value = m.captured(2).trimmed();
        ToolObject &o = objects.last();
        if (key == QLatin1String("label")) {
            if (value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\'')))
                value = value.mid(1, value.size() - 2); // data objects quote their label
            o.label = value;
        } else if (key == QLatin1String("ID")) {
            o.id = value.toLower();
        } else if (key == QLatin1String("Access")) {
            o.access = value;
        } else if (key == QLatin1String("subject")) {
            o.subject = value;
        }
    }
    return objects;
}

const ToolObject *findObject(const QList<ToolObject> &objects, const QString &headerStart, const QString &label)
{
    for (const ToolObject &o : objects)
        if (o.header.startsWith(headerStart) && o.label == label)
            return &o;
    return nullptr;
}

const ObjectInfo *findInfo(const TokenContents &c, CK_OBJECT_CLASS cls, const QString &label)
{
    for (const ObjectInfo &o : c.objects)
        if (o.cls == cls && o.labelText() == label)
            return &o;
    return nullptr;
}
} // namespace

class TestDemoToken : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void useDemoStoreWritesItsOwnConfig();
    void createRunsOnAWorker();
    void createRefusesASecondDemoToken();
    void pkcs11ToolListsTheObjects();
    void certificateVerifies_data();
    void certificateVerifies();
    void keySignsAndCertificateVerifies_data();
    void keySignsAndCertificateVerifies();
    void inventoryFindsTokenAndPairingWarning();
    void datedCertificatesShowTheBadges_data();
    void datedCertificatesShowTheBadges();

private:
    QString tool(const QStringList &args) { return QString::fromUtf8(m_fixture.pkcs11Tool(kLabel, args, kPin)); }
    QString file(const QString &name) const { return m_work.filePath(name); }
    template <typename T, typename Job>
    T onWorker(Job job)
    {
        return m_executor->submit<T>(std::move(job)).result();
    }

    SoftHsmFixture m_fixture; // first: SOFTHSM2_CONF is set before anything loads SoftHSM
    QTemporaryDir m_work;
    ModuleRegistry m_registry;
    std::unique_ptr<TokenExecutor> m_executor;
    std::shared_ptr<Module> m_module;
    std::optional<TokenRef> m_ref;
    QList<ToolObject> m_objects;
};

void TestDemoToken::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY(!DemoToken::softhsmModulePath().isEmpty());
    DemoToken::setStoreDirForTesting(m_fixture.dir() + QStringLiteral("/demo-softhsm"));
    m_executor = std::make_unique<TokenExecutor>(QStringLiteral("demo-test"));
}

void TestDemoToken::cleanupTestCase()
{
    // The module finalizes on the thread that made its calls, after every job is done.
    if (m_executor) {
        m_executor->submit<void>([this](QPromise<void> &) { m_module.reset(); }).waitForFinished();
        m_executor.reset();
    }
    DemoToken::setStoreDirForTesting({});
}

void TestDemoToken::useDemoStoreWritesItsOwnConfig()
{
    QCOMPARE(DemoToken::storeDir(), m_fixture.dir() + QStringLiteral("/demo-softhsm"));
    QCOMPARE(DemoToken::confPath(), DemoToken::storeDir() + QStringLiteral("/softhsm2.conf"));
    DemoToken::useDemoStore();
    QCOMPARE(QFile::decodeName(qgetenv("SOFTHSM2_CONF")), DemoToken::confPath());
    QVERIFY(QDir(DemoToken::tokenDir()).exists());
    QFile conf(DemoToken::confPath());
    QVERIFY(conf.open(QIODevice::ReadOnly));
    const QByteArray text = conf.readAll();
    QVERIFY(text.contains("directories.tokendir = " + QFile::encodeName(DemoToken::tokenDir()) + "\n"));
    QVERIFY(text.contains("objectstore.backend = file"));
    // Calling it again leaves the file as it is.
    const QDateTime written = QFileInfo(conf).lastModified();
    DemoToken::useDemoStore();
    QCOMPARE(QFileInfo(conf).lastModified(), written);
}

void TestDemoToken::createRunsOnAWorker()
{
    QThread *const mainThread = QThread::currentThread();
    QThread *worker = nullptr;
    try {
        m_ref = onWorker<TokenRef>([&](QPromise<TokenRef> &p) {
            worker = QThread::currentThread();
            m_module = m_registry.load(DemoToken::softhsmModulePath());
            if (DemoToken::find(*m_module)) // a fresh store has none
                throw std::runtime_error("the fresh demo store already holds a demo token");
            p.addResult(DemoToken::create(*m_module));
        });
    } catch (const TokenDeskError &e) {
        QFAIL(qPrintable(e.message()));
    } catch (const std::exception &e) {
        QFAIL(e.what());
    }
    QVERIFY(worker && worker != mainThread);
    QCOMPARE(m_ref->id.manufacturer, QStringLiteral("SoftHSM project"));
    QVERIFY(!m_ref->id.serial.isEmpty());

    // The token lives in the demo store, not in the fixture's own.
    QCOMPARE(QDir(DemoToken::tokenDir()).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 1);
    QCOMPARE(QDir(m_fixture.dir() + QStringLiteral("/tokens")).entryList(QDir::Dirs | QDir::NoDotAndDotDot).size(), 0);

    const std::optional<TokenRef> found =
        onWorker<std::optional<TokenRef>>([this](QPromise<std::optional<TokenRef>> &p) { p.addResult(DemoToken::find(*m_module)); });
    QVERIFY(found);
    QCOMPARE(found->id, m_ref->id);
}

void TestDemoToken::createRefusesASecondDemoToken()
{
    QVERIFY(m_module);
    QString message;
    try {
        onWorker<TokenRef>([this](QPromise<TokenRef> &p) { p.addResult(DemoToken::create(*m_module)); });
    } catch (const TokenDeskError &e) {
        message = e.message();
    }
    QCOMPARE(message, QStringLiteral("The demo token already exists."));
}

void TestDemoToken::pkcs11ToolListsTheObjects()
{
    const QString listing = tool({QStringLiteral("-O")});
    m_objects = parseObjects(listing.toUtf8());
    int priv = 0, pub = 0, cert = 0, data = 0;
    for (const ToolObject &o : m_objects) {
        priv += o.header.startsWith(QLatin1String("Private Key Object"));
        pub += o.header.startsWith(QLatin1String("Public Key Object"));
        cert += o.header.startsWith(QLatin1String("Certificate Object"));
        data += o.header.startsWith(QLatin1String("Data object"));
    }
    // Three pairs, the pair under mismatched IDs, and two with dated certificates (expiring soon, expired).
    QCOMPARE(priv, 5);
    QCOMPARE(pub, 5);
    QCOMPARE(cert, 5);
    QCOMPARE(data, 1);
    QVERIFY2(findObject(m_objects, QStringLiteral("Data object"), QStringLiteral("About this demo token")),
             qPrintable(listing));

    for (const QString &name : {QStringLiteral("Demo RSA signing key"), QStringLiteral("Demo EC P-256 key")}) {
        const ToolObject *k = findObject(m_objects, QStringLiteral("Private Key Object"), name);
        const ToolObject *p = findObject(m_objects, QStringLiteral("Public Key Object"), name);
        const ToolObject *c = findObject(m_objects, QStringLiteral("Certificate Object"), name);
        QVERIFY2(k && p && c, qPrintable(listing));
        QCOMPARE(k->id.size(), 40); // SHA-1
        QCOMPARE(p->id, k->id);
        QCOMPARE(c->id, k->id);
        // Generated on the token, and it stays there.
        QVERIFY2(k->access.contains(QLatin1String("never extractable")) && k->access.contains(QLatin1String("local")),
                 qPrintable(k->access));
        QVERIFY2(c->subject.contains(QStringLiteral("CN=") + name), qPrintable(c->subject));
    }
    QVERIFY(findObject(m_objects, QStringLiteral("Private Key Object; RSA"), QStringLiteral("Demo RSA signing key")));
    QVERIFY(findObject(m_objects, QStringLiteral("Private Key Object; EC"), QStringLiteral("Demo EC P-256 key")));

    const ToolObject *k = findObject(m_objects, QStringLiteral("Private Key Object"), QStringLiteral("Demo key with mismatched ID"));
    const ToolObject *c = findObject(m_objects, QStringLiteral("Certificate Object"),
                                     QStringLiteral("Demo certificate stored under another ID"));
    QVERIFY2(k && c, qPrintable(listing));
    QVERIFY(!c->id.isEmpty());
    QVERIFY(c->id != k->id);
}

void TestDemoToken::certificateVerifies_data()
{
    QTest::addColumn<QString>("certLabel");
    QTest::addColumn<QString>("keyLabel");
    QTest::addColumn<QString>("signatureAlgorithm");
    QTest::newRow("rsa") << QStringLiteral("Demo RSA signing key") << QStringLiteral("Demo RSA signing key")
                         << QStringLiteral("sha256WithRSAEncryption");
    QTest::newRow("ec") << QStringLiteral("Demo EC P-256 key") << QStringLiteral("Demo EC P-256 key")
                        << QStringLiteral("ecdsa-with-SHA256");
    QTest::newRow("mismatched-id") << QStringLiteral("Demo certificate stored under another ID")
                                   << QStringLiteral("Demo key with mismatched ID") << QStringLiteral("ecdsa-with-SHA256");
}

void TestDemoToken::certificateVerifies()
{
    QFETCH(QString, certLabel);
    QFETCH(QString, keyLabel);
    QFETCH(QString, signatureAlgorithm);
    QVERIFY(!m_objects.isEmpty());
    const ToolObject *c = findObject(m_objects, QStringLiteral("Certificate Object"), certLabel);
    const ToolObject *k = findObject(m_objects, QStringLiteral("Public Key Object"), keyLabel);
    QVERIFY(c && k);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString der = file(tag + QStringLiteral(".der")), pem = file(tag + QStringLiteral(".pem"));
    const QString keyDer = file(tag + QStringLiteral("-key.der"));

    tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"),
          c->id, QStringLiteral("-o"), der});
    SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                    QStringLiteral("-in"), der, QStringLiteral("-out"), pem});
    const QString subject = QString::fromUtf8(SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"),
                                    QStringLiteral("-subject"), QStringLiteral("-nameopt"), QStringLiteral("RFC2253")}));
    QVERIFY2(subject.contains(QStringLiteral("CN=") + keyLabel), qPrintable(subject));
    QVERIFY2(subject.contains(QStringLiteral("O=TokenDesk Demo")), qPrintable(subject));
    const QString text = QString::fromUtf8(SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-text")}));
    QVERIFY2(text.contains(QStringLiteral("Signature Algorithm: ") + signatureAlgorithm), qPrintable(text));

    // The self-signature, checked by OpenSSL's own chain verification.
    const QString verify = QString::fromUtf8(SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("verify"), QStringLiteral("-CAfile"), pem, pem}));
    QCOMPARE(verify.trimmed(), pem + QStringLiteral(": OK"));

    // The certificate carries exactly the token key's public half.
    tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("pubkey"), QStringLiteral("--id"),
          k->id, QStringLiteral("-o"), keyDer});
    const QByteArray certKey = SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-pubkey")});
    const QString certKeyPem = file(tag + QStringLiteral("-certkey.pem"));
    QFile f(certKeyPem);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(certKey);
    f.close();
    const QByteArray certKeyDer = SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("pkey"), QStringLiteral("-pubin"), QStringLiteral("-in"), certKeyPem,
                                    QStringLiteral("-outform"), QStringLiteral("DER")});
    QFile tokenKey(keyDer);
    QVERIFY(tokenKey.open(QIODevice::ReadOnly));
    QCOMPARE(certKeyDer.toHex(), tokenKey.readAll().toHex());
}

void TestDemoToken::keySignsAndCertificateVerifies_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<QString>("mechanism");
    QTest::newRow("rsa") << QStringLiteral("Demo RSA signing key") << QStringLiteral("SHA256-RSA-PKCS");
    // SoftHSM 2.6 has no CKM_ECDSA_SHA256: the token signs the digest (as DemoToken does).
    QTest::newRow("ec") << QStringLiteral("Demo EC P-256 key") << QStringLiteral("ECDSA");
}

// The keys are usable: what the token signs, openssl verifies with the certificate's key.
void TestDemoToken::keySignsAndCertificateVerifies()
{
    QFETCH(QString, label);
    QFETCH(QString, mechanism);
    const ToolObject *c = findObject(m_objects, QStringLiteral("Certificate Object"), label);
    QVERIFY(c);
    const QString tag = QString::fromLatin1(QTest::currentDataTag());
    const QString data = file(tag + QStringLiteral("-data.txt")), sig = file(tag + QStringLiteral("-data.sig"));
    const QString der = file(tag + QStringLiteral("-sign.der")), pub = file(tag + QStringLiteral("-sign-pub.pem"));
    QFile d(data);
    QVERIFY(d.open(QIODevice::WriteOnly));
    d.write("signed by the TokenDesk demo token\n");
    d.close();
    QString input = data;
    QStringList args{QStringLiteral("--sign"), QStringLiteral("--mechanism"), mechanism, QStringLiteral("--id"), c->id};
    if (mechanism == QLatin1String("ECDSA")) {
        input = file(tag + QStringLiteral("-data.sha256"));
        SoftHsmFixture::run(QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"),
                                                        QStringLiteral("-binary"), QStringLiteral("-out"), input, data});
        args << QStringLiteral("--signature-format") << QStringLiteral("openssl"); // DER, as openssl dgst reads it
    }
    args << QStringLiteral("-i") << input << QStringLiteral("-o") << sig;
    tool(args);
    tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"),
          c->id, QStringLiteral("-o"), der});
    const QByteArray key = SoftHsmFixture::run(QStringLiteral("openssl"),
                                               {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"),
                                                QStringLiteral("-in"), der, QStringLiteral("-noout"), QStringLiteral("-pubkey")});
    QFile p(pub);
    QVERIFY(p.open(QIODevice::WriteOnly));
    p.write(key);
    p.close();
    const QString out = QString::fromUtf8(SoftHsmFixture::run(
        QStringLiteral("openssl"), {QStringLiteral("dgst"), QStringLiteral("-sha256"), QStringLiteral("-verify"), pub,
                                    QStringLiteral("-signature"), sig, data}));
    QCOMPARE(out.trimmed(), QStringLiteral("Verified OK"));
}

void TestDemoToken::inventoryFindsTokenAndPairingWarning()
{
    Inventory inventory(m_registry);
    const ModuleSnapshot snap =
        inventory.scan(ModuleSpec{DemoToken::softhsmModulePath(), QStringLiteral("softhsm2"), false}).result();
    QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
    std::optional<TokenRef> ref;
    int demoTokens = 0;
    for (const SlotSnapshot &s : snap.slots) {
        if (s.token && DemoToken::isDemoToken(*s.token)) {
            ++demoTokens;
            ref = TokenRef{snap.path, s.id, s.token->id};
        } else if (s.token) {
            QVERIFY(!DemoToken::isDemoToken(*s.token)); // SoftHSM's free slot
        }
    }
    QCOMPARE(demoTokens, 1);
    QCOMPARE(ref->id, m_ref->id);

    // Public objects without login: the certificates, public keys and the note.
    TokenContents pub = inventory.readObjects(*ref).result();
    QVERIFY(pub.privateObjectsHidden);
    QCOMPARE(pub.objects.size(), std::size_t(11));

    inventory.login(*ref, CKU_USER, DemoToken::userPin()).waitForFinished();
    const TokenContents c = inventory.readObjects(*ref).result();
    QVERIFY(c.loggedIn);
    QCOMPARE(c.objects.size(), std::size_t(16));

    const ObjectInfo *rsaKey = findInfo(c, CKO_PRIVATE_KEY, QStringLiteral("Demo RSA signing key"));
    const ObjectInfo *ecKey = findInfo(c, CKO_PRIVATE_KEY, QStringLiteral("Demo EC P-256 key"));
    const ObjectInfo *oddKey = findInfo(c, CKO_PRIVATE_KEY, QStringLiteral("Demo key with mismatched ID"));
    const ObjectInfo *oddCert = findInfo(c, CKO_CERTIFICATE, QStringLiteral("Demo certificate stored under another ID"));
    const ObjectInfo *about = findInfo(c, CKO_DATA, QStringLiteral("About this demo token"));
    QVERIFY(rsaKey && ecKey && oddKey && oddCert && about);
    QCOMPARE(rsaKey->attrs.ulong(CKA_KEY_TYPE), std::optional<CK_ULONG>(CKK_RSA));
    QCOMPARE(ecKey->attrs.ulong(CKA_KEY_TYPE), std::optional<CK_ULONG>(CKK_EC));
    for (const ObjectInfo *k : {rsaKey, ecKey, oddKey}) {
        QCOMPARE(k->attrs.boolean(CKA_LOCAL), std::optional<bool>(true));
        QCOMPARE(k->attrs.boolean(CKA_EXTRACTABLE), std::optional<bool>(false));
        QVERIFY(!k->attrs.bytes(CKA_SUBJECT).isEmpty());
    }
    QVERIFY(about->attrs.bytes(CKA_VALUE).contains("demo"));
    QCOMPARE(about->attrs.boolean(CKA_PRIVATE), std::optional<bool>(false));

    const auto pairing = computePairing(c);
    QCOMPARE(pairingOf(pairing, c, *rsaKey).state, PairState::Paired);
    QCOMPARE(pairingOf(pairing, c, *ecKey).state, PairState::Paired);
    QCOMPARE(pairingOf(pairing, c, *oddKey).state, PairState::IdMismatch);
    QCOMPARE(pairingOf(pairing, c, *oddCert).state, PairState::IdMismatch);
    QCOMPARE(pairingOf(pairing, c, *oddCert).partnerKey, oddKey->key());
    inventory.logout(*ref).waitForFinished();
}

// A new user sees the expiry badges on the demo token: one certificate expires within
// the default warning period, one has expired, both dated from the token's creation.
// Oracle: openssl x509 -checkend on the certificates pkcs11-tool reads back.
void TestDemoToken::datedCertificatesShowTheBadges_data()
{
    QTest::addColumn<QString>("label");
    QTest::addColumn<int>("expiresAfterDays");  // -checkend says "will not expire" this many days from now
    QTest::addColumn<int>("expiresBeforeDays"); // and "will expire" this many
    QTest::addColumn<int>("validity");          // CertificateSummary at now, 30-day warning
    QTest::newRow("expiring soon") << QStringLiteral("Demo key expiring soon") << DemoToken::kExpiringSoonDays - 1
                                   << DemoToken::kExpiringSoonDays + 1 << int(CertificateValidity::ExpiringSoon);
    QTest::newRow("expired") << QStringLiteral("Demo key with expired certificate") << -(DemoToken::kExpiredDaysAgo + 1)
                             << -(DemoToken::kExpiredDaysAgo - 1) << int(CertificateValidity::Expired);
    QTest::newRow("far") << QStringLiteral("Demo EC P-256 key") << 3000 << 3651 << int(CertificateValidity::Valid);
}

void TestDemoToken::datedCertificatesShowTheBadges()
{
    QFETCH(QString, label);
    QFETCH(int, expiresAfterDays);
    QFETCH(int, expiresBeforeDays);
    QFETCH(int, validity);
    QVERIFY(!m_objects.isEmpty());
    const ToolObject *c = findObject(m_objects, QStringLiteral("Certificate Object"), label);
    const ToolObject *k = findObject(m_objects, QStringLiteral("Private Key Object"), label);
    QVERIFY2(c && k, qPrintable(label));
    QCOMPARE(c->id, k->id); // paired as usual: the badge shows on the key row too
    const QString der = file(QStringLiteral("dated-%1.der").arg(QString::fromLatin1(QTest::currentDataTag()).replace(QLatin1Char(' '), QLatin1Char('-'))));
    tool({QStringLiteral("--read-object"), QStringLiteral("--type"), QStringLiteral("cert"), QStringLiteral("--id"), c->id,
          QStringLiteral("-o"), der});
    // openssl -checkend N: exit 0 when the certificate is still valid N seconds from now.
    const auto validIn = [&](int days) {
        return SoftHsmFixture::runStatus(QStringLiteral("openssl"),
                                         {QStringLiteral("x509"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
                                          der, QStringLiteral("-noout"), QStringLiteral("-checkend"),
                                          QString::number(qint64(days) * 86400)})
            == 0;
    };
    if (expiresAfterDays >= 0)
        QVERIFY(validIn(expiresAfterDays));
    else // already expired expiresAfterDays ago at the latest: not valid now
        QVERIFY(!validIn(0));
    QVERIFY(!validIn(expiresBeforeDays));
    QFile f(der);
    QVERIFY(f.open(QIODevice::ReadOnly));
    const CertificateInfo info = decodeCertificate(f.readAll());
    QCOMPARE(int(CertificateSummary::of(info, QDateTime::currentDateTimeUtc(), 30).validity), validity);
    if (expiresAfterDays < 0) // expired about kExpiredDaysAgo days ago, not just now
        QVERIFY(info.notAfter < QDateTime::currentDateTimeUtc().addDays(expiresBeforeDays));
}

QTEST_GUILESS_MAIN(TestDemoToken)
#include "tst_demotoken.moc"
