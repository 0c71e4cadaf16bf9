// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/tokenobjects.h"

#include "inventory/objectfacts.h"
#include "inventory/scanner.h"
#include "p11/attributes.h"
#include "p11/session.h"
#include "p11/uri.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(TokenObjects) };
} // namespace

std::vector<CK_OBJECT_HANDLE> TokenObjects::withId(Session &session, const QByteArray &id)
{
    return session.findObjects({attr(CKA_ID, id.constData(), CK_ULONG(id.size()))});
}

std::vector<CK_OBJECT_HANDLE> TokenObjects::withId(Session &session, CK_OBJECT_CLASS cls, const QByteArray &id)
{
    return session.findObjects({attrOf(CKA_CLASS, cls), attr(CKA_ID, id.constData(), CK_ULONG(id.size()))});
}

ObjectInfo TokenObjects::read(Session &session, const CK_TOKEN_INFO &token, CK_OBJECT_HANDLE handle)
{
    ObjectInfo o;
    o.handle = handle;
    const AttributeSet cls = readAttributes(session, handle, {CKA_CLASS});
    o.cls = cls.ulong(CKA_CLASS).value_or(CKO_DATA);
    o.attrs = readAttributes(session, handle, Scanner::attributesFor(o.cls));
    o.id = o.attrs.bytes(CKA_ID);
    o.label = o.attrs.bytes(CKA_LABEL);
    o.uri = Pkcs11Uri::forObject(token, o.cls, o.id, o.label);
    return o;
}

PublicKey TokenObjects::publicKeyOf(const ObjectInfo &o) { return ObjectFacts::publicKey(o); }

QString TokenObjects::describe(const ObjectInfo &o)
{
    const QString id = o.id.isEmpty() ? Tr::tr("no ID") : Tr::tr("ID %1").arg(QString::fromLatin1(o.id.toHex()));
    if (o.label.isEmpty())
        return Tr::tr("%1 without label (%2)").arg(ObjectFacts::className(o.cls), id);
    return Tr::tr("%1 “%2” (%3)").arg(ObjectFacts::className(o.cls), o.labelText(), id);
}
