// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/keyrename.h"

#include "inventory/scanner.h"
#include "keys/hexid.h"
#include "keys/keygenvalidator.h"
#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/objecttransaction.h"
#include "keys/tokenkey.h"
#include "keys/tokenobjects.h"
#include "p11/session.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(KeyRename) };

const ObjectInfo *privateKey(const TokenContents &c, const QByteArray &id)
{
    const ObjectInfo *found = nullptr;
    for (const ObjectInfo &o : c.objects)
        if (o.cls == CKO_PRIVATE_KEY && o.id == id) {
            if (found)
                return nullptr; // ambiguous: the caller reports it
            found = &o;
        }
    return found;
}
} // namespace

KeyRenamePlan KeyRenameValidator::plan(const TokenContents &c, const KeyRename &r)
{
    KeyRenamePlan p;
    const ObjectInfo *priv = privateKey(c, r.keyId);
    if (!priv)
        return p;
    const TokenKey key = TokenKey::assemble(*priv, c.objects);
    p.objects.push_back(*priv);
    for (const ObjectInfo &o : key.publicKeyObjects)
        p.objects.push_back(o);
    for (const ObjectInfo &o : key.certificates) {
        const PublicKey ck = TokenObjects::publicKeyOf(o);
        if (ck.isNull() || key.publicKey.isNull() || ck.sameKeyAs(key.publicKey))
            p.objects.push_back(o);
        else
            p.notes << Tr::tr("%1 shares the ID but belongs to another key; it is left as it is.")
                           .arg(TokenObjects::describe(o));
    }
    return p;
}

QString KeyRenameValidator::check(const TokenContents &c, const KeyRename &r)
{
    int keys = 0;
    for (const ObjectInfo &o : c.objects)
        keys += o.cls == CKO_PRIVATE_KEY && o.id == r.keyId;
    if (keys == 0)
        return Tr::tr("There is no private key with the ID %1 on this token.").arg(HexId::format(r.keyId));
    if (keys > 1)
        return Tr::tr("Several private keys share the ID %1; run the health check first.").arg(HexId::format(r.keyId));
    if (r.newLabel.isEmpty() && r.newIdHex.trimmed().isEmpty())
        return Tr::tr("Enter a new label or a new ID.");
    if (!r.newLabel.isEmpty()) {
        KeyGenSpec s;
        s.label = r.newLabel;
        const QString m = KeyGenValidator::checkLabel(s);
        if (!m.isEmpty())
            return m;
    }
    if (!r.newIdHex.trimmed().isEmpty()) {
        const std::optional<QByteArray> id = HexId::parse(r.newIdHex);
        const KeyRenamePlan p = plan(c, r);
        std::vector<QByteArray> others;
        for (const ObjectInfo &o : c.objects) {
            const bool inPair = std::any_of(p.objects.begin(), p.objects.end(),
                                            [&](const ObjectInfo &x) { return x.handle == o.handle; });
            if (!inPair)
                others.push_back(o.id);
        }
        KeyGenSpec s;
        s.idHex = r.newIdHex;
        const QString m = KeyGenValidator::checkId(s, others);
        if (!m.isEmpty())
            return m;
        if (id && *id == r.keyId && r.newLabel.isEmpty())
            return Tr::tr("That is the key's current ID.");
    }
    return {};
}

std::vector<ObjectInfo> renameKeyPair(Session &s, const CK_TOKEN_INFO &token, const KeyRename &r)
{
    const TokenContents c = Scanner::readObjects(s, token);
    const QString problem = KeyRenameValidator::check(c, r);
    if (!problem.isEmpty())
        throw KeyOperationError(KeyOperationError::Kind::InvalidInput, problem);
    const KeyRenamePlan plan = KeyRenameValidator::plan(c, r);
    const QByteArray newId = r.newIdHex.trimmed().isEmpty() ? r.keyId : HexId::parse(r.newIdHex).value_or(r.keyId);
    const QByteArray newLabel = r.newLabel.toUtf8();

    ObjectTransaction tx(s);
    for (const ObjectInfo &o : plan.objects) {
        if (!r.newLabel.isEmpty() && o.label != newLabel)
            tx.setAttribute(o.handle, CKA_LABEL, newLabel);
        if (o.id != newId)
            tx.setAttribute(o.handle, CKA_ID, newId);
    }
    std::vector<ObjectInfo> now;
    for (const ObjectInfo &o : plan.objects) {
        ObjectInfo fresh = TokenObjects::read(s, token, o.handle);
        if (fresh.id != newId || (!r.newLabel.isEmpty() && fresh.label != newLabel))
            throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                    Tr::tr("The token did not keep the new name of %1; nothing was changed.")
                                        .arg(TokenObjects::describe(o)));
        now.push_back(std::move(fresh));
    }
    tx.commit();
    qCInfo(lcKeys) << "renamed key pair" << r.keyId.toHex() << "to" << newId.toHex() << r.newLabel;
    return now;
}
