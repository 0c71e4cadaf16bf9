// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/objecttransaction.h"

#include "keys/keyslogging.h"
#include "p11/attributes.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

ObjectTransaction::~ObjectTransaction()
{
    if (!m_committed)
        rollback();
}

CK_OBJECT_HANDLE ObjectTransaction::create(std::vector<CK_ATTRIBUTE> tmpl)
{
    CK_OBJECT_HANDLE h = CK_INVALID_HANDLE;
    check(P11CALL(m_session.module(), C_CreateObject, m_session.handle(), tmpl.data(), CK_ULONG(tmpl.size()), &h),
          "C_CreateObject");
    m_created.push_back(h);
    return h;
}

void ObjectTransaction::adopt(CK_OBJECT_HANDLE object)
{
    if (object != CK_INVALID_HANDLE)
        m_created.push_back(object);
}

void ObjectTransaction::setAttribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type, const QByteArray &value)
{
    const AttributeSet old = readAttributes(m_session, object, {type});
    CK_ATTRIBUTE a = attr(type, value.constData(), CK_ULONG(value.size()));
    check(P11CALL(m_session.module(), C_SetAttributeValue, m_session.handle(), object, &a, 1), "C_SetAttributeValue");
    m_changes.push_back({object, type, old.bytes(type)});
}

void ObjectTransaction::rollback() noexcept
{
    if (m_committed)
        return;
    m_committed = true; // once
    Module &m = m_session.module();
    for (auto it = m_changes.rbegin(); it != m_changes.rend(); ++it) {
        CK_ATTRIBUTE a = attr(it->type, it->oldValue.constData(), CK_ULONG(it->oldValue.size()));
        const CK_RV rv = P11CALL(m, C_SetAttributeValue, m_session.handle(), it->object, &a, 1);
        if (rv != CKR_OK)
            qCWarning(lcKeys) << "rollback: restoring attribute" << Qt::hex << it->type << "failed:" << ckrName(rv);
    }
    for (auto it = m_created.rbegin(); it != m_created.rend(); ++it) {
        const CK_RV rv = P11CALL(m, C_DestroyObject, m_session.handle(), *it);
        if (rv != CKR_OK)
            qCWarning(lcKeys) << "rollback: C_DestroyObject failed:" << ckrName(rv);
        else
            qCInfo(lcKeys) << "rollback: destroyed an object this operation had created";
    }
    m_changes.clear();
    m_created.clear();
}
