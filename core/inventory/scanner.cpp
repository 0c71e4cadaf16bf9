// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/scanner.h"

#include "demo/demotoken.h"
#include "inventory/objectfacts.h"
#include "inventory/p11text.h"
#include "p11/ckrname.h"
#include "p11/module.h"
#include "p11/modulecontract.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"
#include "p11/uri.h"

#include <algorithm>

namespace {
const std::vector<CK_ATTRIBUTE_TYPE> kCommon{CKA_CLASS, CKA_ID, CKA_LABEL, CKA_TOKEN, CKA_PRIVATE, CKA_MODIFIABLE};

std::vector<CK_ATTRIBUTE_TYPE> with(std::initializer_list<CK_ATTRIBUTE_TYPE> extra)
{
    std::vector<CK_ATTRIBUTE_TYPE> v = kCommon;
    v.insert(v.end(), extra);
    return v;
}

const std::vector<CK_ATTRIBUTE_TYPE> kPrivateKey = with(
    {CKA_KEY_TYPE, CKA_SIGN, CKA_DECRYPT, CKA_UNWRAP, CKA_DERIVE, CKA_SENSITIVE, CKA_EXTRACTABLE, CKA_LOCAL,
     CKA_ALWAYS_AUTHENTICATE, CKA_ALWAYS_SENSITIVE, CKA_NEVER_EXTRACTABLE, CKA_MODULUS, CKA_PUBLIC_EXPONENT,
     CKA_EC_PARAMS, CKA_EC_POINT, CKA_PUBLIC_KEY_INFO, CKA_SUBJECT});
const std::vector<CK_ATTRIBUTE_TYPE> kPublicKey = with(
    {CKA_KEY_TYPE, CKA_VERIFY, CKA_ENCRYPT, CKA_WRAP, CKA_DERIVE, CKA_LOCAL, CKA_MODULUS, CKA_MODULUS_BITS,
     CKA_PUBLIC_EXPONENT, CKA_EC_PARAMS, CKA_EC_POINT, CKA_PUBLIC_KEY_INFO, CKA_SUBJECT});
// Never CKA_VALUE for a secret key: we do not read key material, even when the token would give it.
const std::vector<CK_ATTRIBUTE_TYPE> kSecretKey = with(
    {CKA_KEY_TYPE, CKA_ENCRYPT, CKA_DECRYPT, CKA_SIGN, CKA_VERIFY, CKA_WRAP, CKA_UNWRAP, CKA_DERIVE, CKA_SENSITIVE,
     CKA_EXTRACTABLE, CKA_LOCAL, CKA_VALUE_LEN, CKA_CHECK_VALUE});
const std::vector<CK_ATTRIBUTE_TYPE> kCertificate = with(
    {CKA_CERTIFICATE_TYPE, CKA_VALUE, CKA_TRUSTED, CKA_CERTIFICATE_CATEGORY, CKA_SUBJECT, CKA_ISSUER,
     CKA_SERIAL_NUMBER});
const std::vector<CK_ATTRIBUTE_TYPE> kData = with({CKA_APPLICATION, CKA_OBJECT_ID, CKA_VALUE});

const CK_OBJECT_CLASS kClasses[] = {CKO_CERTIFICATE, CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_SECRET_KEY, CKO_DATA};
} // namespace

const std::vector<CK_ATTRIBUTE_TYPE> &Scanner::attributesFor(CK_OBJECT_CLASS cls)
{
    switch (cls) {
    case CKO_PRIVATE_KEY: return kPrivateKey;
    case CKO_PUBLIC_KEY: return kPublicKey;
    case CKO_SECRET_KEY: return kSecretKey;
    case CKO_CERTIFICATE: return kCertificate;
    default: return kData;
    }
}

std::vector<MechanismInfo> Scanner::readMechanisms(Module &m, CK_SLOT_ID slot)
{
    CK_ULONG n = 0;
    check(P11CALL(m, C_GetMechanismList, slot, nullptr, &n), "C_GetMechanismList");
    checkCount(m, "C_GetMechanismList", n, ModuleLimits::kMaxMechanisms);
    // One spare element: p11-kit-client 0.24.1 (Debian 12), which a module in a separate process is
    // reached through, reads one element past the caller's array when it drops a mechanism its RPC
    // cannot carry (memmove off by one, fixed upstream in p11-kit PR 456). Found by ASan in test_faults.
    std::vector<CK_MECHANISM_TYPE> types(n + 1);
    if (n) {
        const CK_ULONG room = n;
        check(P11CALL(m, C_GetMechanismList, slot, types.data(), &n), "C_GetMechanismList");
        checkCount(m, "C_GetMechanismList", n, room);
    }
    types.resize(n);
    std::vector<MechanismInfo> out;
    out.reserve(n);
    for (CK_MECHANISM_TYPE t : types) {
        MechanismInfo mi;
        mi.type = t;
        mi.name = ckmName(t);
        if (P11CALL(m, C_GetMechanismInfo, slot, t, &mi.info) != CKR_OK)
            mi.info = CK_MECHANISM_INFO{};
        out.push_back(mi);
    }
    return out;
}

TokenSnapshot Scanner::readToken(Module &m, CK_SLOT_ID slot)
{
    TokenSnapshot t;
    check(P11CALL(m, C_GetTokenInfo, slot, &t.info), "C_GetTokenInfo");
    t.id = TokenIdentity::from(t.info);
    t.label = P11Text::text(t.info.label);
    t.uri = Pkcs11Uri::forToken(t.info);
    t.isDemo = DemoToken::isDemoToken(t.info);
    return t;
}

TokenIdentity Scanner::identity(Module &m, CK_SLOT_ID slot, const CK_TOKEN_INFO &info)
{
    TokenIdentity id = TokenIdentity::from(info);
    for (CK_SLOT_ID other : slotList(m, true)) {
        CK_TOKEN_INFO ti{};
        if (other != slot && P11CALL(m, C_GetTokenInfo, other, &ti) == CKR_OK && TokenIdentity::from(ti) == id) {
            id.slot = slot;
            break;
        }
    }
    return id;
}

namespace {
// Tokens of one module that report the same manufacturer, model and serial get
// their slot in the identity (the same rule as Scanner::identity()).
void qualifyTwins(std::vector<SlotSnapshot> &slots)
{
    for (SlotSnapshot &s : slots) {
        if (!s.token)
            continue;
        const bool twin = std::any_of(slots.begin(), slots.end(), [&](const SlotSnapshot &o) {
            return &o != &s && o.token && TokenIdentity::from(o.token->info) == TokenIdentity::from(s.token->info);
        });
        if (twin)
            s.token->id.slot = s.id;
    }
}
} // namespace

namespace {
QByteArray tokenKey(const CK_TOKEN_INFO &ti)
{
    QByteArray k;
    for (const auto &[field, size] : {std::pair{static_cast<const void *>(ti.manufacturerID), sizeof ti.manufacturerID},
                                      {ti.model, sizeof ti.model}, {ti.serialNumber, sizeof ti.serialNumber},
                                      {&ti.hardwareVersion, sizeof ti.hardwareVersion},
                                      {&ti.firmwareVersion, sizeof ti.firmwareVersion}})
        k.append(static_cast<const char *>(field), qsizetype(size));
    return k;
}

std::vector<MechanismInfo> mechanismsOf(Module &m, CK_SLOT_ID slot, const CK_TOKEN_INFO &ti, MechanismCache *cache)
{
    if (!cache)
        return Scanner::readMechanisms(m, slot);
    const QByteArray key = tokenKey(ti);
    if (auto it = cache->bySlot.find(slot); it != cache->bySlot.end() && it->second.token == key)
        return it->second.mechanisms;
    std::vector<MechanismInfo> mechanisms = Scanner::readMechanisms(m, slot); // not cached when it throws
    cache->bySlot[slot] = MechanismCache::Entry{key, mechanisms};
    return mechanisms;
}
} // namespace

ModuleSnapshot Scanner::scanModule(const std::shared_ptr<Module> &module, MechanismCache *cache)
{
    Module &m = *module;
    ModuleSnapshot snap;
    snap.path = m.path();
    const CK_INFO info = m.info();
    snap.description = P11Text::text(info.libraryDescription);
    snap.manufacturer = P11Text::text(info.manufacturerID);
    snap.libraryVersion = P11Text::version(info.libraryVersion);
    snap.cryptokiVersion = P11Text::version(info.cryptokiVersion);

    const std::vector<CK_SLOT_ID> ids = slotList(m, false);
    for (CK_SLOT_ID id : ids) {
        SlotSnapshot s;
        s.id = id;
        CK_SLOT_INFO si{};
        if (P11CALL(m, C_GetSlotInfo, id, &si) != CKR_OK)
            continue; // the reader went away between the calls
        s.description = P11Text::text(si.slotDescription);
        s.manufacturer = P11Text::text(si.manufacturerID);
        s.flags = si.flags;
        if (cache && !(si.flags & CKF_TOKEN_PRESENT))
            cache->bySlot.erase(id); // whatever comes next into this slot is read afresh
        if (si.flags & CKF_TOKEN_PRESENT) {
            try {
                TokenSnapshot t = readToken(m, id);
                try {
                    t.mechanisms = mechanismsOf(m, id, t.info, cache);
                } catch (const Pkcs11Error &e) {
                    qCInfo(lcP11) << "mechanism list unavailable:" << e.what();
                } catch (const ModuleContractError &e) {
                    s.tokenError = e.message(); // listed with the token, and --list exits 2
                }
                s.token = std::move(t);
            } catch (const Pkcs11Error &e) {
                s.tokenError = QString::fromLatin1(e.name());
            }
        }
        snap.slots.push_back(std::move(s));
    }
    if (cache) // slots that went away altogether
        std::erase_if(cache->bySlot, [&ids](const auto &e) { return std::find(ids.begin(), ids.end(), e.first) == ids.end(); });
    qualifyTwins(snap.slots);
    return snap;
}

TokenContents Scanner::readObjects(Session &session, const CK_TOKEN_INFO &token)
{
    TokenContents c;
    c.id = identity(session.module(), session.slot(), token);
    const CK_STATE state = session.info().state;
    c.loggedIn = isLoggedInState(state);
    c.privateObjectsHidden = !c.loggedIn && (token.flags & CKF_LOGIN_REQUIRED);
    for (CK_OBJECT_CLASS cls : kClasses) {
        CK_OBJECT_CLASS value = cls;
        const auto handles = session.findObjects({attrOf(CKA_CLASS, value)});
        const auto &types = attributesFor(cls);
        for (CK_OBJECT_HANDLE h : handles) {
            ObjectInfo o;
            o.handle = h;
            o.cls = cls;
            o.attrs = readAttributes(session, h, types, ObjectFacts::className(cls));
            o.id = o.attrs.bytes(CKA_ID);
            o.label = o.attrs.bytes(CKA_LABEL);
            o.uri = Pkcs11Uri::forObject(token, cls, o.id, o.label);
            c.objects.push_back(std::move(o));
        }
    }
    return c;
}
