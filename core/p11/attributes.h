// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>
#include <QString>

#include <map>
#include <optional>
#include <vector>

class Session;

// The values of some attributes of one object. An attribute that the module
// does not have, or will not reveal (sensitive), is absent.
class AttributeSet {
public:
    bool has(CK_ATTRIBUTE_TYPE t) const { return m_values.count(t) != 0; }
    QByteArray bytes(CK_ATTRIBUTE_TYPE t) const;
    std::optional<bool> boolean(CK_ATTRIBUTE_TYPE t) const;
    std::optional<CK_ULONG> ulong(CK_ATTRIBUTE_TYPE t) const;
    QString utf8(CK_ATTRIBUTE_TYPE t) const;
    void set(CK_ATTRIBUTE_TYPE t, QByteArray v) { m_values[t] = std::move(v); }
    const std::map<CK_ATTRIBUTE_TYPE, QByteArray> &values() const { return m_values; }

private:
    std::map<CK_ATTRIBUTE_TYPE, QByteArray> m_values;
};

// Reads the attributes of one object in as few calls as the module allows:
// one C_GetAttributeValue for all lengths, one for all values. If the module
// refuses the batch as a whole it falls back to one attribute at a time; a
// length that grows between the two calls is asked again.
// The module's answers are checked: a value over ModuleLimits::kMaxAttributeValue or a
// length larger than the buffer throws ModuleContractError naming the object (`what`,
// e.g. "certificate", plus its handle); a failure other than "no such attribute"
// (CKR_DEVICE_ERROR, a removed token…) throws Pkcs11Error: never an empty stand-in.
AttributeSet readAttributes(Session &session, CK_OBJECT_HANDLE object, const std::vector<CK_ATTRIBUTE_TYPE> &types,
                            const QString &what = {});

// Typed helpers for building templates (the buffers must outlive the call).
inline CK_ATTRIBUTE attr(CK_ATTRIBUTE_TYPE t, const void *v, CK_ULONG len)
{
    return CK_ATTRIBUTE{t, const_cast<void *>(v), len};
}
template <typename T>
CK_ATTRIBUTE attrOf(CK_ATTRIBUTE_TYPE t, const T &v)
{
    return attr(t, &v, sizeof(T));
}
extern const CK_BBOOL kTrue;
extern const CK_BBOOL kFalse;
