// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/tokenkey.h"

#include "keys/hexid.h"
#include "keys/keyoperationerror.h"
#include "keys/tokenobjects.h"
#include "p11/session.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(TokenKey) };
} // namespace

TokenKey TokenKey::assemble(const ObjectInfo &privateKey, const std::vector<ObjectInfo> &others)
{
    TokenKey k;
    k.privateKey = privateKey;
    for (const ObjectInfo &o : others) {
        if (o.id != privateKey.id || privateKey.id.isEmpty())
            continue;
        if (o.cls == CKO_PUBLIC_KEY)
            k.publicKeyObjects.push_back(o);
        else if (o.cls == CKO_CERTIFICATE)
            k.certificates.push_back(o);
    }
    k.publicKey = TokenObjects::publicKeyOf(privateKey);
    if (!k.publicKey.isNull()) {
        k.publicKeySource = PublicKeySource::PrivateKey;
        return k;
    }
    for (const ObjectInfo &o : k.publicKeyObjects) {
        k.publicKey = TokenObjects::publicKeyOf(o);
        if (!k.publicKey.isNull()) {
            k.publicKeySource = PublicKeySource::PublicKeyObject;
            return k;
        }
    }
    // Last resort, and only an assumption: the certificate may belong to another
    // key ("wrong certificate"). Every signature is verified against this key, so
    // a wrong one is caught before anything leaves the worker.
    for (const ObjectInfo &o : k.certificates) {
        k.publicKey = TokenObjects::publicKeyOf(o);
        if (!k.publicKey.isNull()) {
            k.publicKeySource = PublicKeySource::Certificate;
            return k;
        }
    }
    return k;
}

TokenKey TokenKey::load(Session &s, const CK_TOKEN_INFO &token, const QByteArray &id)
{
    const std::vector<CK_OBJECT_HANDLE> privs = TokenObjects::withId(s, CKO_PRIVATE_KEY, id);
    if (privs.empty())
        throw KeyOperationError(KeyOperationError::Kind::NoSuchKey,
                                Tr::tr("There is no private key with the ID %1 on this token (are you logged in?).")
                                    .arg(HexId::format(id)));
    if (privs.size() > 1)
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput,
                                Tr::tr("%1 private keys share the ID %2, so programs cannot tell them apart. "
                                   "Run the token health check to give them distinct IDs first.")
                                    .arg(privs.size())
                                    .arg(HexId::format(id)));
    std::vector<ObjectInfo> others;
    for (CK_OBJECT_CLASS cls : {CKO_PUBLIC_KEY, CKO_CERTIFICATE})
        for (CK_OBJECT_HANDLE h : TokenObjects::withId(s, cls, id))
            others.push_back(TokenObjects::read(s, token, h));
    return assemble(TokenObjects::read(s, token, privs.front()), others);
}
