// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/comparablekey.h"

#include "x509/ecparams_p.h"
#include "x509/opensslutil_p.h"
#include "x509/x509error.h"

#include <openssl/core_names.h>
#include <openssl/objects.h>

#include <QList>

#include <map>
#include <tuple>

using namespace x509detail;

namespace {

// Tags keep the forms of different algorithms apart.
constexpr char kRsaTag = 'R';
constexpr char kEcTag = 'E';
constexpr char kRawTag = 'K';

void appendChunk(QByteArray &out, const QByteArray &chunk)
{
    const auto n = quint32(chunk.size());
    out.append(char(n >> 24)).append(char(n >> 16)).append(char(n >> 8)).append(char(n));
    out.append(chunk);
}

QByteArray bnBytes(const BIGNUM *bn)
{
    QByteArray out(BN_num_bytes(bn), '\0');
    BN_bn2bin(bn, reinterpret_cast<unsigned char *>(out.data()));
    return out;
}

QByteArray rsaForm(const BIGNUM *n, const BIGNUM *e)
{
    QByteArray out(1, kRsaTag);
    appendChunk(out, bnBytes(n));
    appendChunk(out, bnBytes(e));
    return out;
}

QByteArray ecForm(int nid, const QByteArray &uncompressedPoint)
{
    QByteArray out(1, kEcTag);
    appendChunk(out, QByteArray::number(nid));
    appendChunk(out, uncompressedPoint);
    return out;
}

QByteArray rawForm(int evpType, const QByteArray &raw)
{
    QByteArray out(1, kRawTag);
    appendChunk(out, QByteArray::number(evpType));
    appendChunk(out, raw);
    return out;
}

// One group per named curve and thread: building an EC_GROUP costs more than
// checking a point on it. Groups are only read here.
const EC_GROUP *namedGroup(int nid)
{
    thread_local std::map<int, OsslPtr<EC_GROUP>> groups;
    auto it = groups.find(nid);
    if (it == groups.end()) {
        OsslPtr<EC_GROUP> g(EC_GROUP_new_by_curve_name(nid));
        takeOpensslErrors();
        it = groups.emplace(nid, std::move(g)).first;
    }
    return it->second.get();
}

// The point decoded on the curve (any encoding OpenSSL accepts, as EVP_PKEY_fromdata
// does), re-encoded uncompressed; empty when it is not a point of the curve.
QByteArray uncompressedPoint(int nid, const QByteArray &encoded)
{
    const EC_GROUP *group = namedGroup(nid);
    if (!group || encoded.isEmpty() || encoded.at(0) == 0) // 0x00: the point at infinity, never a key
        return {};
    OsslPtr<EC_POINT> point(EC_POINT_new(group));
    if (!point || !EC_POINT_oct2point(group, point.get(), bytes(encoded), std::size_t(encoded.size()), nullptr)) {
        takeOpensslErrors();
        return {};
    }
    const std::size_t len = EC_POINT_point2oct(group, point.get(), POINT_CONVERSION_UNCOMPRESSED, nullptr, 0, nullptr);
    QByteArray out(qsizetype(len), '\0');
    if (len == 0
        || EC_POINT_point2oct(group, point.get(), POINT_CONVERSION_UNCOMPRESSED,
                              reinterpret_cast<unsigned char *>(out.data()), len, nullptr) != len) {
        takeOpensslErrors();
        return {};
    }
    return out;
}

// CKA_EC_POINT as PublicKey reads it: the DER OCTET STRING's content first, then the bare bytes.
QList<QByteArray> pointCandidates(const QByteArray &ecPoint)
{
    QList<QByteArray> out;
    const unsigned char *p = bytes(ecPoint);
    OsslPtr<ASN1_STRING> wrapped(d2i_ASN1_OCTET_STRING(nullptr, &p, long(ecPoint.size())));
    if (wrapped && p == bytes(ecPoint) + ecPoint.size())
        out.append(toByteArray(ASN1_STRING_get0_data(wrapped.get()), ASN1_STRING_length(wrapped.get())));
    takeOpensslErrors();
    out.append(ecPoint);
    return out;
}

// RSA from CKA_MODULUS/CKA_PUBLIC_EXPONENT, with PublicKey's checks (rsaKey()).
QByteArray rsaFromAttributes(const PublicKeyAttributes &a)
{
    if (a.modulus.isEmpty() || a.publicExponent.isEmpty())
        return {};
    OsslPtr<BIGNUM> n(BN_bin2bn(bytes(a.modulus), int(a.modulus.size()), nullptr));
    OsslPtr<BIGNUM> e(BN_bin2bn(bytes(a.publicExponent), int(a.publicExponent.size()), nullptr));
    if (!n || !e || !BN_is_odd(n.get()) || BN_num_bits(n.get()) < 256 || !BN_is_odd(e.get()) || BN_is_one(e.get())) {
        takeOpensslErrors();
        return {};
    }
    return rsaForm(n.get(), e.get());
}

// Whether the fast path can decide this key alone: RSA components, or a named
// Weierstrass curve. Everything else (CKA_PUBLIC_KEY_INFO, explicit parameters,
// EdDSA and Montgomery keys) goes through PublicKey::fromAttributes.
enum class Route { Rsa, NamedEc, OpenSsl };

Route routeOf(const PublicKeyAttributes &a, EcParams *params)
{
    if (!a.publicKeyInfo.isEmpty())
        return Route::OpenSsl;
    if (a.keyType == CKK_RSA)
        return Route::Rsa;
    if (a.keyType != CKK_EC)
        return Route::OpenSsl;
    try {
        *params = parseEcParams(a.ecParams);
    } catch (const X509Error &) {
        return Route::OpenSsl; // it fails there the same way
    }
    return params->family == EcParams::Family::Weierstrass && params->form == EcParams::Form::NamedCurve
        ? Route::NamedEc
        : Route::OpenSsl;
}
// A DER element at p (at most `left` bytes): its tag, content and total length.
// Definite lengths in their shortest form only; anything else is refused (false).
struct Element {
    unsigned char tag = 0;
    const unsigned char *content = nullptr;
    std::size_t length = 0;
    std::size_t total = 0;
};

bool readElement(const unsigned char *p, std::size_t left, Element *e)
{
    if (left < 2)
        return false;
    e->tag = p[0];
    std::size_t header = 2, length = p[1];
    if (length & 0x80) {
        const std::size_t n = length & 0x7f;
        if (n == 0 || n > 3 || left < 2 + n || p[2] == 0)
            return false;
        length = 0;
        for (std::size_t i = 0; i < n; ++i)
            length = length << 8 | p[2 + i];
        if (length < 0x80)
            return false;
        header += n;
    }
    if (length > left - header)
        return false;
    e->content = p + header;
    e->length = length;
    e->total = header + length;
    return true;
}

// A DER INTEGER's magnitude when it is positive and minimally encoded; empty otherwise.
QByteArray positiveInteger(const Element &e)
{
    if (e.tag != 0x02 || e.length == 0 || (e.content[0] & 0x80))
        return {};
    if (e.length > 1 && e.content[0] == 0 && !(e.content[1] & 0x80))
        return {};
    const std::size_t skip = e.content[0] == 0 ? 1 : 0;
    return toByteArray(e.content + skip, qsizetype(e.length - skip));
}

int bitLength(const QByteArray &magnitude)
{
    if (magnitude.isEmpty())
        return 0;
    int top = 0;
    for (unsigned v = static_cast<unsigned char>(magnitude.at(0)); v; v >>= 1)
        ++top;
    return int(magnitude.size() - 1) * 8 + top;
}

// RSAPublicKey ::= SEQUENCE { modulus INTEGER, publicExponent INTEGER }, and nothing after it.
QByteArray rsaFromSpki(const unsigned char *p, std::size_t len, int *bits)
{
    Element seq, n, e;
    if (!readElement(p, len, &seq) || seq.tag != 0x30 || seq.total != len
        || !readElement(seq.content, seq.length, &n)
        || !readElement(seq.content + n.total, seq.length - n.total, &e) || n.total + e.total != seq.length)
        return {};
    const QByteArray modulus = positiveInteger(n), exponent = positiveInteger(e);
    *bits = bitLength(modulus);
    if (*bits < 512 || *bits > 16384 || exponent.isEmpty() || !(modulus.back() & 1) || !(exponent.back() & 1)
        || (exponent.size() == 1 && exponent.at(0) == 1))
        return {};
    QByteArray out(1, kRsaTag);
    appendChunk(out, modulus);
    appendChunk(out, exponent);
    return out;
}
} // namespace

std::optional<ComparableKey> ComparableKey::fromSubjectPublicKeyInfo(const X509_PUBKEY *spki, const QByteArray &spkiDer,
                                                                     Facts *facts)
{
    const ASN1_OBJECT *oid = nullptr;
    const unsigned char *key = nullptr;
    int keyLength = 0;
    X509_ALGOR *algorithm = nullptr;
    if (!spki || !X509_PUBKEY_get0_param(const_cast<ASN1_OBJECT **>(&oid), &key, &keyLength, &algorithm, spki)
        || !key || keyLength <= 0) {
        takeOpensslErrors();
        return std::nullopt;
    }
    int parameterType = V_ASN1_UNDEF;
    const void *parameter = nullptr;
    X509_ALGOR_get0(nullptr, &parameterType, &parameter, algorithm);
    const QByteArray raw = toByteArray(key, keyLength);
    ComparableKey k;
    Facts f;
    switch (const int nid = OBJ_obj2nid(oid)) {
    case NID_rsaEncryption:
        if (parameterType != V_ASN1_NULL)
            return std::nullopt;
        f.algorithm = PublicKey::Algorithm::Rsa;
        k.m_canonical = rsaFromSpki(key, std::size_t(keyLength), &f.bits);
        break;
    case NID_X9_62_id_ecPublicKey: {
        if (parameterType != V_ASN1_OBJECT)
            return std::nullopt; // explicit parameters, implicitlyCA
        const int curve = OBJ_obj2nid(static_cast<const ASN1_OBJECT *>(parameter));
        const unsigned char form = key[0];
        if (curve == NID_undef || curve == NID_sm2 || (form != 0x02 && form != 0x03 && form != 0x04))
            return std::nullopt;
        const EC_GROUP *group = namedGroup(curve);
        const QByteArray point = group ? uncompressedPoint(curve, raw) : QByteArray();
        if (point.isEmpty())
            return std::nullopt;
        f.algorithm = PublicKey::Algorithm::Ec;
        f.bits = EC_GROUP_order_bits(group);
        f.curveName = curveDisplayName(curve);
        k.m_canonical = ecForm(curve, point);
        break;
    }
    case NID_ED25519:
    case NID_ED448:
    case NID_X25519:
    case NID_X448: {
        static const std::map<int, std::tuple<PublicKey::Algorithm, int, int>> kRaw{
            // algorithm, key length, EVP_PKEY_get_bits
            {NID_ED25519, {PublicKey::Algorithm::Ed25519, 32, 256}},
            {NID_ED448, {PublicKey::Algorithm::Ed448, 57, 456}},
            {NID_X25519, {PublicKey::Algorithm::X25519, 32, 253}},
            {NID_X448, {PublicKey::Algorithm::X448, 56, 448}}};
        const auto &[algorithmOf, length, bits] = kRaw.at(nid);
        if (parameterType != V_ASN1_UNDEF || keyLength != length)
            return std::nullopt;
        f.algorithm = algorithmOf;
        f.bits = bits;
        k.m_canonical = rawForm(nid, raw); // the NIDs are the EVP_PKEY types
        break;
    }
    default:
        return std::nullopt;
    }
    takeOpensslErrors();
    if (k.m_canonical.isEmpty())
        return std::nullopt;
    f.algorithmName = PublicKey::algorithmName(f.algorithm);
    f.description = PublicKey::description(f.algorithm, f.algorithmName, f.bits, f.curveName);
    PublicKeyAttributes a; // PublicKey::fromAttributes then decodes spkiDer, as the certificate's key was
    a.keyType = CK_UNAVAILABLE_INFORMATION;
    a.publicKeyInfo = spkiDer;
    k.m_attributes = std::move(a);
    if (facts)
        *facts = std::move(f);
    return k;
}

ComparableKey ComparableKey::fromAttributes(const PublicKeyAttributes &a)
{
    ComparableKey k;
    EcParams params;
    switch (routeOf(a, &params)) {
    case Route::Rsa:
        k.m_canonical = rsaFromAttributes(a);
        break;
    case Route::NamedEc:
        for (const QByteArray &candidate : pointCandidates(a.ecPoint)) {
            const QByteArray point = uncompressedPoint(params.nid, candidate);
            if (!point.isEmpty()) {
                k.m_canonical = ecForm(params.nid, point);
                break;
            }
        }
        break;
    case Route::OpenSsl:
        try {
            return fromPublicKey(PublicKey::fromAttributes(a));
        } catch (const X509Error &) {
            return {};
        }
    }
    if (!k.m_canonical.isEmpty())
        k.m_attributes = a;
    return k;
}

ComparableKey ComparableKey::fromPublicKey(const PublicKey &key)
{
    ComparableKey k;
    if (key.isNull())
        return k;
    k.m_key = key;
    EVP_PKEY *pkey = key.get();
    switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: { // not RSA-PSS: OpenSSL keeps the two types apart
        BIGNUM *n = nullptr, *e = nullptr;
        if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n) && EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e))
            k.m_canonical = rsaForm(n, e);
        BN_free(n);
        BN_free(e);
        break;
    }
    case EVP_PKEY_EC: {
        char name[80];
        std::size_t len = 0;
        if (!EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &len))
            break; // explicit parameters that match no named curve
        int nid = OBJ_sn2nid(name);
        if (nid == NID_undef)
            nid = EC_curve_nist2nid(name);
        // OpenSSL has checked the point already; only another encoding needs converting.
        const QByteArray raw = key.rawPublicKey();
        const QByteArray point = nid == NID_undef ? QByteArray()
            : !raw.isEmpty() && raw.at(0) == 0x04 ? raw : uncompressedPoint(nid, raw);
        if (!point.isEmpty())
            k.m_canonical = ecForm(nid, point);
        break;
    }
    case EVP_PKEY_ED25519:
    case EVP_PKEY_ED448:
    case EVP_PKEY_X25519:
    case EVP_PKEY_X448:
        k.m_canonical = rawForm(EVP_PKEY_get_base_id(pkey), key.rawPublicKey());
        break;
    default:
        break;
    }
    takeOpensslErrors();
    if (k.m_canonical.size() <= 1)
        k.m_canonical.clear();
    return k;
}

PublicKey ComparableKey::openSslKey() const
{
    if (!m_key.isNull() || !m_attributes)
        return m_key;
    try {
        return PublicKey::fromAttributes(*m_attributes);
    } catch (const X509Error &) {
        return {};
    }
}

bool ComparableKey::sameKeyAs(const ComparableKey &other) const
{
    if (isNull() || other.isNull())
        return false;
    if (!m_canonical.isEmpty() && !other.m_canonical.isEmpty())
        return m_canonical == other.m_canonical;
    // One side has no canonical form: OpenSSL compares, as PublicKey::sameKeyAs always did.
    return openSslKey().sameKeyAs(other.openSslKey());
}
