// SPDX-License-Identifier: GPL-3.0-or-later
// core/x509 against the real openssl command-line tool: every key and
// certificate is generated here, and every expected value comes from openssl's
// own output, never from the code under test.
#include "opensslcli.h"

#include "x509/certificatedecoder.h"
#include "x509/certificatefile.h"
#include "x509/keydescription.h"
#include "x509/keyid.h"
#include "x509/keymatch.h"
#include "x509/publickey.h"
#include "x509/x509error.h"

#include <QRegularExpression>
#include <QCryptographicHash>
#include <QTest>
#include <QTimeZone>

// Runs openssl and fails the current test function with its output if it fails.
#define OSSL(...) QVERIFY2(m_ossl.run(__VA_ARGS__), qPrintable(m_ossl.lastError()))

namespace {

const char kConfig[] = R"([req]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
[dn]
C = DE
O = TokenDesk Test
OU = Unit
CN = Alice Example
[rsa_ext]
subjectKeyIdentifier = hash
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = clientAuth, emailProtection, msSmartcardLogin, 1.2.3.4.5
subjectAltName = @alt
[alt]
DNS.1 = alice.example.org
email.1 = alice@example.org
IP.1 = 192.0.2.7
IP.2 = 2001:db8::1
URI.1 = https://example.org/alice
otherName.1 = 1.3.6.1.4.1.311.20.2.3;UTF8:alice@corp.example
[ca_ext]
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
[ec_ext]
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid:always
basicConstraints = CA:FALSE
keyUsage = critical, digitalSignature, keyAgreement
extendedKeyUsage = serverAuth
subjectAltName = DNS:ec.example.org
)";

// UTF-8 names go through a config file: command-line arguments would pass
// through the local 8-bit codec of whatever locale the test runs in.
const char kUtf8Config[] = "[req]\ndistinguished_name = dn\nprompt = no\nutf8 = yes\nstring_mask = utf8only\n"
                           "[dn]\nO = B\xC3\xA4" "ckerei\nCN = J\xC3\xBCrgen M\xC3\xBCller\n";

QString expandIpv6ForOpenssl(const QString &compressed)
{
    // openssl -text prints IPv6 SANs uncompressed and upper case: 2001:DB8:0:0:0:0:0:1
    const QStringList halves = compressed.split(QStringLiteral("::"));
    QStringList head = halves.value(0).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    const QStringList tail = halves.size() > 1 ? halves.value(1).split(QLatin1Char(':'), Qt::SkipEmptyParts) : QStringList();
    while (head.size() + tail.size() < 8)
        head << QStringLiteral("0");
    head += tail;
    for (QString &g : head)
        g = QString::number(g.toUInt(nullptr, 16), 16).toUpper();
    return head.join(QLatin1Char(':'));
}

QString opensslSanText(const QList<SubjectAltName> &sans)
{
    QStringList parts;
    for (const SubjectAltName &s : sans) {
        switch (s.type) {
        case SubjectAltName::Type::Dns: parts << QStringLiteral("DNS:") + s.value; break;
        case SubjectAltName::Type::Email: parts << QStringLiteral("email:") + s.value; break;
        case SubjectAltName::Type::Uri: parts << QStringLiteral("URI:") + s.value; break;
        case SubjectAltName::Type::IpAddress:
            parts << QStringLiteral("IP Address:")
                         + (s.value.contains(QLatin1Char(':')) ? expandIpv6ForOpenssl(s.value) : s.value);
            break;
        case SubjectAltName::Type::Upn: parts << QStringLiteral("othername: UPN::") + s.value; break;
        default: parts << QStringLiteral("?"); break;
        }
    }
    return parts.join(QStringLiteral(", "));
}

QStringList names(const QList<ExtendedKeyUsage> &ekus)
{
    QStringList out;
    for (const ExtendedKeyUsage &e : ekus)
        out << e.name;
    return out;
}

} // namespace

class TestX509 : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void rsaCertificateMatchesOpenssl();
    void issuedEcCertificate();
    void caCertificate();
    void utf8NamesAndEd25519();
    void validityAgainstOpensslVerify();
    void validityBoundaries();
    void invalidCertificate();
    void paddedCertificate();

    void rsaAttributesToSpki();
    void ecAttributesToSpki_data();
    void ecAttributesToSpki();
    void explicitEcParameters();
    void edwardsAndMontgomery_data();
    void edwardsAndMontgomery();
    void barePointThatParsesAsDer();
    void publicKeyInfoAttribute();
    void malformedAttributes();

    void keyMatching();
    void compressedPointCertificate();
    void defaultKeyIds();

    void readCertificateFiles();
    void corruptFiles();

private:
    QByteArray derOf(const QString &pem);
    QByteArray text(const QString &pem);
    QByteArray spkiOf(const QString &keyFile, const QStringList &extra = {});
    PublicKeyAttributes rsaAttributes(const QString &keyFile);
    PublicKeyAttributes ecAttributes(const QString &keyFile, bool wrapped = true);
    QByteArray octetString(const QByteArray &content);
    QByteArray genstr(const QString &spec);

    OpensslCli m_ossl;
};

// --- helpers ---------------------------------------------------------------
// They return empty values on failure; the QCOMPAREs that follow then fail
// with openssl's message in lastError() printed by the macro below.
#define REQUIRE_NONEMPTY(x) QVERIFY2(!(x).isEmpty(), qPrintable(m_ossl.lastError()))

QByteArray TestX509::derOf(const QString &pem)
{
    QByteArray out;
    m_ossl.run({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-outform"), QStringLiteral("DER")}, &out);
    return out;
}

QByteArray TestX509::text(const QString &pem)
{
    QByteArray out;
    m_ossl.run({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-text")}, &out);
    return out;
}

QByteArray TestX509::spkiOf(const QString &keyFile, const QStringList &extra)
{
    QByteArray out;
    m_ossl.run(QStringList{QStringLiteral("pkey"), QStringLiteral("-in"), keyFile, QStringLiteral("-pubout"),
                           QStringLiteral("-outform"), QStringLiteral("DER")} + extra, &out);
    return out;
}

QByteArray TestX509::genstr(const QString &spec)
{
    // openssl asn1parse -genstr encodes one ASN.1 value: an independent DER encoder.
    const QString file = QStringLiteral("genstr.der");
    if (!m_ossl.run({QStringLiteral("asn1parse"), QStringLiteral("-genstr"), spec, QStringLiteral("-noout"),
                     QStringLiteral("-out"), file}))
        return {};
    return m_ossl.read(file);
}

QByteArray TestX509::octetString(const QByteArray &content)
{
    return genstr(QStringLiteral("FORMAT:HEX,OCTETSTRING:") + QString::fromLatin1(content.toHex()));
}

PublicKeyAttributes TestX509::rsaAttributes(const QString &keyFile)
{
    PublicKeyAttributes a;
    a.keyType = CKK_RSA;
    QByteArray out;
    if (m_ossl.run({QStringLiteral("rsa"), QStringLiteral("-in"), keyFile, QStringLiteral("-noout"), QStringLiteral("-modulus")}, &out))
        a.modulus = QByteArray::fromHex(OpensslCli::field(out, "Modulus").toLatin1());
    if (m_ossl.run({QStringLiteral("rsa"), QStringLiteral("-in"), keyFile, QStringLiteral("-noout"), QStringLiteral("-text")}, &out)) {
        const auto m = QRegularExpression(QStringLiteral("publicExponent: \\d+ \\(0x([0-9a-fA-F]+)\\)")).match(QString::fromLatin1(out));
        QString hex = m.captured(1);
        if (hex.size() % 2)
            hex.prepend(QLatin1Char('0'));
        a.publicExponent = QByteArray::fromHex(hex.toLatin1());
    }
    return a;
}

PublicKeyAttributes TestX509::ecAttributes(const QString &keyFile, bool wrapped)
{
    PublicKeyAttributes a;
    a.keyType = CKK_EC;
    QByteArray out;
    if (!m_ossl.run({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile, QStringLiteral("-noout"), QStringLiteral("-text_pub")}, &out))
        return a;
    const QByteArray point = OpensslCli::hexBlock(out, "pub:");
    const QString curve = QRegularExpression(QStringLiteral("ASN1 OID: (\\S+)")).match(QString::fromLatin1(out)).captured(1);
    QByteArray params;
    if (m_ossl.run({QStringLiteral("ecparam"), QStringLiteral("-name"), curve, QStringLiteral("-outform"), QStringLiteral("DER")}, &params))
        a.ecParams = params;
    a.ecPoint = wrapped ? octetString(point) : point;
    return a;
}

// --- setup -----------------------------------------------------------------

void TestX509::initTestCase()
{
    QVERIFY2(m_ossl.isValid(), qPrintable(m_ossl.lastError()));
    QVERIFY(m_ossl.write(QStringLiteral("openssl.cnf"), QByteArray(kConfig)));
    QVERIFY(m_ossl.write(QStringLiteral("utf8.cnf"), QByteArray(kUtf8Config)));
    const QString cnf = QStringLiteral("openssl.cnf");
    auto s = [](const char *x) { return QString::fromLatin1(x); };

    // RSA-2048 self-signed end-entity certificate with every extension we decode; 10 days → "expiring soon".
    OSSL({s("genpkey"), s("-algorithm"), s("RSA"), s("-pkeyopt"), s("rsa_keygen_bits:2048"), s("-out"), s("rsa.key")});
    OSSL({s("req"), s("-x509"), s("-new"), s("-config"), cnf, s("-extensions"), s("rsa_ext"), s("-key"), s("rsa.key"),
          s("-days"), s("10"), s("-sha256"), s("-set_serial"), s("0x01A2B3C4D5E6F708"), s("-out"), s("rsa.pem")});
    // EC P-384 CA, and an EC P-256 certificate it issues (400 days → "valid").
    OSSL({s("genpkey"), s("-algorithm"), s("EC"), s("-pkeyopt"), s("ec_paramgen_curve:P-384"), s("-out"), s("ca.key")});
    OSSL({s("req"), s("-x509"), s("-new"), s("-config"), cnf, s("-extensions"), s("ca_ext"), s("-key"), s("ca.key"),
          s("-subj"), s("/O=TokenDesk Test/CN=Test CA"), s("-days"), s("3650"), s("-set_serial"), s("1"), s("-out"), s("ca.pem")});
    OSSL({s("genpkey"), s("-algorithm"), s("EC"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"), s("-out"), s("ec.key")});
    OSSL({s("req"), s("-new"), s("-config"), cnf, s("-key"), s("ec.key"), s("-subj"), s("/CN=ec.example.org"), s("-out"), s("ec.csr")});
    OSSL({s("x509"), s("-req"), s("-in"), s("ec.csr"), s("-CA"), s("ca.pem"), s("-CAkey"), s("ca.key"), s("-set_serial"),
          s("0x00FF"), s("-days"), s("400"), s("-extfile"), cnf, s("-extensions"), s("ec_ext"), s("-out"), s("ec.pem")});
    // A second P-256 key, to show that matching is not fooled by the same curve.
    OSSL({s("genpkey"), s("-algorithm"), s("EC"), s("-pkeyopt"), s("ec_paramgen_curve:P-256"), s("-out"), s("ec2.key")});
    // Ed25519 with UTF-8 names.
    OSSL({s("genpkey"), s("-algorithm"), s("ED25519"), s("-out"), s("ed.key")});
    OSSL({s("req"), s("-x509"), s("-new"), s("-config"), s("utf8.cnf"), s("-key"), s("ed.key"), s("-days"), s("30"),
          s("-set_serial"), s("42"), s("-out"), s("utf8.pem")});
}

// --- certificate decoding ----------------------------------------------------

void TestX509::rsaCertificateMatchesOpenssl()
{
    const QString pem = m_ossl.path(QStringLiteral("rsa.pem"));
    const QByteArray der = derOf(pem);
    REQUIRE_NONEMPTY(der);
    const CertificateInfo info = decodeCertificate(der);
    QCOMPARE(info.der, der);

    QByteArray out;
    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-subject"),
          QStringLiteral("-issuer"), QStringLiteral("-serial"), QStringLiteral("-nameopt"), QStringLiteral("RFC2253")}, &out);
    QCOMPARE(info.subject, OpensslCli::field(out, "subject"));
    QCOMPARE(info.subject, QStringLiteral("CN=Alice Example,OU=Unit,O=TokenDesk Test,C=DE"));
    QCOMPARE(info.issuer, OpensslCli::field(out, "issuer"));
    QCOMPARE(info.serial, OpensslCli::field(out, "serial"));
    QCOMPARE(info.serial, QStringLiteral("01A2B3C4D5E6F708"));
    QCOMPARE(info.serialHex, QStringLiteral("01:A2:B3:C4:D5:E6:F7:08"));
    QCOMPARE(info.commonName, QStringLiteral("Alice Example"));

    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-subject"),
          QStringLiteral("-issuer"), QStringLiteral("-nameopt"), QStringLiteral("compat")}, &out);
    QCOMPARE(info.subjectOneLine, OpensslCli::field(out, "subject"));
    QCOMPARE(info.subjectOneLine, QStringLiteral("/C=DE/O=TokenDesk Test/OU=Unit/CN=Alice Example"));
    QCOMPARE(info.issuerOneLine, OpensslCli::field(out, "issuer"));

    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha1")}, &out);
    QCOMPARE(info.sha1Fingerprint, OpensslCli::field(out, "sha1 Fingerprint"));
    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-fingerprint"), QStringLiteral("-sha256")}, &out);
    QCOMPARE(info.sha256Fingerprint, OpensslCli::field(out, "sha256 Fingerprint"));
    QCOMPARE(info.sha256Fingerprint.size(), 32 * 3 - 1);

    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-startdate"),
          QStringLiteral("-enddate"), QStringLiteral("-dateopt"), QStringLiteral("iso_8601")}, &out);
    QCOMPARE(info.notBefore, OpensslCli::isoDate(OpensslCli::field(out, "notBefore")));
    QCOMPARE(info.notAfter, OpensslCli::isoDate(OpensslCli::field(out, "notAfter")));
    QCOMPARE(info.notBefore.offsetFromUtc(), 0);
    QCOMPARE(info.notBefore.secsTo(info.notAfter), qint64(10) * 24 * 3600);

    const QByteArray t = text(pem);
    QCOMPARE(info.version, 3);
    QVERIFY(t.contains("Signature Algorithm: " + info.signatureAlgorithm.toLatin1()));
    QCOMPARE(info.signatureAlgorithm, QStringLiteral("sha256WithRSAEncryption"));
    QVERIFY(info.hasKeyUsage);
    QCOMPARE(info.keyUsage, OpensslCli::lineAfter(t, "X509v3 Key Usage: critical").split(QStringLiteral(", ")));
    QCOMPARE(info.keyUsage, (QStringList{QStringLiteral("Digital Signature"), QStringLiteral("Key Encipherment")}));
    QCOMPARE(names(info.extendedKeyUsage), OpensslCli::lineAfter(t, "X509v3 Extended Key Usage:").split(QStringLiteral(", ")));
    QCOMPARE(info.extendedKeyUsage.size(), 4);
    QCOMPARE(info.extendedKeyUsage.at(0), (ExtendedKeyUsage{QStringLiteral("1.3.6.1.5.5.7.3.2"), QStringLiteral("TLS Web Client Authentication")}));
    QCOMPARE(info.extendedKeyUsage.at(3), (ExtendedKeyUsage{QStringLiteral("1.2.3.4.5"), QStringLiteral("1.2.3.4.5")}));
    QCOMPARE(opensslSanText(info.subjectAltNames), OpensslCli::lineAfter(t, "X509v3 Subject Alternative Name:"));
    QCOMPARE(info.subjectAltNames.size(), 6);
    QCOMPARE(info.subjectAltNames.at(2), (SubjectAltName{SubjectAltName::Type::IpAddress, QStringLiteral("192.0.2.7")}));
    QCOMPARE(info.subjectAltNames.at(3), (SubjectAltName{SubjectAltName::Type::IpAddress, QStringLiteral("2001:db8::1")}));
    QCOMPARE(info.subjectAltNames.at(5).typeName(), QStringLiteral("UPN"));
    QVERIFY(info.hasBasicConstraints);
    QVERIFY(!info.isCa);
    QCOMPARE(OpensslCli::lineAfter(t, "X509v3 Basic Constraints: critical"), QStringLiteral("CA:FALSE"));
    QCOMPARE(QString::fromLatin1(info.subjectKeyIdentifier.toHex(':').toUpper()),
             OpensslCli::lineAfter(t, "X509v3 Subject Key Identifier:"));

    QVERIFY(info.selfIssued);
    QVERIFY(info.selfSigned);
    QCOMPARE(info.publicKeyAlgorithm, QStringLiteral("RSA"));
    QVERIFY(t.contains("Public-Key: (" + QByteArray::number(info.publicKeyBits) + " bit)"));
    QCOMPARE(info.publicKeyBits, 2048);
    QCOMPARE(info.publicKeyDescription, QStringLiteral("RSA 2048 bits"));
    QVERIFY(info.curveName.isEmpty());
    QCOMPARE(info.subjectPublicKeyInfo, spkiOf(QStringLiteral("rsa.key")));

    // CKA_SUBJECT / CKA_SERIAL_NUMBER material: DER name and DER INTEGER.
    QCOMPARE(info.subjectDer, info.issuerDer);
    QCOMPARE(info.subjectDer.at(0), char(0x30));
    QCOMPARE(info.serialDer, QByteArray::fromHex("020801A2B3C4D5E6F708"));

    // 10 days left: openssl -checkend 30 days says it will expire.
    QCOMPARE(m_ossl.status({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"),
                            QStringLiteral("-checkend"), QStringLiteral("2592000")}), 1);
    QCOMPARE(info.validityAt(QDateTime::currentDateTimeUtc()), CertificateValidity::ExpiringSoon);
}

void TestX509::issuedEcCertificate()
{
    const QString pem = m_ossl.path(QStringLiteral("ec.pem"));
    const CertificateInfo info = decodeCertificate(derOf(pem));
    const CertificateInfo ca = decodeCertificate(derOf(m_ossl.path(QStringLiteral("ca.pem"))));

    QByteArray out;
    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-subject"),
          QStringLiteral("-issuer"), QStringLiteral("-serial"), QStringLiteral("-nameopt"), QStringLiteral("RFC2253")}, &out);
    QCOMPARE(info.subject, OpensslCli::field(out, "subject"));
    QCOMPARE(info.issuer, OpensslCli::field(out, "issuer"));
    QCOMPARE(info.issuer, ca.subject);
    QCOMPARE(info.issuerDer, ca.subjectDer);
    // 255 is DER 02 02 00 FF; the displayed serial drops the sign byte as openssl does.
    QCOMPARE(info.serial, OpensslCli::field(out, "serial"));
    QCOMPARE(info.serial, QStringLiteral("FF"));
    QCOMPARE(info.serialDer, QByteArray::fromHex("020200FF"));

    QVERIFY(!info.selfIssued);
    QVERIFY(!info.selfSigned);
    QCOMPARE(info.authorityKeyIdentifier, ca.subjectKeyIdentifier);
    QVERIFY(!info.authorityKeyIdentifier.isEmpty());

    const QByteArray t = text(pem);
    QVERIFY(t.contains("ASN1 OID: prime256v1"));
    QCOMPARE(info.publicKeyAlgorithm, QStringLiteral("EC"));
    QCOMPARE(info.publicKeyBits, 256);
    QCOMPARE(info.curveName, QStringLiteral("P-256 (prime256v1)"));
    QCOMPARE(info.publicKeyDescription, QStringLiteral("EC P-256 (prime256v1)"));
    QCOMPARE(info.subjectPublicKeyInfo, spkiOf(QStringLiteral("ec.key")));
    QCOMPARE(info.keyUsage, OpensslCli::lineAfter(t, "X509v3 Key Usage: critical").split(QStringLiteral(", ")));
    QCOMPARE(names(info.extendedKeyUsage), QStringList{QStringLiteral("TLS Web Server Authentication")});
    QCOMPARE(info.subjectAltNames, (QList<SubjectAltName>{{SubjectAltName::Type::Dns, QStringLiteral("ec.example.org")}}));
    QVERIFY(info.hasBasicConstraints);
    QVERIFY(!info.isCa);
    QCOMPARE(info.signatureAlgorithm, QStringLiteral("ecdsa-with-SHA256"));

    QCOMPARE(m_ossl.status({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"),
                            QStringLiteral("-checkend"), QStringLiteral("2592000")}), 0);
    QCOMPARE(info.validityAt(QDateTime::currentDateTimeUtc()), CertificateValidity::Valid);
}

void TestX509::caCertificate()
{
    const QString pem = m_ossl.path(QStringLiteral("ca.pem"));
    const CertificateInfo info = decodeCertificate(derOf(pem));
    const QByteArray t = text(pem);
    QVERIFY(info.hasBasicConstraints);
    QVERIFY(info.isCa);
    QCOMPARE(info.pathLength, 0);
    QCOMPARE(OpensslCli::lineAfter(t, "X509v3 Basic Constraints: critical"), QStringLiteral("CA:TRUE, pathlen:0"));
    QCOMPARE(info.keyUsage, (QStringList{QStringLiteral("Certificate Sign"), QStringLiteral("CRL Sign")}));
    QVERIFY(info.selfSigned);
    QVERIFY(info.extendedKeyUsage.isEmpty());
    QVERIFY(info.subjectAltNames.isEmpty());
    QCOMPARE(info.curveName, QStringLiteral("P-384 (secp384r1)"));
    QCOMPARE(info.publicKeyBits, 384);
    QCOMPARE(info.commonName, QStringLiteral("Test CA"));
    QCOMPARE(info.serial, QStringLiteral("01"));
}

void TestX509::utf8NamesAndEd25519()
{
    const QString pem = m_ossl.path(QStringLiteral("utf8.pem"));
    const CertificateInfo info = decodeCertificate(derOf(pem));
    QByteArray out;
    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-subject"),
          QStringLiteral("-nameopt"), QStringLiteral("RFC2253,-esc_msb")}, &out);
    QCOMPARE(info.subject, OpensslCli::field(out, "subject"));
    QCOMPARE(info.subject, QStringLiteral("CN=J\u00FCrgen M\u00FCller,O=B\u00E4ckerei"));
    QCOMPARE(info.commonName, QStringLiteral("J\u00FCrgen M\u00FCller"));
    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), pem, QStringLiteral("-noout"), QStringLiteral("-subject"),
          QStringLiteral("-nameopt"), QStringLiteral("compat")}, &out);
    QCOMPARE(info.subjectOneLine, OpensslCli::field(out, "subject"));
    QCOMPARE(info.publicKeyAlgorithm, QStringLiteral("Ed25519"));
    QCOMPARE(info.publicKeyDescription, QStringLiteral("Ed25519"));
    QVERIFY(info.selfSigned);
    QVERIFY(!info.hasKeyUsage);
    QCOMPARE(info.keyUsageBits, 0u);
    QCOMPARE(info.subjectPublicKeyInfo, spkiOf(QStringLiteral("ed.key")));
    QCOMPARE(info.serial, QStringLiteral("2A"));
}

void TestX509::validityAgainstOpensslVerify()
{
    // "now" is injected; openssl verify -attime judges the same moments.
    const CertificateInfo info = decodeCertificate(derOf(m_ossl.path(QStringLiteral("ec.pem"))));
    const struct {
        QDateTime at;
        CertificateValidity expected;
        const char *opensslSays; // nullptr: verification succeeds
    } cases[] = {
        {info.notBefore.addDays(-2), CertificateValidity::NotYetValid, "certificate is not yet valid"},
        {info.notAfter.addDays(2), CertificateValidity::Expired, "certificate has expired"},
        {info.notAfter.addDays(-10), CertificateValidity::ExpiringSoon, nullptr},
        {info.notBefore.addDays(10), CertificateValidity::Valid, nullptr},
    };
    for (const auto &c : cases) {
        QCOMPARE(info.validityAt(c.at), c.expected);
        QByteArray out;
        const int rc = m_ossl.status({QStringLiteral("verify"), QStringLiteral("-CAfile"), QStringLiteral("ca.pem"),
                                      QStringLiteral("-attime"), QString::number(c.at.toSecsSinceEpoch()),
                                      QStringLiteral("ec.pem")}, &out);
        if (c.opensslSays) {
            QVERIFY2(rc != 0 && out.contains(c.opensslSays), out.constData());
        } else {
            QVERIFY2(rc == 0, out.constData());
        }
    }
}

void TestX509::validityBoundaries()
{
    CertificateInfo info;
    info.notBefore = QDateTime(QDate(2030, 1, 1), QTime(0, 0), QTimeZone::utc());
    info.notAfter = QDateTime(QDate(2030, 12, 31), QTime(23, 59, 59), QTimeZone::utc());
    QCOMPARE(info.validityAt(info.notBefore.addSecs(-1)), CertificateValidity::NotYetValid);
    QCOMPARE(info.validityAt(info.notBefore), CertificateValidity::Valid);
    QCOMPARE(info.validityAt(info.notAfter.addDays(-31)), CertificateValidity::Valid);
    QCOMPARE(info.validityAt(info.notAfter.addDays(-30)), CertificateValidity::Valid); // strict, like -checkend
    QCOMPARE(info.validityAt(info.notAfter.addDays(-30).addSecs(1)), CertificateValidity::ExpiringSoon);
    QCOMPARE(info.validityAt(info.notAfter), CertificateValidity::ExpiringSoon);
    QCOMPARE(info.validityAt(info.notAfter.addSecs(1)), CertificateValidity::Expired);
    QCOMPARE(info.validityAt(info.notAfter.addDays(-50), 60), CertificateValidity::ExpiringSoon);
    // A "now" in another time zone is the same instant.
    const QDateTime localNow = info.notAfter.addSecs(1).toTimeZone(QTimeZone(3600 * 5));
    QCOMPARE(info.validityAt(localNow), CertificateValidity::Expired);
}

void TestX509::invalidCertificate()
{
    const QByteArray der = derOf(m_ossl.path(QStringLiteral("rsa.pem")));
    REQUIRE_NONEMPTY(der);
    const QByteArray bad[] = {QByteArray(), QByteArray("hello, world"), der.left(der.size() / 2),
                              m_ossl.read(QStringLiteral("rsa.pem")) /* PEM is not DER */, spkiOf(QStringLiteral("rsa.key"))};
    for (const QByteArray &b : bad) {
        try {
            decodeCertificate(b);
            QFAIL("decodeCertificate accepted garbage");
        } catch (const X509Error &e) {
            QCOMPARE(e.kind(), X509Error::Kind::InvalidCertificate);
            QCOMPARE(e.message(), QStringLiteral("This is not a valid X.509 certificate (DER)."));
        }
    }
}

void TestX509::paddedCertificate()
{
    // Token quirk: CKA_VALUE returned with the rest of a fixed-size file behind the certificate.
    const QByteArray der = derOf(m_ossl.path(QStringLiteral("ec.pem")));
    REQUIRE_NONEMPTY(der);
    const QByteArray stored = der + QByteArray(300, '\0');
    const CertificateInfo padded = decodeCertificate(stored);
    const CertificateInfo plain = decodeCertificate(der);
    QCOMPARE(padded.der, der);
    QCOMPARE(plain.trailingBytes, qsizetype(0));
    QCOMPARE(padded.trailingBytes, qsizetype(300)); // flagged, not hidden
    // The fingerprint identifies what is stored, trailing bytes included (issue 10).
    const QString storedSha256 = QString::fromLatin1(QCryptographicHash::hash(stored, QCryptographicHash::Sha256).toHex(':')).toUpper();
    QCOMPARE(padded.sha256Fingerprint, storedSha256);
    QVERIFY(padded.sha256Fingerprint != plain.sha256Fingerprint);
    QCOMPARE(decodeCertificate(der + QByteArray(17, '\xFF')).der, der);
}

// --- public keys from PKCS#11 attributes ------------------------------------

void TestX509::rsaAttributesToSpki()
{
    PublicKeyAttributes a = rsaAttributes(QStringLiteral("rsa.key"));
    QCOMPARE(a.modulus.size(), 256);
    QCOMPARE(a.publicExponent, QByteArray::fromHex("010001"));
    const QByteArray expected = spkiOf(QStringLiteral("rsa.key"));
    REQUIRE_NONEMPTY(expected);

    const PublicKey key = PublicKey::fromAttributes(a);
    QCOMPARE(key.subjectPublicKeyInfo(), expected);
    QCOMPARE(key.algorithm(), PublicKey::Algorithm::Rsa);
    QCOMPARE(key.bits(), 2048);
    QCOMPARE(key.description(), QStringLiteral("RSA 2048 bits"));
    QCOMPARE(key.rsaModulus(), a.modulus);
    QVERIFY(key.rawPublicKey().isEmpty());
    QCOMPARE(rsaModulusBits(a.modulus), 2048);
    QCOMPARE(keyDescriptionFromParams(a), QStringLiteral("RSA 2048 bits"));

    // Some tokens prepend a zero byte (a signed-integer habit); same key, same SPKI.
    a.modulus.prepend('\0');
    QCOMPARE(PublicKey::fromAttributes(a).subjectPublicKeyInfo(), expected);
    QCOMPARE(rsaModulusBits(a.modulus), 2048);
    QCOMPARE(rsaModulusBits(QByteArray::fromHex("0001FF")), 9);
    QCOMPARE(rsaModulusBits(QByteArray()), 0);
}

void TestX509::ecAttributesToSpki_data()
{
    QTest::addColumn<QString>("curve");
    QTest::addColumn<QString>("display");
    QTest::addColumn<int>("bits");
    QTest::newRow("P-256") << QStringLiteral("prime256v1") << QStringLiteral("P-256 (prime256v1)") << 256;
    QTest::newRow("P-384") << QStringLiteral("secp384r1") << QStringLiteral("P-384 (secp384r1)") << 384;
    // 133-byte point: the OCTET STRING needs a long-form length.
    QTest::newRow("P-521") << QStringLiteral("secp521r1") << QStringLiteral("P-521 (secp521r1)") << 521;
    QTest::newRow("secp256k1") << QStringLiteral("secp256k1") << QStringLiteral("secp256k1") << 256;
    QTest::newRow("brainpoolP256r1") << QStringLiteral("brainpoolP256r1") << QStringLiteral("brainpoolP256r1") << 256;
}

void TestX509::ecAttributesToSpki()
{
    QFETCH(QString, curve);
    QFETCH(QString, display);
    QFETCH(int, bits);
    const QString keyFile = curve + QStringLiteral(".key");
    OSSL({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), QStringLiteral("EC"), QStringLiteral("-pkeyopt"),
          QStringLiteral("ec_paramgen_curve:") + curve, QStringLiteral("-out"), keyFile});
    const QByteArray expected = spkiOf(keyFile);
    REQUIRE_NONEMPTY(expected);

    const PublicKeyAttributes wrapped = ecAttributes(keyFile, true);
    const PublicKeyAttributes bare = ecAttributes(keyFile, false);
    REQUIRE_NONEMPTY(wrapped.ecPoint);
    REQUIRE_NONEMPTY(wrapped.ecParams);
    QCOMPARE(wrapped.ecPoint.at(0), char(0x04));
    QVERIFY(wrapped.ecPoint.size() > bare.ecPoint.size());

    const PublicKey fromWrapped = PublicKey::fromAttributes(wrapped);
    QCOMPARE(fromWrapped.subjectPublicKeyInfo(), expected);
    // Vendor quirk: the bare point is accepted too.
    QCOMPARE(PublicKey::fromAttributes(bare).subjectPublicKeyInfo(), expected);

    QCOMPARE(fromWrapped.algorithm(), PublicKey::Algorithm::Ec);
    QCOMPARE(fromWrapped.bits(), bits);
    QCOMPARE(fromWrapped.curveName(), display);
    QCOMPARE(fromWrapped.description(), QStringLiteral("EC ") + display);
    QCOMPARE(fromWrapped.rawPublicKey(), bare.ecPoint);
    QCOMPARE(ecCurveName(wrapped.ecParams), display);

    // An EC private key object has the curve but no point.
    PublicKeyAttributes privateKey;
    privateKey.keyType = CKK_EC;
    privateKey.ecParams = wrapped.ecParams;
    QCOMPARE(keyDescriptionFromParams(privateKey), QStringLiteral("EC ") + display);
}

void TestX509::explicitEcParameters()
{
    QByteArray explicitParams;
    OSSL({QStringLiteral("ecparam"), QStringLiteral("-name"), QStringLiteral("prime256v1"), QStringLiteral("-param_enc"),
          QStringLiteral("explicit"), QStringLiteral("-outform"), QStringLiteral("DER")}, &explicitParams);
    QCOMPARE(explicitParams.at(0), char(0x30));
    const QByteArray expected = spkiOf(QStringLiteral("ec.key"), {QStringLiteral("-ec_param_enc"), QStringLiteral("explicit")});
    REQUIRE_NONEMPTY(expected);

    PublicKeyAttributes a = ecAttributes(QStringLiteral("ec.key"));
    const PublicKey named = PublicKey::fromAttributes(a);
    a.ecParams = explicitParams;
    const PublicKey key = PublicKey::fromAttributes(a);
    QCOMPARE(key.subjectPublicKeyInfo(), expected);
    QVERIFY(key.sameKeyAs(named));
    QCOMPARE(key.bits(), 256);
    QCOMPARE(ecCurveName(explicitParams), QStringLiteral("P-256 (prime256v1), explicit parameters"));
    QVERIFY(!key.curveName().isEmpty());
}

void TestX509::edwardsAndMontgomery_data()
{
    QTest::addColumn<QString>("algorithm");
    QTest::addColumn<qulonglong>("keyType");
    QTest::addColumn<QString>("oid");
    QTest::addColumn<QString>("curveName");
    QTest::addColumn<QString>("display");
    QTest::addColumn<int>("rawLength");
    QTest::newRow("Ed25519") << QStringLiteral("ED25519") << qulonglong(CKK_EC_EDWARDS) << QStringLiteral("1.3.101.112")
                             << QStringLiteral("edwards25519") << QStringLiteral("Ed25519") << 32;
    QTest::newRow("Ed448") << QStringLiteral("ED448") << qulonglong(CKK_EC_EDWARDS) << QStringLiteral("1.3.101.113")
                           << QStringLiteral("edwards448") << QStringLiteral("Ed448") << 57;
    QTest::newRow("X25519") << QStringLiteral("X25519") << qulonglong(CKK_EC_MONTGOMERY) << QStringLiteral("1.3.101.110")
                            << QStringLiteral("curve25519") << QStringLiteral("X25519") << 32;
    QTest::newRow("X448") << QStringLiteral("X448") << qulonglong(CKK_EC_MONTGOMERY) << QStringLiteral("1.3.101.111")
                          << QStringLiteral("curve448") << QStringLiteral("X448") << 56;
}

void TestX509::edwardsAndMontgomery()
{
    QFETCH(QString, algorithm);
    QFETCH(qulonglong, keyType);
    QFETCH(QString, oid);
    QFETCH(QString, curveName);
    QFETCH(QString, display);
    QFETCH(int, rawLength);
    const QString keyFile = algorithm + QStringLiteral(".key");
    OSSL({QStringLiteral("genpkey"), QStringLiteral("-algorithm"), algorithm, QStringLiteral("-out"), keyFile});
    const QByteArray expected = spkiOf(keyFile);
    REQUIRE_NONEMPTY(expected);
    QByteArray out;
    OSSL({QStringLiteral("pkey"), QStringLiteral("-in"), keyFile, QStringLiteral("-noout"), QStringLiteral("-text_pub")}, &out);
    const QByteArray raw = OpensslCli::hexBlock(out, "pub:");
    QCOMPARE(raw.size(), rawLength);

    // CKA_EC_PARAMS: the OID (PKCS#11 3.0 and SoftHSM), the 3.0 curve-name PrintableString, or absent.
    const QByteArray params[] = {genstr(QStringLiteral("OID:") + oid),
                                 genstr(QStringLiteral("PRINTABLESTRING:") + curveName), QByteArray()};
    REQUIRE_NONEMPTY(params[0]);
    REQUIRE_NONEMPTY(params[1]);
    const QByteArray points[] = {octetString(raw), raw};
    for (const QByteArray &p : params) {
        for (const QByteArray &point : points) {
            PublicKeyAttributes a;
            a.keyType = CK_KEY_TYPE(keyType);
            a.ecParams = p;
            a.ecPoint = point;
            const PublicKey key = PublicKey::fromAttributes(a);
            QCOMPARE(key.subjectPublicKeyInfo(), expected);
            QCOMPARE(key.description(), display);
            QCOMPARE(key.rawPublicKey(), raw);
            QCOMPARE(keyDescriptionFromParams(a), display);
        }
        if (!p.isEmpty())
            QCOMPARE(ecCurveName(p), display);
    }
}

void TestX509::barePointThatParsesAsDer()
{
    // The private scalar 111 on P-256 gives a public point whose X starts with
    // 0x3F, so the bare point 04 3F <63 bytes> is also a well-formed DER OCTET
    // STRING (tag 04, length 63). Only the on-curve check can tell the readings apart.
    QVERIFY(m_ossl.write(QStringLiteral("k111.cnf"),
                         "asn1=SEQUENCE:ec\n[ec]\nv=INTEGER:1\n"
                         "k=FORMAT:HEX,OCTETSTRING:" + QByteArray(62, '0') + "6f\n"
                         "p=EXPLICIT:0,OID:prime256v1\n"));
    OSSL({QStringLiteral("asn1parse"), QStringLiteral("-genconf"), QStringLiteral("k111.cnf"), QStringLiteral("-noout"),
          QStringLiteral("-out"), QStringLiteral("k111.der")});
    OSSL({QStringLiteral("ec"), QStringLiteral("-inform"), QStringLiteral("DER"), QStringLiteral("-in"),
          QStringLiteral("k111.der"), QStringLiteral("-out"), QStringLiteral("k111.key")});
    const PublicKeyAttributes bare = ecAttributes(QStringLiteral("k111.key"), false);
    QCOMPARE(bare.ecPoint.size(), 65);
    QCOMPARE(bare.ecPoint.left(2), QByteArray::fromHex("043F")); // precondition of this test
    QCOMPARE(PublicKey::fromAttributes(bare).subjectPublicKeyInfo(), spkiOf(QStringLiteral("k111.key")));
    QCOMPARE(PublicKey::fromAttributes(ecAttributes(QStringLiteral("k111.key"), true)).subjectPublicKeyInfo(),
             spkiOf(QStringLiteral("k111.key")));
}

void TestX509::publicKeyInfoAttribute()
{
    const QByteArray spki = spkiOf(QStringLiteral("ec.key"));
    REQUIRE_NONEMPTY(spki);
    PublicKeyAttributes onlyInfo;
    onlyInfo.keyType = CKK_EC;
    onlyInfo.publicKeyInfo = spki;
    QCOMPARE(PublicKey::fromAttributes(onlyInfo).subjectPublicKeyInfo(), spki);
    QCOMPARE(PublicKey::fromSubjectPublicKeyInfo(spki).subjectPublicKeyInfo(), spki);

    // An unusable CKA_PUBLIC_KEY_INFO next to good components: the components win.
    PublicKeyAttributes a = ecAttributes(QStringLiteral("ec.key"));
    a.publicKeyInfo = QByteArray(91, '\0');
    QCOMPARE(PublicKey::fromAttributes(a).subjectPublicKeyInfo(), spki);

    onlyInfo.publicKeyInfo = QByteArray(91, '\0');
    QVERIFY_THROWS_EXCEPTION(X509Error, PublicKey::fromAttributes(onlyInfo));
}

void TestX509::malformedAttributes()
{
    const PublicKeyAttributes ec = ecAttributes(QStringLiteral("ec.key"), false);
    const PublicKeyAttributes rsa = rsaAttributes(QStringLiteral("rsa.key"));
    REQUIRE_NONEMPTY(ec.ecPoint);
    REQUIRE_NONEMPTY(rsa.modulus);

    auto expectError = [](const PublicKeyAttributes &a, X509Error::Kind kind, const QString &mentions = {}) {
        try {
            PublicKey::fromAttributes(a);
        } catch (const X509Error &e) {
            if (e.kind() != kind)
                return QStringLiteral("wrong kind for: %1").arg(e.message());
            if (e.message().isEmpty() || !e.message().endsWith(QLatin1Char('.')))
                return QStringLiteral("not a sentence: %1").arg(e.message());
            if (!mentions.isEmpty() && !e.message().contains(mentions))
                return QStringLiteral("'%1' does not mention %2").arg(e.message(), mentions);
            return QString();
        }
        return QStringLiteral("accepted");
    };

    PublicKeyAttributes a = ec;
    a.ecPoint[a.ecPoint.size() - 1] = char(a.ecPoint.at(a.ecPoint.size() - 1) ^ 0x01); // off the curve
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey, QStringLiteral("P-256")), QString());
    a.ecPoint = QByteArray(1, '\0'); // point at infinity
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey), QString());
    a.ecPoint.clear();
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey, QStringLiteral("CKA_EC_POINT")), QString());

    a = ec;
    a.ecParams = genstr(QStringLiteral("OID:1.2.3.4"));
    QCOMPARE(expectError(a, X509Error::Kind::UnsupportedKeyType, QStringLiteral("1.2.3.4")), QString());
    a.ecParams = QByteArray::fromHex("3003020101");
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey), QString());
    a.ecParams = QByteArray::fromHex("0500"); // implicitlyCA
    QCOMPARE(expectError(a, X509Error::Kind::UnsupportedKeyType), QString());
    a.ecParams.clear();
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey, QStringLiteral("CKA_EC_PARAMS")), QString());

    a = ec;
    a.keyType = CKK_EC_EDWARDS; // P-256 params on an EdDSA key
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey), QString());
    a.ecParams.clear();
    a.ecPoint = QByteArray(31, '\x07');
    QCOMPARE(expectError(a, X509Error::Kind::InvalidPublicKey), QString());

    PublicKeyAttributes r = rsa;
    r.modulus.clear();
    QCOMPARE(expectError(r, X509Error::Kind::InvalidPublicKey, QStringLiteral("CKA_MODULUS")), QString());
    r = rsa;
    r.modulus[r.modulus.size() - 1] = char(r.modulus.at(r.modulus.size() - 1) & 0xFE); // even: not an RSA modulus
    QCOMPARE(expectError(r, X509Error::Kind::InvalidPublicKey), QString());
    r = rsa;
    r.publicExponent.clear();
    QCOMPARE(expectError(r, X509Error::Kind::InvalidPublicKey, QStringLiteral("CKA_PUBLIC_EXPONENT")), QString());

    PublicKeyAttributes dsa;
    dsa.keyType = CKK_DSA;
    dsa.ecPoint = QByteArray("x");
    QCOMPARE(expectError(dsa, X509Error::Kind::UnsupportedKeyType, QStringLiteral("CKK_DSA")), QString());

    QVERIFY_THROWS_EXCEPTION(X509Error, PublicKey::fromSubjectPublicKeyInfo(QByteArray("not a key")));
    QVERIFY_THROWS_EXCEPTION(X509Error, PublicKey::fromSubjectPublicKeyInfo(QByteArray()));
    QVERIFY_THROWS_EXCEPTION(X509Error, ecCurveName(QByteArray::fromHex("0603550403"))); // an OID, but CN's
    // keyDescriptionFromParams never throws.
    PublicKeyAttributes unknown;
    unknown.keyType = CKK_EC;
    unknown.ecParams = QByteArray("junk");
    QCOMPARE(keyDescriptionFromParams(unknown), QStringLiteral("EC (unknown curve)"));
    QCOMPARE(keyDescriptionFromParams(dsa), QStringLiteral("DSA"));
}

// --- pairing and IDs ---------------------------------------------------------

void TestX509::keyMatching()
{
    const QByteArray rsaCert = derOf(m_ossl.path(QStringLiteral("rsa.pem")));
    const QByteArray ecCert = derOf(m_ossl.path(QStringLiteral("ec.pem")));
    const QByteArray caCert = derOf(m_ossl.path(QStringLiteral("ca.pem")));
    const PublicKeyAttributes rsa = rsaAttributes(QStringLiteral("rsa.key"));
    const PublicKeyAttributes ec = ecAttributes(QStringLiteral("ec.key"), false);
    const PublicKeyAttributes ec2 = ecAttributes(QStringLiteral("ec2.key"));

    QVERIFY(certificateMatchesKey(rsaCert, rsa));
    QVERIFY(!certificateMatchesKey(rsaCert, ec));
    QVERIFY(certificateMatchesKey(ecCert, ec));
    QVERIFY(!certificateMatchesKey(ecCert, ec2));
    QVERIFY(!certificateMatchesKey(ecCert, rsa));
    QVERIFY(certificateMatchesSpki(caCert, spkiOf(QStringLiteral("ca.key"))));
    QVERIFY(!certificateMatchesSpki(ecCert, spkiOf(QStringLiteral("ca.key"))));
    QVERIFY(certificateMatchesKey(ecCert, PublicKey::fromAttributes(ec)));
    QVERIFY(!PublicKey().sameKeyAs(PublicKey()));
    QVERIFY_THROWS_EXCEPTION(X509Error, certificateMatchesKey(QByteArray("junk"), rsa));
}

void TestX509::compressedPointCertificate()
{
    // A certificate whose SPKI holds a compressed point still pairs with the
    // token's uncompressed CKA_EC_POINT, and yields the same key ID.
    OSSL({QStringLiteral("pkey"), QStringLiteral("-in"), QStringLiteral("ec.key"), QStringLiteral("-ec_conv_form"),
          QStringLiteral("compressed"), QStringLiteral("-out"), QStringLiteral("ecc.key")});
    OSSL({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-new"), QStringLiteral("-config"),
          QStringLiteral("openssl.cnf"), QStringLiteral("-key"), QStringLiteral("ecc.key"), QStringLiteral("-subj"),
          QStringLiteral("/CN=compressed"), QStringLiteral("-days"), QStringLiteral("5"), QStringLiteral("-out"),
          QStringLiteral("ecc.pem")});
    const QByteArray der = derOf(m_ossl.path(QStringLiteral("ecc.pem")));
    const CertificateInfo info = decodeCertificate(der);
    QCOMPARE(info.subjectPublicKeyInfo.size(), 59); // 33-byte compressed point
    const PublicKeyAttributes ec = ecAttributes(QStringLiteral("ec.key"), false);
    QVERIFY(certificateMatchesKey(der, ec));
    const PublicKey fromCert = PublicKey::fromCertificate(der);
    QCOMPARE(fromCert.rawPublicKey(), ec.ecPoint);
    QCOMPARE(defaultKeyId(fromCert), defaultKeyId(PublicKey::fromAttributes(ec)));
    QCOMPARE(info.publicKeyDescription, QStringLiteral("EC P-256 (prime256v1)"));
}

void TestX509::defaultKeyIds()
{
    auto sha1File = [this](const QByteArray &data) {
        QByteArray digest;
        if (m_ossl.write(QStringLiteral("hashme.bin"), data))
            m_ossl.run({QStringLiteral("dgst"), QStringLiteral("-sha1"), QStringLiteral("-binary"), QStringLiteral("hashme.bin")}, &digest);
        return digest;
    };

    // OpenSC "mozilla" style. RSA: SHA-1 over the modulus bytes.
    const PublicKeyAttributes rsa = rsaAttributes(QStringLiteral("rsa.key"));
    const PublicKey rsaKey = PublicKey::fromAttributes(rsa);
    const QByteArray rsaId = defaultKeyId(rsaKey);
    QCOMPARE(rsaId.size(), 20);
    QCOMPARE(rsaId, sha1File(rsa.modulus));

    // EC: SHA-1 over the X coordinate only (OpenSC skips the 04 tag and takes half).
    const PublicKeyAttributes ec = ecAttributes(QStringLiteral("ec.key"), false);
    QCOMPARE(ec.ecPoint.size(), 65);
    const PublicKey ecKey = PublicKey::fromAttributes(ec);
    QCOMPARE(defaultKeyId(ecKey), sha1File(ec.ecPoint.mid(1, 32)));
    QVERIFY(defaultKeyId(ecKey) != sha1File(ec.ecPoint));

    // Ed25519: SHA-1 of the raw key.
    const CertificateInfo ed = decodeCertificate(derOf(m_ossl.path(QStringLiteral("utf8.pem"))));
    const PublicKey edKey = PublicKey::fromSubjectPublicKeyInfo(ed.subjectPublicKeyInfo);
    QCOMPARE(defaultKeyId(edKey), sha1File(edKey.rawPublicKey()));

    // RFC 5280 method 1 equals the Subject Key Identifier openssl wrote (subjectKeyIdentifier=hash).
    const QByteArray rsaText = text(m_ossl.path(QStringLiteral("rsa.pem")));
    const QByteArray ecText = text(m_ossl.path(QStringLiteral("ec.pem")));
    QCOMPARE(QString::fromLatin1(defaultKeyId(rsaKey, KeyIdStyle::SubjectKeyIdentifier).toHex(':').toUpper()),
             OpensslCli::lineAfter(rsaText, "X509v3 Subject Key Identifier:"));
    QCOMPARE(QString::fromLatin1(defaultKeyId(ecKey, KeyIdStyle::SubjectKeyIdentifier).toHex(':').toUpper()),
             OpensslCli::lineAfter(ecText, "X509v3 Subject Key Identifier:"));

    QVERIFY(defaultKeyId(PublicKey()).isEmpty());
}

// --- certificate files ---------------------------------------------------------

void TestX509::readCertificateFiles()
{
    const QByteArray rsaDer = derOf(m_ossl.path(QStringLiteral("rsa.pem")));
    const QByteArray caDer = derOf(m_ossl.path(QStringLiteral("ca.pem")));
    const QByteArray ecDer = derOf(m_ossl.path(QStringLiteral("ec.pem")));
    const QList<QByteArray> chain{rsaDer, caDer, ecDer};
    const QByteArray rsaPem = m_ossl.read(QStringLiteral("rsa.pem"));
    const QByteArray caPem = m_ossl.read(QStringLiteral("ca.pem"));
    const QByteArray ecPem = m_ossl.read(QStringLiteral("ec.pem"));

    // PEM bundle with prose around it and a private key in between (skipped).
    QVERIFY(m_ossl.write(QStringLiteral("bundle.pem"), "Alice's chain\n" + rsaPem + m_ossl.read(QStringLiteral("ca.key"))
                                                            + "\nsome notes\n" + caPem + ecPem + "\n"));
    QCOMPARE(readCertificateFile(m_ossl.path(QStringLiteral("bundle.pem"))), chain);
    QCOMPARE(readCertificates(rsaPem), QList<QByteArray>{rsaDer});
    // Saved by a Windows editor: byte order mark and CRLF line ends.
    QCOMPARE(readCertificates("\xEF\xBB\xBF" + QByteArray(rsaPem + caPem).replace("\n", "\r\n")),
             (QList<QByteArray>{rsaDer, caDer}));

    // PKCS#7 certs-only, PEM and DER, made by openssl crl2pkcs7.
    QVERIFY(m_ossl.write(QStringLiteral("chain.pem"), rsaPem + caPem + ecPem));
    OSSL({QStringLiteral("crl2pkcs7"), QStringLiteral("-nocrl"), QStringLiteral("-certfile"), QStringLiteral("chain.pem"),
          QStringLiteral("-out"), QStringLiteral("chain.p7b")});
    OSSL({QStringLiteral("crl2pkcs7"), QStringLiteral("-nocrl"), QStringLiteral("-certfile"), QStringLiteral("chain.pem"),
          QStringLiteral("-outform"), QStringLiteral("DER"), QStringLiteral("-out"), QStringLiteral("chain.p7c")});
    QVERIFY(m_ossl.read(QStringLiteral("chain.p7b")).startsWith("-----BEGIN PKCS7-----"));
    QCOMPARE(readCertificateFile(m_ossl.path(QStringLiteral("chain.p7b"))), chain);
    QCOMPARE(readCertificateFile(m_ossl.path(QStringLiteral("chain.p7c"))), chain);
    // The same PKCS#7 as bare base64 (no BEGIN/END lines).
    QByteArray bare;
    for (const QByteArray &line : m_ossl.read(QStringLiteral("chain.p7b")).split('\n'))
        if (!line.startsWith("-----"))
            bare += line + "\r\n";
    QCOMPARE(readCertificates(bare), chain);

    // DER: one certificate, and several concatenated.
    QVERIFY(m_ossl.write(QStringLiteral("rsa.der"), rsaDer));
    QCOMPARE(readCertificateFile(m_ossl.path(QStringLiteral("rsa.der"))), QList<QByteArray>{rsaDer});
    QCOMPARE(readCertificates(rsaDer + ecDer), (QList<QByteArray>{rsaDer, ecDer}));
    QCOMPARE(readCertificates(rsaDer + QByteArray(64, '\0')), QList<QByteArray>{rsaDer});
    QCOMPARE(readCertificates(rsaDer + "\r\n"), QList<QByteArray>{rsaDer});

    // OpenSSL's TRUSTED CERTIFICATE form: the certificate without the trust settings.
    OSSL({QStringLiteral("x509"), QStringLiteral("-in"), QStringLiteral("ca.pem"), QStringLiteral("-addtrust"),
          QStringLiteral("serverAuth"), QStringLiteral("-out"), QStringLiteral("trusted.pem")});
    QVERIFY(m_ossl.read(QStringLiteral("trusted.pem")).contains("BEGIN TRUSTED CERTIFICATE"));
    QCOMPARE(readCertificateFile(m_ossl.path(QStringLiteral("trusted.pem"))), QList<QByteArray>{caDer});

    // Every certificate read decodes.
    for (const QByteArray &der : readCertificateFile(m_ossl.path(QStringLiteral("bundle.pem"))))
        QVERIFY(!decodeCertificate(der).sha256Fingerprint.isEmpty());
}

void TestX509::corruptFiles()
{
    auto expectError = [](const QByteArray &contents, X509Error::Kind kind) {
        try {
            const QList<QByteArray> certs = readCertificates(contents);
            return QStringLiteral("accepted, %1 certificates").arg(certs.size());
        } catch (const X509Error &e) {
            if (e.kind() != kind)
                return QStringLiteral("wrong kind: %1").arg(e.message());
            if (e.message().isEmpty() || !e.message().endsWith(QLatin1Char('.')))
                return QStringLiteral("not a sentence: %1").arg(e.message());
            return QString();
        }
    };
    const QByteArray pem = m_ossl.read(QStringLiteral("rsa.pem"));
    QList<QByteArray> lines = pem.split('\n');
    QVERIFY(lines.size() > 10);

    // Characters that are not base64 in the middle of the block.
    QList<QByteArray> badChars = lines;
    badChars[5].replace(10, 4, "!!!!");
    QCOMPARE(expectError(badChars.join('\n'), X509Error::Kind::CorruptFile), QString());
    // Valid base64, but the certificate is cut short.
    QList<QByteArray> truncated = lines;
    truncated.remove(4, 6);
    QCOMPARE(expectError(truncated.join('\n'), X509Error::Kind::CorruptFile), QString());
    // END line missing.
    QCOMPARE(expectError(pem.left(pem.indexOf("-----END")), X509Error::Kind::CorruptFile), QString());

    try {
        readCertificates(badChars.join('\n'));
    } catch (const X509Error &e) {
        QVERIFY2(e.message().startsWith(QStringLiteral("The file is damaged")), qPrintable(e.message()));
    }

    // Readable files without certificates, or not certificate files at all.
    QCOMPARE(expectError(m_ossl.read(QStringLiteral("rsa.key")), X509Error::Kind::NoCertificates), QString());
    QCOMPARE(expectError(QByteArray(), X509Error::Kind::NoCertificates), QString());
    QByteArray random;
    OSSL({QStringLiteral("rand"), QStringLiteral("300")}, &random);
    QCOMPARE(expectError(random, X509Error::Kind::UnknownFormat), QString());
    QCOMPARE(expectError("just some text, no certificate here\n", X509Error::Kind::UnknownFormat), QString());
    const QByteArray p7c = m_ossl.read(QStringLiteral("chain.p7c"));
    REQUIRE_NONEMPTY(p7c);
    QCOMPARE(expectError(p7c.left(p7c.size() - 40), X509Error::Kind::UnknownFormat), QString());

    try {
        readCertificateFile(m_ossl.path(QStringLiteral("does-not-exist.pem")));
        QFAIL("a missing file was read");
    } catch (const X509Error &e) {
        QCOMPARE(e.kind(), X509Error::Kind::FileUnreadable);
        QVERIFY(e.message().contains(QStringLiteral("does-not-exist.pem")));
    }
}

QTEST_GUILESS_MAIN(TestX509)
#include "test_x509.moc"
