// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/keyblob.h"

#include "dkek/keycheckvalue.h"
#include "dkek/opensslrandomsource.h"
#include "ossl/owned_p.h"
#include "schsm/keybackuperror.h"

#include <QCoreApplication>
#include <QCryptographicHash>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/obj_mac.h>
#include <openssl/param_build.h>
#include <openssl/x509.h>

#include <array>
#include <memory>
#include <optional>
#include <vector>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyBlob)
};

template <typename T>
using Owned = ossl::Owned<T>;
using Bn = Owned<BIGNUM>;

// Default algorithms the device writes: id-TA-RSA-v1-5-SHA-256 and id-TA-ECDSA-SHA-256 (BSI TR-03110).
const QByteArray kRsaAlgorithm = QByteArray::fromHex("04007F00070202020102");
const QByteArray kEcAlgorithm = QByteArray::fromHex("04007F00070202020203");
// The curves the checker recognizes in a blob (the device's list); the builder takes the NIST three.
constexpr std::array<int, 12> kCurves = {NID_X9_62_prime256v1, NID_secp384r1,      NID_secp521r1,
                                        NID_X9_62_prime192v1, NID_secp224r1,      NID_secp256k1,
                                        NID_brainpoolP192r1,  NID_brainpoolP224r1, NID_brainpoolP256r1,
                                        NID_brainpoolP320r1,  NID_brainpoolP384r1, NID_brainpoolP512r1};

const unsigned char *u8(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }

// SHA-256(DKEK ‖ 00 00 00 counter): 1 = encryption key, 2 = MAC key.
SecureBytes derivedKey(const SecureBytes &dkek, unsigned char counter)
{
    SecureBytes input(dkek.data(), dkek.size());
    const unsigned char suffix[4] = {0, 0, 0, counter};
    input.append(suffix, sizeof suffix);
    SecureBytes out(32);
    unsigned int n = 0;
    if (EVP_Digest(input.data(), input.size(), out.data(), &n, EVP_sha256(), nullptr) != 1 || n != 32)
        throw KeyBackupError::cryptoFailure("SHA-256");
    return out;
}

QByteArray cmac(const SecureBytes &dkek, const unsigned char *data, std::size_t size)
{
    const SecureBytes key = derivedKey(dkek, 2);
    Owned<EVP_MAC> mac(EVP_MAC_fetch(nullptr, "CMAC", nullptr));
    Owned<EVP_MAC_CTX> ctx(mac ? EVP_MAC_CTX_new(mac.get()) : nullptr);
    char cipher[] = "AES-256-CBC";
    const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_CIPHER, cipher, 0),
                                 OSSL_PARAM_construct_end()};
    QByteArray out(KeyBlob::kMacSize, '\0');
    std::size_t outLen = 0;
    if (!ctx || EVP_MAC_init(ctx.get(), key.data(), key.size(), params) != 1
        || EVP_MAC_update(ctx.get(), data, size) != 1
        || EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char *>(out.data()), &outLen, out.size()) != 1
        || outLen != std::size_t(KeyBlob::kMacSize))
        throw KeyBackupError::cryptoFailure("AES-CMAC");
    return out;
}

// AES-256-CBC, zero IV, no padding, over whole blocks; out holds size bytes.
void aesCbc(const SecureBytes &dkek, bool encrypt, const unsigned char *in, std::size_t size, unsigned char *out)
{
    const SecureBytes key = derivedKey(dkek, 1);
    const unsigned char iv[16] = {};
    Owned<EVP_CIPHER_CTX> ctx(EVP_CIPHER_CTX_new());
    int n = 0, m = 0;
    if (!ctx || EVP_CipherInit_ex(ctx.get(), EVP_aes_256_cbc(), nullptr, key.data(), iv, encrypt ? 1 : 0) != 1
        || EVP_CIPHER_CTX_set_padding(ctx.get(), 0) != 1
        || EVP_CipherUpdate(ctx.get(), out, &n, in, int(size)) != 1
        || EVP_CipherFinal_ex(ctx.get(), out + n, &m) != 1 || std::size_t(n + m) != size)
        throw KeyBackupError::cryptoFailure("AES-256-CBC");
}

// Reads L‖value fields of the decrypted key: pointers into the wiping buffer, no copies.
class ComponentReader {
public:
    ComponentReader(const SecureBytes &plain, std::size_t offset) : m_p(plain.data()), m_size(plain.size()), m_pos(offset) {}
    struct Part {
        const unsigned char *data;
        std::size_t size;
    };
    Part next(const char *name)
    {
        if (m_size - m_pos < 2)
            throw KeyBackupError::badKeyData(Tr::tr("it ends before its %1").arg(QString::fromLatin1(name)));
        const std::size_t len = (std::size_t(m_p[m_pos]) << 8) | m_p[m_pos + 1];
        m_pos += 2;
        if (len > m_size - m_pos)
            throw KeyBackupError::badKeyData(Tr::tr("the length of its %1 runs past the end").arg(QString::fromLatin1(name)));
        const Part part{m_p + m_pos, len};
        m_pos += len;
        return part;
    }
    Bn number(const char *name, bool secret)
    {
        const Part part = next(name);
        if (part.size == 0)
            throw KeyBackupError::badKeyData(Tr::tr("its %1 is empty").arg(QString::fromLatin1(name)));
        Bn bn(secret ? BN_secure_new() : BN_new());
        if (!bn || !BN_bin2bn(part.data, int(part.size), bn.get()))
            throw KeyBackupError::cryptoFailure("BN_bin2bn");
        if (secret)
            BN_set_flags(bn.get(), BN_FLG_CONSTTIME);
        return bn;
    }

private:
    const unsigned char *m_p;
    std::size_t m_size;
    std::size_t m_pos;
};

Bn newBn()
{
    Bn bn(BN_new());
    if (!bn)
        throw KeyBackupError::cryptoFailure("BN_new");
    return bn;
}

PublicKey publicKeyOf(EVP_PKEY *key)
{
    unsigned char *der = nullptr;
    const int len = i2d_PUBKEY(key, &der);
    if (len <= 0)
        throw KeyBackupError::cryptoFailure("i2d_PUBKEY");
    const QByteArray spki(reinterpret_cast<const char *>(der), len);
    OPENSSL_free(der);
    return PublicKey::fromSubjectPublicKeyInfo(spki);
}

Owned<EVP_PKEY> fromParams(const char *type, OSSL_PARAM_BLD *bld)
{
    Owned<OSSL_PARAM> params(OSSL_PARAM_BLD_to_param(bld));
    Owned<EVP_PKEY_CTX> ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
    EVP_PKEY *key = nullptr;
    if (!params || !ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1
        || EVP_PKEY_fromdata(ctx.get(), &key, EVP_PKEY_PUBLIC_KEY, params.get()) != 1)
        throw KeyBackupError::cryptoFailure("EVP_PKEY_fromdata");
    return Owned<EVP_PKEY>(key);
}

// The public key made from these parameters, and the facts shown for it.
KeyBlobKey publicFacts(const char *type, OSSL_PARAM_BLD *bld, int bits)
{
    const Owned<EVP_PKEY> key = fromParams(type, bld);
    KeyBlobKey out;
    out.publicKey = publicKeyOf(key.get());
    out.algorithm = QString::fromLatin1(type);
    out.bits = bits;
    return out;
}

bool isOne(const BIGNUM *a, const BIGNUM *b, const BIGNUM *mod, BN_CTX *ctx)
{
    Bn r = newBn();
    return BN_mod_mul(r.get(), a, b, mod, ctx) == 1 && BN_is_one(r.get());
}

KeyBlobKey openRsa(const SecureBytes &plain, int type, BN_CTX *ctx)
{
    ComponentReader reader(plain, 10);
    Bn n, e;
    if (type == KeyBlob::kTypeRsa) {
        const Bn d = reader.number("private exponent", true);
        n = reader.number("modulus", false);
        e = reader.number("public exponent", false);
        // d belongs to (n, e) when (m^e)^d = m mod n for test values.
        for (const unsigned long value : {2UL, 0x5A5A5A5AUL}) {
            Bn m = newBn(), c = newBn(), back = newBn();
            if (BN_set_word(m.get(), value) != 1 || BN_mod_exp(c.get(), m.get(), e.get(), n.get(), ctx) != 1)
                throw KeyBackupError::cryptoFailure("BN_mod_exp");
            BN_set_flags(back.get(), BN_FLG_CONSTTIME);
            if (BN_mod_exp(back.get(), c.get(), d.get(), n.get(), ctx) != 1)
                throw KeyBackupError::cryptoFailure("BN_mod_exp");
            if (BN_cmp(back.get(), m.get()) != 0)
                throw KeyBackupError::badKeyData(Tr::tr("its private exponent does not belong to its modulus"));
        }
    } else {
        const Bn dp = reader.number("DP", true), dq = reader.number("DQ", true), p = reader.number("P", true);
        const Bn qinv = reader.number("QINV", true), q = reader.number("Q", true);
        n = reader.number("modulus", false);
        e = reader.number("public exponent", false);
        Bn pq = newBn(), p1 = newBn(), q1 = newBn();
        if (BN_mul(pq.get(), p.get(), q.get(), ctx) != 1 || !BN_sub(p1.get(), p.get(), BN_value_one())
            || !BN_sub(q1.get(), q.get(), BN_value_one()))
            throw KeyBackupError::cryptoFailure("BN_mul");
        if (BN_cmp(pq.get(), n.get()) != 0)
            throw KeyBackupError::badKeyData(Tr::tr("its primes do not make its modulus"));
        if (!isOne(e.get(), dp.get(), p1.get(), ctx) || !isOne(e.get(), dq.get(), q1.get(), ctx)
            || !isOne(qinv.get(), q.get(), p.get(), ctx))
            throw KeyBackupError::badKeyData(Tr::tr("its CRT parts do not belong together"));
    }
    if (BN_num_bits(n.get()) < 512 || !BN_is_odd(e.get()) || BN_is_one(e.get()))
        throw KeyBackupError::badKeyData(Tr::tr("its modulus or public exponent is not usable"));
    Owned<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (!bld || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_N, n.get()) != 1
        || OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_RSA_E, e.get()) != 1)
        throw KeyBackupError::cryptoFailure("OSSL_PARAM_BLD");
    return publicFacts("RSA", bld.get(), BN_num_bits(n.get()));
}

bool sameNumber(const ComponentReader::Part &part, const BIGNUM *value)
{
    Bn bn(BN_bin2bn(part.data, int(part.size), nullptr));
    return bn && BN_cmp(bn.get(), value) == 0;
}

bool samePoint(const EC_GROUP *group, const ComponentReader::Part &part, const EC_POINT *point, BN_CTX *ctx)
{
    Owned<EC_POINT> p(EC_POINT_new(group));
    return p && EC_POINT_oct2point(group, p.get(), part.data, part.size, ctx) == 1
        && EC_POINT_cmp(group, p.get(), point, ctx) == 0;
}

KeyBlobKey openEc(const SecureBytes &plain, BN_CTX *ctx)
{
    ComponentReader reader(plain, 10);
    const auto a = reader.next("curve coefficient A");
    const auto b = reader.next("curve coefficient B");
    const auto prime = reader.next("prime");
    const auto order = reader.next("order");
    const auto generator = reader.next("generator");
    const Bn d = reader.number("private value", true);
    const auto q = reader.next("public point");

    Owned<EC_GROUP> group;
    for (const int nid : kCurves) {
        Owned<EC_GROUP> g(EC_GROUP_new_by_curve_name(nid));
        Bn gp = newBn(), ga = newBn(), gb = newBn();
        if (!g || EC_GROUP_get_curve(g.get(), gp.get(), ga.get(), gb.get(), ctx) != 1)
            continue;
        if (sameNumber(prime, gp.get()) && sameNumber(b, gb.get()) && sameNumber(order, EC_GROUP_get0_order(g.get()))
            && (a.size == 0 || sameNumber(a, ga.get()))
            && samePoint(g.get(), generator, EC_GROUP_get0_generator(g.get()), ctx)) {
            group = std::move(g);
            break;
        }
    }
    if (!group)
        throw KeyBackupError::badKeyData(Tr::tr("its curve is not one a SmartCard-HSM uses"));
    if (BN_is_zero(d.get()) || BN_is_negative(d.get()) || BN_cmp(d.get(), EC_GROUP_get0_order(group.get())) >= 0)
        throw KeyBackupError::badKeyData(Tr::tr("its private value is out of range"));
    Owned<EC_POINT> pub(EC_POINT_new(group.get()));
    if (!pub || EC_POINT_mul(group.get(), pub.get(), d.get(), nullptr, nullptr, ctx) != 1)
        throw KeyBackupError::cryptoFailure("EC_POINT_mul");
    if (q.size != 0 && !samePoint(group.get(), q, pub.get(), ctx))
        throw KeyBackupError::badKeyData(Tr::tr("its private value does not belong to its public point"));
    unsigned char point[1 + 2 * 66];
    const std::size_t pointSize =
        EC_POINT_point2oct(group.get(), pub.get(), POINT_CONVERSION_UNCOMPRESSED, point, sizeof point, ctx);
    const int nid = EC_GROUP_get_curve_name(group.get());
    Owned<OSSL_PARAM_BLD> bld(OSSL_PARAM_BLD_new());
    if (pointSize == 0 || !bld
        || OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME, OBJ_nid2sn(nid), 0) != 1
        || OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY, point, pointSize) != 1)
        throw KeyBackupError::cryptoFailure("OSSL_PARAM_BLD");
    KeyBlobKey out = publicFacts("EC", bld.get(), EC_GROUP_order_bits(group.get()));
    out.curve = QString::fromLatin1(OBJ_nid2sn(nid));
    return out;
}

// L‖big-endian value, the number padded to width bytes (0: its own size), into the wiping buffer.
void appendNumber(SecureBytes &out, const BIGNUM *bn, int width = 0)
{
    const int size = width ? width : BN_num_bytes(bn);
    SecureBytes field(2 + std::size_t(size));
    field.data()[0] = static_cast<unsigned char>(size >> 8);
    field.data()[1] = static_cast<unsigned char>(size);
    if (BN_bn2binpad(bn, field.data() + 2, size) != size)
        throw KeyBackupError::cryptoFailure("BN_bn2binpad");
    out.append(field.data(), field.size());
}

void appendField(SecureBytes &out, const unsigned char *data, std::size_t size)
{
    const unsigned char len[2] = {static_cast<unsigned char>(size >> 8), static_cast<unsigned char>(size)};
    out.append(len, 2);
    out.append(data, size);
}

Bn bnParam(EVP_PKEY *key, const char *name)
{
    BIGNUM *bn = nullptr;
    if (EVP_PKEY_get_bn_param(key, name, &bn) != 1)
        throw KeyBackupError::cryptoFailure(name);
    return Bn(bn);
}

// The key part of the plaintext (after the random prefix): key size, then components.
int encodeKey(EVP_PKEY *key, SecureBytes &plain, BN_CTX *ctx)
{
    const int bits = EVP_PKEY_get_bits(key);
    auto appendSize = [&plain](int size) {
        const unsigned char b[2] = {static_cast<unsigned char>(size >> 8), static_cast<unsigned char>(size)};
        plain.append(b, 2);
    };
    if (EVP_PKEY_is_a(key, "RSA")) {
        if (bits < 2048 || bits > 4096)
            throw KeyBackupError::unsupportedKey(Tr::tr("RSA with %1 bits").arg(bits));
        const Bn d = bnParam(key, OSSL_PKEY_PARAM_RSA_D);
        appendSize(bits);
        appendNumber(plain, d.get());
        appendNumber(plain, bnParam(key, OSSL_PKEY_PARAM_RSA_N).get());
        appendNumber(plain, bnParam(key, OSSL_PKEY_PARAM_RSA_E).get());
        return KeyBlob::kTypeRsa;
    }
    if (!EVP_PKEY_is_a(key, "EC"))
        throw KeyBackupError::unsupportedKey(Tr::tr("neither RSA nor EC"));
    char name[64] = {};
    std::size_t nameLen = 0;
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, name, sizeof name, &nameLen) != 1)
        throw KeyBackupError::unsupportedKey(Tr::tr("an EC key without a named curve"));
    const int nid = OBJ_sn2nid(name);
    if (nid != NID_X9_62_prime256v1 && nid != NID_secp384r1 && nid != NID_secp521r1)
        throw KeyBackupError::unsupportedKey(Tr::tr("EC on the curve %1").arg(QString::fromLatin1(name)));
    Owned<EC_GROUP> group(EC_GROUP_new_by_curve_name(nid));
    Bn p = newBn(), a = newBn(), b = newBn();
    if (!group || EC_GROUP_get_curve(group.get(), p.get(), a.get(), b.get(), ctx) != 1)
        throw KeyBackupError::cryptoFailure("EC_GROUP_get_curve");
    const int fieldBytes = (EC_GROUP_get_degree(group.get()) + 7) / 8;
    const int orderBytes = (EC_GROUP_order_bits(group.get()) + 7) / 8;
    const Bn d = bnParam(key, OSSL_PKEY_PARAM_PRIV_KEY);
    BN_set_flags(d.get(), BN_FLG_CONSTTIME);
    Owned<EC_POINT> q(EC_POINT_new(group.get()));
    if (!q || EC_POINT_mul(group.get(), q.get(), d.get(), nullptr, nullptr, ctx) != 1)
        throw KeyBackupError::cryptoFailure("EC_POINT_mul");
    unsigned char point[1 + 2 * 66];
    auto appendPoint = [&](const EC_POINT *pt) {
        const std::size_t n = EC_POINT_point2oct(group.get(), pt, POINT_CONVERSION_UNCOMPRESSED, point, sizeof point, ctx);
        if (n == 0)
            throw KeyBackupError::cryptoFailure("EC_POINT_point2oct");
        appendField(plain, point, n);
    };
    appendSize(EC_GROUP_get_degree(group.get()));
    appendNumber(plain, a.get(), fieldBytes);
    appendNumber(plain, b.get(), fieldBytes);
    appendNumber(plain, p.get(), fieldBytes);
    appendNumber(plain, EC_GROUP_get0_order(group.get()), orderBytes);
    appendPoint(EC_GROUP_get0_generator(group.get()));
    appendNumber(plain, d.get(), orderBytes);
    appendPoint(q.get());
    return KeyBlob::kTypeEc;
}

Owned<BN_CTX> newCtx()
{
    Owned<BN_CTX> ctx(BN_CTX_secure_new());
    if (!ctx)
        throw KeyBackupError::cryptoFailure("BN_CTX_new");
    return ctx;
}
} // namespace

KeyBlob KeyBlob::parse(const QByteArray &blob)
{
    KeyBlob out;
    out.m_bytes = blob;
    const qsizetype macAt = blob.size() - kMacSize;
    if (blob.size() < kCheckValueSize + 1 + 4 * 2 + kMacSize)
        throw KeyBackupError::notABackup(Tr::tr("the key blob is too short to hold a key"));
    qsizetype pos = kCheckValueSize + 1;
    for (QByteArray *field : {&out.m_algorithm, &out.m_allowed, &out.m_access, &out.m_keyOid}) {
        if (macAt - pos < 2)
            throw KeyBackupError::notABackup(Tr::tr("the key blob ends inside its header"));
        const qsizetype len = (qsizetype(quint8(blob.at(pos))) << 8) | quint8(blob.at(pos + 1));
        pos += 2;
        if (len > macAt - pos)
            throw KeyBackupError::notABackup(Tr::tr("a length in the key blob's header runs past its end"));
        *field = blob.mid(pos, len);
        pos += len;
    }
    const qsizetype encrypted = macAt - pos;
    if (encrypted < 16 || encrypted % 16 != 0)
        throw KeyBackupError::notABackup(Tr::tr("the encrypted key is not a whole number of AES blocks"));
    out.m_encryptedOffset = pos;
    return out;
}

bool KeyBlob::madeUnder(const SecureBytes &dkek) const
{
    return dkekKeyCheckValue(dkek) == checkValue();
}

bool KeyBlob::integrityMatches(const SecureBytes &dkek) const
{
    const QByteArray mac = cmac(dkek, u8(m_bytes), std::size_t(m_bytes.size() - kMacSize));
    return CRYPTO_memcmp(mac.constData(), m_bytes.constData() + m_bytes.size() - kMacSize, kMacSize) == 0;
}

KeyBlobKey KeyBlob::open(const SecureBytes &dkek) const
{
    if (!madeUnder(dkek))
        throw KeyBackupError::dkekMismatch(checkValue(), dkekKeyCheckValue(dkek));
    if (!integrityMatches(dkek))
        throw KeyBackupError::integrityFailed();
    const int type = keyType();
    if (type != kTypeRsa && type != kTypeRsaCrt && type != kTypeEc)
        throw KeyBackupError::unknownKeyType(type);
    const std::size_t size = std::size_t(m_bytes.size() - kMacSize - m_encryptedOffset);
    SecureBytes plain(size);
    aesCbc(dkek, false, u8(m_bytes) + m_encryptedOffset, size, plain.data());
    const Owned<BN_CTX> ctx = newCtx();
    KeyBlobKey out = type == kTypeEc ? openEc(plain, ctx.get()) : openRsa(plain, type, ctx.get());
    out.keySizeField = (int(plain.data()[8]) << 8) | plain.data()[9];
    out.fingerprint = publicKeyFingerprint(out.publicKey);
    return out;
}

QByteArray KeyBlob::build(const SecureBytes &dkek, EVP_PKEY *key, RandomSource *rng)
{
    if (!key)
        throw KeyBackupError::unsupportedKey(Tr::tr("no key"));
    if (dkek.size() != 32)
        throw KeyBackupError::cryptoFailure("DKEK size");
    OpenSslRandomSource fallback;
    SecureBytes plain(8);
    (rng ? rng : &fallback)->fill(plain.data(), plain.size()); // the device randomizes each blob
    const Owned<BN_CTX> ctx = newCtx();
    const int type = encodeKey(key, plain, ctx.get());
    if (plain.size() % 16 != 0) { // ISO padding to whole blocks, as the device pads
        SecureBytes pad(16 - plain.size() % 16);
        pad.data()[0] = 0x80;
        plain.append(pad.data(), pad.size());
    }
    QByteArray out = dkekKeyCheckValue(dkek);
    out.append(char(type));
    const QByteArray &algorithm = type == kTypeEc ? kEcAlgorithm : kRsaAlgorithm;
    out.append(char(algorithm.size() >> 8)).append(char(algorithm.size())).append(algorithm);
    out.append(QByteArray(6, '\0')); // no allowed algorithms, access conditions or key OID
    const qsizetype at = out.size();
    out.resize(at + qsizetype(plain.size()));
    aesCbc(dkek, true, plain.data(), plain.size(), reinterpret_cast<unsigned char *>(out.data()) + at);
    out.append(cmac(dkek, u8(out), std::size_t(out.size())));
    return out;
}

QString publicKeyFingerprint(const PublicKey &key)
{
    return QString::fromLatin1(
        QCryptographicHash::hash(key.subjectPublicKeyInfo(), QCryptographicHash::Sha256).toHex(':').toUpper());
}
