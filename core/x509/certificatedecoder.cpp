// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/certificatedecoder.h"

#include "x509/opensslutil_p.h"
#include "x509/publickey.h"
#include "x509/x509error.h"
#include "x509/x509logging.h"

#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/provider.h>

#include <QDate>
#include <QTime>
#include <QTimeZone>

#include <atomic>
#include <ctime>

using namespace x509detail;

namespace {

// RFC 4514 as `-nameopt RFC2253`, minus ESC_MSB: that flag turns every UTF-8
// byte into "\C3\BC", which is correct but unreadable in a detail pane.
constexpr unsigned long kRfc4514Flags = XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB;

QString rfc4514(const X509_NAME *name)
{
    OsslPtr<BIO> bio(BIO_new(BIO_s_mem()));
    if (!bio || X509_NAME_print_ex(bio.get(), name, 0, kRfc4514Flags) < 0) {
        takeOpensslErrors();
        return {};
    }
    return bioText(bio.get());
}

QString oneLine(const X509_NAME *name)
{
    char *s = X509_NAME_oneline(name, nullptr, 0);
    if (!s) {
        takeOpensslErrors();
        return {};
    }
    // X509_NAME_oneline escapes non-ASCII as \xXX, so Latin-1 decoding is exact.
    const QString result = QString::fromLatin1(s);
    OPENSSL_free(s);
    return result;
}

QString commonName(const X509_NAME *name)
{
    // The last CN is the most specific one (RDNs are stored most general first).
    int last = -1;
    for (int i = X509_NAME_get_index_by_NID(name, NID_commonName, -1); i >= 0;
         i = X509_NAME_get_index_by_NID(name, NID_commonName, i))
        last = i;
    if (last < 0)
        return {};
    return asn1StringToQString(X509_NAME_ENTRY_get_data(X509_NAME_get_entry(name, last)));
}

QDateTime toDateTime(const ASN1_TIME *t)
{
    struct tm tm = {};
    if (!t || !ASN1_TIME_to_tm(t, &tm)) {
        takeOpensslErrors();
        return {};
    }
    return QDateTime(QDate(tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday), QTime(tm.tm_hour, tm.tm_min, tm.tm_sec),
                     QTimeZone::utc());
}

// Over the bytes as stored, not OpenSSL's re-encoding nor the certificate inside them:
// a fingerprint must identify what is on the token.
QString fingerprint(const QByteArray &stored, const EVP_MD *md)
{
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int n = 0;
    if (!EVP_Digest(stored.constData(), std::size_t(stored.size()), buf, &n, md, nullptr)) {
        takeOpensslErrors();
        return {};
    }
    return colonHex(toByteArray(buf, n));
}

void decodeSerial(const X509 *cert, CertificateInfo &info)
{
    const ASN1_INTEGER *serial = X509_get0_serialNumber(cert);
    // The ASN1_INTEGER holds the magnitude; the sign is in its type. This is
    // what `openssl x509 -serial` prints (i2a_ASN1_INTEGER).
    QByteArray magnitude = toByteArray(ASN1_STRING_get0_data(serial), ASN1_STRING_length(serial));
    if (magnitude.isEmpty())
        magnitude = QByteArray(1, '\0');
    const bool negative = ASN1_STRING_type(serial) == V_ASN1_NEG_INTEGER;
    const QString sign = negative ? QStringLiteral("-") : QString();
    info.serial = sign + QString::fromLatin1(magnitude.toHex().toUpper());
    info.serialHex = sign + colonHex(magnitude);
    info.serialDer = der(serial, i2d_ASN1_INTEGER);
}

void decodeKeyUsage(X509 *cert, CertificateInfo &info)
{
    // X509_get_extension_flags caches all extensions first; EXFLAG_KUSAGE says the extension exists.
    if (!(X509_get_extension_flags(cert) & EXFLAG_KUSAGE))
        return;
    info.hasKeyUsage = true;
    info.keyUsageBits = X509_get_key_usage(cert);
    // Names and order as `openssl x509 -text` prints them.
    static const struct {
        quint32 bit;
        const char *name;
    } kNames[] = {
        {KU_DIGITAL_SIGNATURE, "Digital Signature"}, {KU_NON_REPUDIATION, "Non Repudiation"},
        {KU_KEY_ENCIPHERMENT, "Key Encipherment"},   {KU_DATA_ENCIPHERMENT, "Data Encipherment"},
        {KU_KEY_AGREEMENT, "Key Agreement"},         {KU_KEY_CERT_SIGN, "Certificate Sign"},
        {KU_CRL_SIGN, "CRL Sign"},                   {KU_ENCIPHER_ONLY, "Encipher Only"},
        {KU_DECIPHER_ONLY, "Decipher Only"},
    };
    for (const auto &k : kNames)
        if (info.keyUsageBits & k.bit)
            info.keyUsage << QString::fromLatin1(k.name);
}

void decodeExtendedKeyUsage(const X509 *cert, CertificateInfo &info)
{
    OsslPtr<EXTENDED_KEY_USAGE> eku(
        static_cast<EXTENDED_KEY_USAGE *>(X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr)));
    if (!eku) {
        takeOpensslErrors();
        return;
    }
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku.get()); ++i) {
        const ASN1_OBJECT *obj = sk_ASN1_OBJECT_value(eku.get(), i);
        ExtendedKeyUsage u;
        u.oid = oidText(obj);
        const int nid = OBJ_obj2nid(obj);
        const char *ln = nid != NID_undef ? OBJ_nid2ln(nid) : nullptr;
        u.name = ln ? QString::fromLatin1(ln) : u.oid;
        info.extendedKeyUsage << u;
    }
}

QString ipAddressText(const ASN1_OCTET_STRING *ip)
{
    const QByteArray a = toByteArray(ASN1_STRING_get0_data(ip), ASN1_STRING_length(ip));
    const auto *b = reinterpret_cast<const unsigned char *>(a.constData());
    if (a.size() == 4)
        return QStringLiteral("%1.%2.%3.%4").arg(b[0]).arg(b[1]).arg(b[2]).arg(b[3]);
    if (a.size() != 16)
        return colonHex(a); // not an address (name constraints put address+mask here)
    // RFC 5952: lower case, longest run (>= 2) of zero groups becomes "::".
    quint16 g[8];
    for (int i = 0; i < 8; ++i)
        g[i] = quint16(b[2 * i] << 8 | b[2 * i + 1]);
    int bestStart = -1, bestLen = 0;
    for (int i = 0; i < 8;) {
        if (g[i] != 0) {
            ++i;
            continue;
        }
        int j = i;
        while (j < 8 && g[j] == 0)
            ++j;
        if (j - i > bestLen && j - i >= 2) {
            bestStart = i;
            bestLen = j - i;
        }
        i = j;
    }
    QString out;
    for (int i = 0; i < 8; ++i) {
        if (i == bestStart) {
            out += QStringLiteral("::");
            i += bestLen - 1;
            continue;
        }
        if (!out.isEmpty() && !out.endsWith(QLatin1Char(':')))
            out += QLatin1Char(':');
        out += QString::number(g[i], 16);
    }
    return out;
}

void decodeSubjectAltNames(const X509 *cert, CertificateInfo &info)
{
    OsslPtr<GENERAL_NAMES> names(
        static_cast<GENERAL_NAMES *>(X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr)));
    if (!names) {
        takeOpensslErrors();
        return;
    }
    using T = SubjectAltName::Type;
    for (int i = 0; i < sk_GENERAL_NAME_num(names.get()); ++i) {
        const GENERAL_NAME *gn = sk_GENERAL_NAME_value(names.get(), i);
        SubjectAltName san;
        switch (gn->type) {
        case GEN_DNS: san = {T::Dns, asn1StringToQString(gn->d.dNSName)}; break;
        case GEN_EMAIL: san = {T::Email, asn1StringToQString(gn->d.rfc822Name)}; break;
        case GEN_URI: san = {T::Uri, asn1StringToQString(gn->d.uniformResourceIdentifier)}; break;
        case GEN_IPADD: san = {T::IpAddress, ipAddressText(gn->d.iPAddress)}; break;
        case GEN_DIRNAME: san = {T::DirectoryName, rfc4514(gn->d.directoryName)}; break;
        case GEN_RID: san = {T::RegisteredId, oidText(gn->d.registeredID)}; break;
        case GEN_OTHERNAME: {
            const OTHERNAME *on = gn->d.otherName;
            // The Microsoft UPN is what smart-card logon certificates carry; show it plainly.
            if (OBJ_obj2nid(on->type_id) == NID_ms_upn && on->value && on->value->type == V_ASN1_UTF8STRING) {
                san = {T::Upn, asn1StringToQString(on->value->value.utf8string)};
            } else {
                QString value;
                if (on->value && (on->value->type == V_ASN1_UTF8STRING || on->value->type == V_ASN1_IA5STRING
                                  || on->value->type == V_ASN1_PRINTABLESTRING))
                    value = asn1StringToQString(on->value->value.asn1_string);
                san = {T::OtherName, value.isEmpty() ? oidText(on->type_id)
                                                     : oidText(on->type_id) + QStringLiteral(": ") + value};
            }
            break;
        }
        default:
            continue; // x400Address, ediPartyName: not seen on tokens, and OpenSSL cannot print them either
        }
        info.subjectAltNames << san;
    }
}

void decodeBasicConstraints(const X509 *cert, CertificateInfo &info)
{
    OsslPtr<BASIC_CONSTRAINTS> bc(
        static_cast<BASIC_CONSTRAINTS *>(X509_get_ext_d2i(cert, NID_basic_constraints, nullptr, nullptr)));
    if (!bc) {
        takeOpensslErrors();
        return;
    }
    info.hasBasicConstraints = true;
    info.isCa = bc->ca != 0;
    if (bc->pathlen) {
        const long n = ASN1_INTEGER_get(bc->pathlen);
        info.pathLength = n >= 0 && n <= 0x7fffffff ? int(n) : -1;
    }
}

void decodeKeyIdentifiers(X509 *cert, CertificateInfo &info)
{
    if (const ASN1_OCTET_STRING *skid = X509_get0_subject_key_id(cert))
        info.subjectKeyIdentifier = toByteArray(ASN1_STRING_get0_data(skid), ASN1_STRING_length(skid));
    if (const ASN1_OCTET_STRING *akid = X509_get0_authority_key_id(cert))
        info.authorityKeyIdentifier = toByteArray(ASN1_STRING_get0_data(akid), ASN1_STRING_length(akid));
}

// The key d2i_X509 decoded with the certificate (X509_get_pubkey's key); null when
// OpenSSL could not read it. Decoding the SubjectPublicKeyInfo a second time
// (d2i_PUBKEY) would give the same key at the price of OpenSSL 3.0's decoder set-up.
PublicKey certificateKey(X509 *cert)
{
    const PublicKey key = PublicKey::shared(X509_get0_pubkey(cert));
    takeOpensslErrors();
    return key;
}

ComparableKey::Facts factsOf(const PublicKey &key)
{
    ComparableKey::Facts f;
    f.algorithm = key.algorithm();
    f.algorithmName = key.algorithmName();
    f.bits = key.bits();
    f.curveName = key.curveName();
    f.description = key.description();
    return f;
}

// key: what the certificate's key says, nullopt when OpenSSL could not read it.
void decodePublicKey(X509 *cert, const std::optional<ComparableKey::Facts> &key, CertificateInfo &info)
{
    info.subjectPublicKeyInfo = der(X509_get_X509_PUBKEY(cert), i2d_X509_PUBKEY);
    if (key) {
        info.publicKeyAlgorithm = key->algorithmName;
        info.publicKeyBits = key->bits;
        info.curveName = key->curveName;
        info.publicKeyDescription = key->description;
    } else {
        // The certificate itself is fine; only its key algorithm is foreign (GOST, SM2…).
        // Show the algorithm OID rather than refusing the whole certificate.
        ASN1_OBJECT *alg = nullptr;
        X509_PUBKEY_get0_param(&alg, nullptr, nullptr, nullptr, X509_get_X509_PUBKEY(cert));
        const int nid = alg ? OBJ_obj2nid(alg) : NID_undef;
        info.publicKeyAlgorithm = nid != NID_undef ? QString::fromLatin1(OBJ_nid2ln(nid)) : oidText(alg);
        info.publicKeyDescription = info.publicKeyAlgorithm;
        qCDebug(lcX509) << "certificate public key not readable";
    }
}

std::optional<ComparableKey::Facts> factsIfAny(const PublicKey &key)
{
    return key.isNull() ? std::nullopt : std::optional<ComparableKey::Facts>(factsOf(key));
}

// A library context without any algorithm: a certificate parsed in it keeps its
// SubjectPublicKeyInfo as bytes, because OpenSSL finds no decoder to turn it into an
// EVP_PKEY (d2i_X509 tries, opportunistically, and in 3.0 that set-up is most of the
// cost of parsing a certificate). The "null" provider is loaded so that OpenSSL does
// not fall back to loading the default one. Null when it cannot be made.
OSSL_LIB_CTX *keylessContext()
{
    struct Context {
        OSSL_LIB_CTX *ctx = OSSL_LIB_CTX_new();
        OSSL_PROVIDER *null = ctx ? OSSL_PROVIDER_load(ctx, "null") : nullptr;
    };
    static const Context c; // kept for the process: parsing may run on any thread until exit
    takeOpensslErrors();
    return c.null ? c.ctx : nullptr;
}

// The certificate parsed without decoding its key (see keylessContext): the
// X509 itself keeps the default library context, so its digests, extension flags
// and signature checks are those of d2i_X509; only X509_get0_pubkey() is null.
// Null when the value is not a certificate (the caller's full parse reports that).
OsslPtr<X509> parseKeyless(const QByteArray &derBytes, qsizetype *used)
{
    OSSL_LIB_CTX *ctx = keylessContext();
    if (!ctx || derBytes.isEmpty())
        return nullptr;
    const unsigned char *p = bytes(derBytes);
    OsslPtr<X509> cert(reinterpret_cast<X509 *>(
        ASN1_item_d2i_ex(nullptr, &p, long(derBytes.size()), ASN1_ITEM_rptr(X509), ctx, nullptr)));
    takeOpensslErrors();
    if (cert)
        *used = p - bytes(derBytes);
    return cert;
}

std::atomic<quint64> g_decodes{0};
std::atomic<quint64> g_keyDecoderUses{0};

CertificateInfo decode(const QByteArray &derBytes, X509 *x, qsizetype used, const std::optional<ComparableKey::Facts> &key)
{
    CertificateInfo info;
    info.der = derBytes.left(used);
    info.trailingBytes = derBytes.size() - used;

    const X509_NAME *subject = X509_get_subject_name(x);
    const X509_NAME *issuer = X509_get_issuer_name(x);
    info.subject = rfc4514(subject);
    info.issuer = rfc4514(issuer);
    info.subjectOneLine = oneLine(subject);
    info.issuerOneLine = oneLine(issuer);
    info.subjectDer = der(subject, i2d_X509_NAME);
    info.issuerDer = der(issuer, i2d_X509_NAME);
    info.commonName = commonName(subject);

    info.version = int(X509_get_version(x)) + 1;
    decodeSerial(x, info);
    info.notBefore = toDateTime(X509_get0_notBefore(x));
    info.notAfter = toDateTime(X509_get0_notAfter(x));
    if (!info.notBefore.isValid() || !info.notAfter.isValid())
        throw X509Error(X509Error::Kind::InvalidCertificate, Tr::tr("This is not a valid X.509 certificate (DER)."),
                        QStringLiteral("unreadable validity dates"));
    const int sigNid = X509_get_signature_nid(x);
    info.signatureAlgorithm = sigNid != NID_undef ? QString::fromLatin1(OBJ_nid2ln(sigNid)) : QString();

    decodeKeyUsage(x, info);
    decodeExtendedKeyUsage(x, info);
    decodeSubjectAltNames(x, info);
    decodeBasicConstraints(x, info);
    decodeKeyIdentifiers(x, info);

    info.sha1Fingerprint = fingerprint(derBytes, EVP_sha1());
    info.sha256Fingerprint = fingerprint(derBytes, EVP_sha256());
    info.selfIssued = X509_NAME_cmp(subject, issuer) == 0;
    // verify_signature=1: "self-signed" must mean the certificate's own key made
    // the signature, not merely matching names (a re-issued CA name is common).
    info.selfSigned = info.selfIssued && X509_self_signed(x, 1) == 1;

    decodePublicKey(x, key, info);
    takeOpensslErrors();
    return info;
}

} // namespace

CertificateInfo decodeCertificate(const QByteArray &derBytes)
{
    ++g_decodes;
    ++g_keyDecoderUses;
    qsizetype used = 0;
    const OsslPtr<X509> cert = parseCertificate(derBytes, &used);
    return decode(derBytes, cert.get(), used, factsIfAny(certificateKey(cert.get())));
}

CertificateDecoding decodeCertificateAndKey(const QByteArray &derBytes)
{
    ++g_decodes;
    CertificateDecoding out;
    try {
        qsizetype used = 0;
        // The fast way: the certificate without its key, the key read by ComparableKey.
        // Self-issued certificates take the full way: "self-signed" needs OpenSSL's key
        // to check the signature. So do keys of shapes ComparableKey does not read.
        if (const OsslPtr<X509> cert = parseKeyless(derBytes, &used);
            cert && X509_NAME_cmp(X509_get_subject_name(cert.get()), X509_get_issuer_name(cert.get())) != 0) {
            const ASN1_BIT_STRING *bits = X509_get0_pubkey_bitstr(cert.get());
            const bool wholeBytes = bits && (!(bits->flags & ASN1_STRING_FLAG_BITS_LEFT) || (bits->flags & 0x07) == 0);
            ComparableKey::Facts facts;
            const X509_PUBKEY *spki = X509_get_X509_PUBKEY(cert.get());
            if (auto key = wholeBytes ? ComparableKey::fromSubjectPublicKeyInfo(spki, der(spki, i2d_X509_PUBKEY), &facts)
                                      : std::nullopt) {
                out.key = std::move(*key);
                out.info = decode(derBytes, cert.get(), used, facts);
                return out;
            }
        }
        takeOpensslErrors();
        ++g_keyDecoderUses;
        const OsslPtr<X509> cert = parseCertificate(derBytes, &used);
        const PublicKey key = certificateKey(cert.get());
        out.key = ComparableKey::fromPublicKey(key);
        out.info = decode(derBytes, cert.get(), used, factsIfAny(key));
    } catch (const std::exception &e) {
        out.error = QString::fromUtf8(e.what());
    }
    return out;
}

quint64 certificateDecodeCount() { return g_decodes.load(); }

quint64 certificateKeyDecoderCount() { return g_keyDecoderUses.load(); }
