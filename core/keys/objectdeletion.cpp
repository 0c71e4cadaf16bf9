// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/objectdeletion.h"

#include "keys/keyoperationerror.h"
#include "keys/keyslogging.h"
#include "keys/tokenobjects.h"
#include "p11/attributes.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(ObjectDeletion) };

int order(CK_OBJECT_CLASS c)
{
    // Certificates first: if the key's deletion failed, no certificate would be
    // left pointing at nothing; the key goes last.
    switch (c) {
    case CKO_CERTIFICATE: return 0;
    case CKO_PUBLIC_KEY: return 1;
    case CKO_PRIVATE_KEY: return 2;
    default: return 3;
    }
}

bool stillTheSame(Session &s, const ObjectInfo &o)
{
    std::vector<CK_ATTRIBUTE_TYPE> types{CKA_CLASS, CKA_ID, CKA_LABEL};
    if (o.cls == CKO_CERTIFICATE)
        types.push_back(CKA_VALUE);
    AttributeSet now;
    try {
        now = readAttributes(s, o.handle, types);
    } catch (const Pkcs11Error &e) {
        if (e.rv() == CKR_OBJECT_HANDLE_INVALID)
            return false;
        throw;
    }
    return now.ulong(CKA_CLASS) == o.cls && now.bytes(CKA_ID) == o.id && now.bytes(CKA_LABEL) == o.label
        && (o.cls != CKO_CERTIFICATE || now.bytes(CKA_VALUE) == o.attrs.bytes(CKA_VALUE));
}
} // namespace

QStringList DeletionPlan::descriptions() const
{
    QStringList out;
    for (const ObjectInfo &o : objects)
        out << TokenObjects::describe(o);
    return out;
}

DeletionPlan planDeletion(const TokenContents &c, const ObjectInfo &target, bool withPartners)
{
    DeletionPlan plan;
    plan.objects.push_back(target);
    if (target.cls == CKO_PRIVATE_KEY && withPartners) {
        // The key's public half: from itself, else its public-key object.
        PublicKey key = TokenObjects::publicKeyOf(target);
        for (const ObjectInfo &o : c.objects)
            if (key.isNull() && o.cls == CKO_PUBLIC_KEY && o.id == target.id && !target.id.isEmpty())
                key = TokenObjects::publicKeyOf(o);
        for (const ObjectInfo &o : c.objects) {
            if (o.handle == target.handle)
                continue;
            const bool sameId = !target.id.isEmpty() && o.id == target.id;
            if (o.cls == CKO_PUBLIC_KEY && sameId) {
                const PublicKey pk = TokenObjects::publicKeyOf(o);
                if (pk.isNull() || key.isNull() || pk.sameKeyAs(key))
                    plan.objects.push_back(o);
                else
                    plan.notes << Tr::tr("%1 shares the ID but is another key's public key; it stays.")
                                      .arg(TokenObjects::describe(o));
            } else if (o.cls == CKO_CERTIFICATE) {
                const PublicKey ck = TokenObjects::publicKeyOf(o);
                const bool carriesKey = !ck.isNull() && !key.isNull() && ck.sameKeyAs(key);
                if (carriesKey || (sameId && (ck.isNull() || key.isNull())))
                    plan.objects.push_back(o);
                else if (sameId)
                    plan.notes << Tr::tr("%1 shares the ID but belongs to another key; it stays.")
                                      .arg(TokenObjects::describe(o));
            }
        }
    }
    std::stable_sort(plan.objects.begin(), plan.objects.end(),
                     [](const ObjectInfo &a, const ObjectInfo &b) { return order(a.cls) < order(b.cls); });
    return plan;
}

void deleteObjects(Session &s, const CK_TOKEN_INFO &, const DeletionPlan &plan)
{
    for (const ObjectInfo &o : plan.objects)
        if (o.handle == CK_INVALID_HANDLE || !stillTheSame(s, o))
            throw KeyOperationError(KeyOperationError::Kind::TokenChanged,
                                    Tr::tr("%1 changed or disappeared since the list was read; nothing was deleted. "
                                       "Refresh and try again.").arg(TokenObjects::describe(o)));
    QStringList done;
    for (const ObjectInfo &o : plan.objects) {
        const CK_RV rv = P11CALL(s.module(), C_DestroyObject, s.handle(), o.handle);
        if (rv != CKR_OK) {
            if (done.isEmpty())
                throw Pkcs11Error("C_DestroyObject", rv);
            throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                    Tr::tr("Deleting %1 failed (%2) after %3 had been deleted.")
                                        .arg(TokenObjects::describe(o), QString::fromLatin1(ckrName(rv)),
                                             done.join(QStringLiteral(", "))));
        }
        done << TokenObjects::describe(o);
        qCInfo(lcKeys) << "deleted" << TokenObjects::describe(o);
    }
    for (const ObjectInfo &o : plan.objects) {
        if (stillTheSame(s, o))
            throw KeyOperationError(KeyOperationError::Kind::VerificationFailed,
                                    Tr::tr("%1 is still on the token after deletion.").arg(TokenObjects::describe(o)));
    }
}
