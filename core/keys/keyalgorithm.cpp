// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/keyalgorithm.h"

#include "keys/keyoperationerror.h"

#include <QCoreApplication>

#include <openssl/objects.h>

#include <algorithm>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(KeyAlgorithm) };

struct Curve {
    const char *name;   // OpenSSL short name
    const char *display;
    int bits;
    bool common;        // implemented by (practically) every EC token
};
const Curve kCurves[] = {
    {"prime256v1", "P-256", 256, true},
    {"secp384r1", "P-384", 384, true},
    {"secp521r1", "P-521", 521, true},
    {"secp256k1", "secp256k1", 256, false},
    {"brainpoolP256r1", "brainpoolP256r1", 256, false},
    {"brainpoolP384r1", "brainpoolP384r1", 384, false},
    {"brainpoolP512r1", "brainpoolP512r1", 512, false},
};

const Curve *findCurve(const QByteArray &name)
{
    for (const Curve &c : kCurves)
        if (name == c.name)
            return &c;
    return nullptr;
}

const MechanismInfo *find(const std::vector<MechanismInfo> &mechs, CK_MECHANISM_TYPE t)
{
    auto it = std::find_if(mechs.begin(), mechs.end(), [t](const MechanismInfo &m) { return m.type == t; });
    return it == mechs.end() ? nullptr : &*it;
}

// Key-size limits as the token states them. 0/0 means "not given" (some modules
// leave the fields empty): then nothing is ruled out. Vendor quirk: a few modules
// state RSA limits in bytes rather than bits; a maximum below 512 is read as bytes.
bool covers(const CK_MECHANISM_INFO &info, int bits)
{
    CK_ULONG lo = info.ulMinKeySize, hi = info.ulMaxKeySize;
    if (lo == 0 && hi == 0)
        return true;
    if (hi != 0 && hi < 512 && bits >= 1024) {
        lo *= 8;
        hi *= 8;
    }
    return CK_ULONG(bits) >= lo && (hi == 0 || CK_ULONG(bits) <= hi);
}
} // namespace

QString KeyAlgorithm::id() const
{
    switch (family) {
    case Family::Rsa: return QStringLiteral("rsa-%1").arg(bits);
    case Family::Ec: return QStringLiteral("ec-") + QString::fromLatin1(curve);
    case Family::Ed25519: return QStringLiteral("ed25519");
    }
    return {};
}

QString KeyAlgorithm::caveat() const
{
    if (legacy)
        return Tr::tr("Legacy: %1-bit RSA keys can be broken today. Use them only where an old system demands it.")
            .arg(bits);
    if (family == Family::Ed25519)
        // Seen on Debian 12: with an Ed25519 key on the token, the pkcs11 engine
        // (libp11 0.4.12) fails to enumerate the token's keys, and openssl cannot load
        // even its RSA and EC keys; Java 17's SunPKCS11 has no EdDSA either.
        return Tr::tr("Java and OpenSSL's pkcs11 engine cannot use Ed25519 token keys yet, and with one on the token "
                  "the engine (libp11 0.4.12) finds none of the token's other keys either.");
    if (!certainlySupported)
        return Tr::tr("The token does not say which curves it supports; it may refuse this one.");
    return {};
}

QString KeyAlgorithm::displayName() const
{
    switch (family) {
    case Family::Rsa: return Tr::tr("RSA %1 bits").arg(bits);
    case Family::Ec: {
        const Curve *c = findCurve(curve);
        return Tr::tr("EC %1").arg(QString::fromLatin1(c ? c->display : curve.constData()));
    }
    case Family::Ed25519: return QStringLiteral("Ed25519");
    }
    return {};
}

CK_KEY_TYPE KeyAlgorithm::keyType() const
{
    switch (family) {
    case Family::Rsa: return CKK_RSA;
    case Family::Ec: return CKK_EC;
    case Family::Ed25519: return CKK_EC_EDWARDS;
    }
    return CKK_RSA;
}

CK_MECHANISM_TYPE KeyAlgorithm::generationMechanism() const
{
    switch (family) {
    case Family::Rsa: return CKM_RSA_PKCS_KEY_PAIR_GEN;
    case Family::Ec: return CKM_EC_KEY_PAIR_GEN;
    case Family::Ed25519: return CKM_EC_EDWARDS_KEY_PAIR_GEN;
    }
    return CKM_RSA_PKCS_KEY_PAIR_GEN;
}

QByteArray KeyAlgorithm::ecParams() const
{
    int nid = NID_undef;
    if (family == Family::Ec)
        nid = OBJ_sn2nid(curve.constData());
    else if (family == Family::Ed25519)
        nid = NID_ED25519;
    const ASN1_OBJECT *obj = nid == NID_undef ? nullptr : OBJ_nid2obj(nid);
    if (!obj)
        return {};
    unsigned char *out = nullptr;
    const int n = i2d_ASN1_OBJECT(obj, &out);
    QByteArray der = n > 0 ? QByteArray(reinterpret_cast<const char *>(out), n) : QByteArray();
    OPENSSL_free(out);
    return der;
}

KeyAlgorithm KeyAlgorithm::rsa(int bits)
{
    KeyAlgorithm a;
    a.family = Family::Rsa;
    a.bits = bits;
    a.legacy = bits < 2048;
    return a;
}

KeyAlgorithm KeyAlgorithm::ec(const QByteArray &curve)
{
    const Curve *c = findCurve(curve);
    if (!c)
        throw KeyOperationError(KeyOperationError::Kind::Unsupported,
                                Tr::tr("TokenDesk does not generate keys on the curve %1.").arg(QString::fromLatin1(curve)));
    KeyAlgorithm a;
    a.family = Family::Ec;
    a.bits = c->bits;
    a.curve = curve;
    a.certainlySupported = c->common;
    return a;
}

KeyAlgorithm KeyAlgorithm::ed25519()
{
    KeyAlgorithm a;
    a.family = Family::Ed25519;
    a.bits = 256;
    return a;
}

std::optional<KeyAlgorithm> KeyAlgorithm::fromId(const QString &id)
{
    if (id == QLatin1String("ed25519"))
        return ed25519();
    if (id.startsWith(QLatin1String("rsa-"))) {
        bool ok = false;
        const int bits = id.mid(4).toInt(&ok);
        if (ok && (bits == 1024 || bits == 2048 || bits == 3072 || bits == 4096))
            return rsa(bits);
        return std::nullopt;
    }
    if (id.startsWith(QLatin1String("ec-")) && findCurve(id.mid(3).toLatin1()))
        return ec(id.mid(3).toLatin1());
    return std::nullopt;
}

std::vector<KeyAlgorithm> KeyAlgorithm::offeredBy(const std::vector<MechanismInfo> &mechs)
{
    std::vector<KeyAlgorithm> out;
    if (const MechanismInfo *m = find(mechs, CKM_RSA_PKCS_KEY_PAIR_GEN)) {
        for (int bits : {2048, 3072, 4096, 1024})
            if (covers(m->info, bits))
                out.push_back(rsa(bits));
    }
    if (const MechanismInfo *m = find(mechs, CKM_EC_KEY_PAIR_GEN)) {
        for (const Curve &c : kCurves)
            if (covers(m->info, c.bits))
                out.push_back(ec(c.name));
    }
    if (find(mechs, CKM_EC_EDWARDS_KEY_PAIR_GEN))
        out.push_back(ed25519());
    return out;
}
