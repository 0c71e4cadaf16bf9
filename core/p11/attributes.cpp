// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/attributes.h"

#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QString>

#include <cstring>

const CK_BBOOL kTrue = CK_TRUE;
const CK_BBOOL kFalse = CK_FALSE;

QByteArray AttributeSet::bytes(CK_ATTRIBUTE_TYPE t) const
{
    auto it = m_values.find(t);
    return it == m_values.end() ? QByteArray() : it->second;
}

std::optional<bool> AttributeSet::boolean(CK_ATTRIBUTE_TYPE t) const
{
    auto it = m_values.find(t);
    if (it == m_values.end() || it->second.size() != int(sizeof(CK_BBOOL)))
        return std::nullopt;
    return it->second.at(0) != 0;
}

std::optional<CK_ULONG> AttributeSet::ulong(CK_ATTRIBUTE_TYPE t) const
{
    auto it = m_values.find(t);
    if (it == m_values.end() || it->second.size() != int(sizeof(CK_ULONG)))
        return std::nullopt;
    CK_ULONG v;
    std::memcpy(&v, it->second.constData(), sizeof v);
    return v;
}

QString AttributeSet::utf8(CK_ATTRIBUTE_TYPE t) const { return QString::fromUtf8(bytes(t)); }

namespace {
// The call returns these when some attributes were unavailable but the rest were filled in.
bool partialOk(CK_RV rv)
{
    return rv == CKR_OK || rv == CKR_ATTRIBUTE_SENSITIVE || rv == CKR_ATTRIBUTE_TYPE_INVALID;
}

bool readOne(Session &s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE t, QByteArray &out)
{
    Module &m = s.module();
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ATTRIBUTE a{t, nullptr, 0};
        CK_RV rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, &a, 1);
        if (rv != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
            return false;
        out.resize(qsizetype(a.ulValueLen));
        a.pValue = out.data();
        rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, &a, 1);
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue; // the value grew between the calls
        if (rv != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION)
            return false;
        out.resize(qsizetype(a.ulValueLen));
        return true;
    }
    return false;
}
} // namespace

AttributeSet readAttributes(Session &s, CK_OBJECT_HANDLE o, const std::vector<CK_ATTRIBUTE_TYPE> &types)
{
    AttributeSet result;
    Module &m = s.module();
    std::vector<CK_ATTRIBUTE> tmpl;
    tmpl.reserve(types.size());
    for (CK_ATTRIBUTE_TYPE t : types)
        tmpl.push_back(CK_ATTRIBUTE{t, nullptr, 0});

    CK_RV rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, tmpl.data(), CK_ULONG(tmpl.size()));
    if (rv == CKR_OBJECT_HANDLE_INVALID || rv == CKR_SESSION_HANDLE_INVALID || rv == CKR_DEVICE_REMOVED
        || rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_SESSION_CLOSED)
        throw Pkcs11Error("C_GetAttributeValue", rv);
    if (partialOk(rv)) {
        for (int attempt = 0; attempt < 3; ++attempt) {
            std::vector<QByteArray> buffers(tmpl.size());
            std::vector<CK_ATTRIBUTE> values;
            std::vector<std::size_t> order;
            for (std::size_t i = 0; i < tmpl.size(); ++i) {
                if (tmpl[i].ulValueLen == CK_UNAVAILABLE_INFORMATION)
                    continue;
                buffers[i].resize(qsizetype(tmpl[i].ulValueLen));
                values.push_back(CK_ATTRIBUTE{tmpl[i].type, buffers[i].data(), tmpl[i].ulValueLen});
                order.push_back(i);
            }
            if (values.empty())
                return result;
            rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, values.data(), CK_ULONG(values.size()));
            if (rv == CKR_BUFFER_TOO_SMALL) {
                // A length changed between the two calls: ask for the lengths again.
                for (auto &a : tmpl) {
                    a.pValue = nullptr;
                    a.ulValueLen = 0;
                }
                rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, tmpl.data(), CK_ULONG(tmpl.size()));
                if (!partialOk(rv))
                    break;
                continue;
            }
            if (!partialOk(rv))
                break; // refused as a batch: fall back below
            for (std::size_t k = 0; k < values.size(); ++k) {
                if (values[k].ulValueLen == CK_UNAVAILABLE_INFORMATION)
                    continue;
                QByteArray &b = buffers[order[k]];
                b.resize(qsizetype(values[k].ulValueLen));
                result.set(values[k].type, b);
            }
            return result;
        }
    }
    // The module refused the batch (some return CKR_GENERAL_ERROR or CKR_ARGUMENTS_BAD
    // for a template they only partly know): one attribute at a time.
    qCDebug(lcP11) << "batched C_GetAttributeValue refused, reading one by one:" << ckrName(rv);
    for (CK_ATTRIBUTE_TYPE t : types) {
        QByteArray v;
        if (readOne(s, o, t, v))
            result.set(t, v);
    }
    return result;
}
