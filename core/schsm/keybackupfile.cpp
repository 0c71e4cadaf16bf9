// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/keybackupfile.h"

#include "schsm/keybackuperror.h"
#include "schsm/tlv.h"
#include "x509/certificatedecoder.h"
#include "x509/x509error.h"

#include <QCoreApplication>
#include <QFile>

#include <openssl/asn1.h>
#include <openssl/evp.h>
#include <openssl/x509.h>

#include <array>
#include <optional>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyBackupFile)
};

// One DER element inside a parent, as OpenSSL's ASN1_get_object reads it: the
// length checked against what is left, indefinite lengths refused.
struct Element {
    int cls = 0;  // V_ASN1_UNIVERSAL, V_ASN1_APPLICATION, V_ASN1_CONTEXT_SPECIFIC
    int tag = 0;
    bool constructed = false;
    QByteArray content;
    QByteArray whole; // header and content
    bool is(int c, int t) const { return cls == c && tag == t; }
};

class DerReader {
public:
    explicit DerReader(QByteArray data) : m_data(std::move(data)) {}
    bool atEnd() const { return m_pos >= m_data.size(); }
    // The next element, or nullopt when it is malformed (what: named in the error).
    Element next(const QString &what)
    {
        if (atEnd())
            throw KeyBackupError::notABackup(Tr::tr("%1 is missing").arg(what));
        const auto *start = reinterpret_cast<const unsigned char *>(m_data.constData()) + m_pos;
        const unsigned char *p = start;
        long len = 0;
        int tag = 0, cls = 0;
        const int ret = ASN1_get_object(&p, &len, &tag, &cls, long(m_data.size() - m_pos));
        if (ret & 0x80 || (ret & 0x21) == 0x21 || len < 0 || len > m_data.size() - m_pos - (p - start))
            throw KeyBackupError::notABackup(Tr::tr("%1 is not valid DER").arg(what));
        Element e;
        e.cls = cls;
        e.tag = tag;
        e.constructed = ret & V_ASN1_CONSTRUCTED;
        const qsizetype header = p - start;
        e.content = m_data.mid(m_pos + header, len);
        e.whole = m_data.mid(m_pos, header + len);
        m_pos += header + len;
        return e;
    }
    std::optional<Element> nextIf(int cls, int tag, const QString &what)
    {
        if (atEnd())
            return std::nullopt;
        const qsizetype at = m_pos;
        Element e = next(what);
        if (e.is(cls, tag))
            return e;
        m_pos = at;
        return std::nullopt;
    }

private:
    QByteArray m_data;
    qsizetype m_pos = 0;
};

int smallInteger(const Element &e)
{
    if (!e.is(V_ASN1_UNIVERSAL, V_ASN1_INTEGER) || e.content.isEmpty() || e.content.size() > 3
        || (quint8(e.content.at(0)) & 0x80))
        return -1;
    int v = 0;
    for (const char c : e.content)
        v = (v << 8) | quint8(c);
    return v;
}

QStringList usageNames(const QByteArray &bitString)
{
    static const std::array<const char *, 10> names = {"encrypt", "decrypt", "sign", "signRecover", "wrap",
                                                        "unwrap", "verify", "verifyRecover", "derive", "nonRepudiation"};
    QStringList out;
    for (qsizetype i = 1; i < bitString.size(); ++i)
        for (int bit = 0; bit < 8; ++bit)
            if (quint8(bitString.at(i)) & (0x80 >> bit)) {
                const std::size_t n = std::size_t((i - 1) * 8 + bit);
                out << (n < names.size() ? QString::fromLatin1(names[n]) : QString::number(n));
            }
    return out;
}

PrivateKeyDescription descriptionOf(const Element &object)
{
    PrivateKeyDescription d;
    d.der = object.whole;
    if (object.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        d.kind = PrivateKeyDescription::Kind::Rsa;
    else if (object.is(V_ASN1_CONTEXT_SPECIFIC, 0))
        d.kind = PrivateKeyDescription::Kind::Ec;
    if (!object.constructed)
        throw KeyBackupError::notABackup(Tr::tr("the private key description is not a structure"));
    const QString what = Tr::tr("the private key description");
    DerReader r(object.content);
    const Element common = r.next(what);
    if (!common.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        throw KeyBackupError::notABackup(Tr::tr("the private key description has no common object attributes"));
    DerReader c(common.content);
    if (auto label = c.nextIf(V_ASN1_UNIVERSAL, V_ASN1_UTF8STRING, what))
        d.label = QString::fromUtf8(label->content);
    const Element key = r.next(what);
    if (!key.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE))
        throw KeyBackupError::notABackup(Tr::tr("the private key description has no key attributes"));
    DerReader k(key.content);
    const Element id = k.next(what);
    if (!id.is(V_ASN1_UNIVERSAL, V_ASN1_OCTET_STRING))
        throw KeyBackupError::notABackup(Tr::tr("the private key description has no key ID"));
    d.id = id.content;
    if (auto usage = k.nextIf(V_ASN1_UNIVERSAL, V_ASN1_BIT_STRING, what))
        d.usage = usageNames(usage->content);
    k.nextIf(V_ASN1_UNIVERSAL, V_ASN1_BOOLEAN, what);    // native
    k.nextIf(V_ASN1_UNIVERSAL, V_ASN1_BIT_STRING, what); // accessFlags
    if (auto ref = k.nextIf(V_ASN1_UNIVERSAL, V_ASN1_INTEGER, what))
        d.keyReference = smallInteger(*ref);
    r.nextIf(V_ASN1_CONTEXT_SPECIFIC, 0, what); // subject name
    if (auto type = r.nextIf(V_ASN1_CONTEXT_SPECIFIC, 1, what)) {
        // [1] { SEQUENCE { value Path, modulusLength / keysize INTEGER, … } }
        DerReader t(type->content);
        if (auto attrs = t.nextIf(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE, what)) {
            DerReader a(attrs->content);
            a.next(what); // the key's path on the device
            if (auto size = a.nextIf(V_ASN1_UNIVERSAL, V_ASN1_INTEGER, what))
                d.keyBits = std::max(0, smallInteger(*size));
        }
    }
    return d;
}

// The public key in a CV certificate request (67 { 7F21 { 7F4E { … 7F49 { 81 modulus | 86 point } } } }).
// An EC key may carry its domain parameters too (81 prime, 82 A, … as a SmartCard-HSM's key
// generation answers), so the point decides before 81/82 are read as RSA's modulus and exponent.
QByteArray cvRequestKey(const QByteArray &element)
{
    std::optional<QByteArray> body = TlvReader::find(element, 0x67);
    body = TlvReader::find(body ? *body : element, 0x7F21);
    body = body ? TlvReader::find(*body, 0x7F4E) : std::nullopt;
    body = body ? TlvReader::find(*body, 0x7F49) : std::nullopt;
    if (!body)
        return {};
    if (auto point = TlvReader::find(*body, 0x86))
        return *point;
    if (auto modulus = TlvReader::find(*body, 0x81); modulus && TlvReader::find(*body, 0x82))
        return *modulus;
    return {};
}

// DER writing for the builder: definite lengths, our own values only.
QByteArray der(quint8 tag, const QByteArray &content)
{
    QByteArray out(1, char(tag));
    const qsizetype n = content.size();
    if (n < 0x80) {
        out.append(char(n));
    } else {
        QByteArray len;
        for (qsizetype v = n; v; v >>= 8)
            len.prepend(char(v & 0xFF));
        out.append(char(0x80 | len.size())).append(len);
    }
    return out + content;
}

QByteArray derInteger(int value)
{
    QByteArray b;
    do {
        b.prepend(char(value & 0xFF));
        value >>= 8;
    } while (value);
    if (quint8(b.at(0)) & 0x80)
        b.prepend('\0');
    return der(0x02, b);
}
} // namespace

KeyBackupFile KeyBackupFile::parse(const QByteArray &file)
{
    if (file.isEmpty())
        throw KeyBackupError::notABackup(Tr::tr("the file is empty"));
    if (file.size() > kMaxSize)
        throw KeyBackupError::notABackup(Tr::tr("the file is too large (%1 bytes)").arg(file.size()));
    DerReader top(file);
    const Element outer = top.next(Tr::tr("the outer structure"));
    if (!outer.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE) || !outer.constructed)
        throw KeyBackupError::notABackup(Tr::tr("it does not start with a DER SEQUENCE"));
    if (!top.atEnd())
        throw KeyBackupError::notABackup(Tr::tr("more data follows the end of its DER structure"));
    DerReader parts(outer.content);
    const Element blob = parts.next(Tr::tr("the key blob"));
    if (!blob.is(V_ASN1_UNIVERSAL, V_ASN1_OCTET_STRING) || blob.constructed)
        throw KeyBackupError::notABackup(Tr::tr("its first part is not the key blob (an OCTET STRING)"));
    KeyBackupFile out;
    out.m_blob = KeyBlob::parse(blob.content);
    out.m_description = descriptionOf(parts.next(Tr::tr("the private key description")));
    if (!parts.atEnd()) {
        const Element cert = parts.next(Tr::tr("the certificate"));
        out.m_certificate = cert.whole;
        if (cert.is(V_ASN1_UNIVERSAL, V_ASN1_SEQUENCE)) {
            try {
                const CertificateInfo info = decodeCertificate(cert.whole);
                out.m_certificateKind = Certificate::X509;
                out.m_subject = info.subject;
                out.m_certificateKey = PublicKey::fromCertificate(cert.whole);
            } catch (const X509Error &) {
                throw KeyBackupError::notABackup(Tr::tr("its certificate is not a valid X.509 certificate"));
            }
        } else if (cert.is(V_ASN1_APPLICATION, 7) || cert.is(V_ASN1_APPLICATION, 33)) {
            out.m_certificateKind = Certificate::CvRequest;
            out.m_cvPublicKey = cvRequestKey(cert.whole);
        } else {
            out.m_certificateKind = Certificate::Other;
        }
        if (!parts.atEnd())
            throw KeyBackupError::notABackup(Tr::tr("it has more parts than key blob, description and certificate"));
    }
    return out;
}

KeyBackupFile KeyBackupFile::read(const QString &path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        throw KeyBackupError::readFailed(path, f.errorString());
    const QByteArray data = f.read(kMaxSize + 1);
    if (f.error() != QFileDevice::NoError)
        throw KeyBackupError::readFailed(path, f.errorString());
    return parse(data);
}

PrivateKeyDescription KeyBackupFile::parseDescription(const QByteArray &der)
{
    DerReader r(der);
    return descriptionOf(r.next(Tr::tr("the private key description")));
}

QByteArray KeyBackupFile::firstElement(const QByteArray &data, const QString &what)
{
    DerReader r(data);
    return r.next(what).whole;
}

QByteArray KeyBackupFile::compose(const QByteArray &blob, const QByteArray &description, const QByteArray &certificate)
{
    return der(0x30, der(0x04, blob) + description + certificate);
}

QByteArray KeyBackupFile::describeKey(const PublicKey &key, const QString &label, const QByteArray &id,
                                      int keyReference, const QByteArray &subjectDer)
{
    const bool rsa = key.algorithm() == PublicKey::Algorithm::Rsa;
    // Flags private + modifiable, authId 01 (the user PIN), as OpenSC writes a device key.
    const QByteArray common = der(0x30, der(0x0C, label.toUtf8()) + QByteArray::fromHex("030206C0040101"));
    // Usage: RSA sign, signRecover, decrypt, unwrap; EC sign, signRecover, derive.
    const QByteArray usage = rsa ? QByteArray::fromHex("03020470") : QByteArray::fromHex("0303073080");
    const QByteArray keyAttributes = der(0x30, der(0x04, id) + usage + derInteger(keyReference));
    const QByteArray subject = subjectDer.isEmpty() ? QByteArray() : der(0xA0, subjectDer);
    const QByteArray type = der(0xA1, der(0x30, QByteArray::fromHex("30020400") + derInteger(key.bits())));
    return der(rsa ? 0x30 : 0xA0, common + keyAttributes + subject + type);
}

QByteArray KeyBackupFile::build(const SecureBytes &dkek, EVP_PKEY *key, const QString &label, const QByteArray &id,
                                const QByteArray &certificateDer, int keyReference, RandomSource *rng)
{
    const QByteArray blob = KeyBlob::build(dkek, key, rng);
    unsigned char *spki = nullptr;
    const int len = i2d_PUBKEY(key, &spki);
    if (len <= 0)
        throw KeyBackupError::cryptoFailure("i2d_PUBKEY");
    const PublicKey pub = PublicKey::fromSubjectPublicKeyInfo(QByteArray(reinterpret_cast<const char *>(spki), len));
    OPENSSL_free(spki);
    QByteArray subject;
    if (!certificateDer.isEmpty()) {
        const CertificateInfo info = decodeCertificate(certificateDer);
        if (!PublicKey::fromCertificate(certificateDer).sameKeyAs(pub))
            throw KeyBackupError::keyMismatch(Tr::tr("the certificate"));
        subject = info.subjectDer;
    }
    return compose(blob, describeKey(pub, label, id, keyReference, subject), certificateDer);
}
