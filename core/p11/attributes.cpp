// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/attributes.h"

#include "p11/modulecontract.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QCoreApplication>
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

// Some modules answer a template they only partly know with one of these
// instead of marking the attributes unavailable: worth asking one at a time.
// Any other failure (CKR_DEVICE_ERROR, a removed token…) is the answer, not a quirk.
bool batchRefused(CK_RV rv)
{
    return rv == CKR_GENERAL_ERROR || rv == CKR_ARGUMENTS_BAD || rv == CKR_FUNCTION_FAILED;
}

QString attributeName(CK_ATTRIBUTE_TYPE t) { return QStringLiteral("attribute 0x%1").arg(t, 0, 16); }

QString objectName(CK_OBJECT_HANDLE o, const QString &what)
{
    return what.isEmpty() ? QCoreApplication::translate("Attributes", "object handle %1").arg(o)
                          : QCoreApplication::translate("Attributes", "%1 (handle %2)").arg(what).arg(o);
}

// The size pass: a length over the cap is refused before anything is allocated.
void checkSize(const Module &m, CK_OBJECT_HANDLE o, const QString &what, const CK_ATTRIBUTE &a)
{
    if (a.ulValueLen != CK_UNAVAILABLE_INFORMATION && a.ulValueLen > ModuleLimits::kMaxAttributeValue)
        throw ModuleContractError(
            m, "C_GetAttributeValue",
            QCoreApplication::translate("Attributes", "%1 of %2 is %3 bytes long, more than the %4 bytes TokenDesk accepts")
                .arg(attributeName(a.type), objectName(o, what))
                .arg(a.ulValueLen)
                .arg(ModuleLimits::kMaxAttributeValue));
}

// The value pass: the module may shrink a length, never grow it past the buffer it was given.
void checkFilled(const Module &m, CK_OBJECT_HANDLE o, const QString &what, const CK_ATTRIBUTE &a, CK_ULONG given)
{
    if (a.ulValueLen != CK_UNAVAILABLE_INFORMATION && a.ulValueLen > given)
        throw ModuleContractError(
            m, "C_GetAttributeValue",
            QCoreApplication::translate("Attributes", "it wrote %1 bytes of %2 of %3 into a buffer of %4")
                .arg(a.ulValueLen)
                .arg(attributeName(a.type), objectName(o, what))
                .arg(given));
}

// One attribute: true and out set when read; false when the object has no such
// attribute or hides it; rv set to the failure otherwise.
bool readOne(Session &s, CK_OBJECT_HANDLE o, const QString &what, CK_ATTRIBUTE_TYPE t, QByteArray &out, CK_RV &failure)
{
    Module &m = s.module();
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ATTRIBUTE a{t, nullptr, 0};
        CK_RV rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, &a, 1);
        if (rv == CKR_OK)
            checkSize(m, o, what, a);
        if (rv != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION) {
            failure = partialOk(rv) ? CKR_OK : rv;
            return false;
        }
        const CK_ULONG given = a.ulValueLen;
        out.resize(qsizetype(given));
        a.pValue = out.data();
        rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, &a, 1);
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue; // the value grew between the calls
        if (rv == CKR_OK)
            checkFilled(m, o, what, a, given);
        if (rv != CKR_OK || a.ulValueLen == CK_UNAVAILABLE_INFORMATION) {
            failure = partialOk(rv) ? CKR_OK : rv;
            return false;
        }
        out.resize(qsizetype(a.ulValueLen));
        return true;
    }
    failure = CKR_BUFFER_TOO_SMALL;
    return false;
}

// The module refused the batch: one attribute at a time. A failure that is not
// "no such attribute" for every attribute is the module's answer, and is thrown.
AttributeSet readOneByOne(Session &s, CK_OBJECT_HANDLE o, const QString &what, const std::vector<CK_ATTRIBUTE_TYPE> &types)
{
    AttributeSet result;
    CK_RV lastFailure = CKR_OK;
    for (CK_ATTRIBUTE_TYPE t : types) {
        QByteArray v;
        CK_RV failure = CKR_OK;
        if (readOne(s, o, what, t, v, failure))
            result.set(t, v);
        else if (failure != CKR_OK && !batchRefused(failure) && failure != CKR_BUFFER_TOO_SMALL)
            throw Pkcs11Error("C_GetAttributeValue", failure);
        else if (failure != CKR_OK)
            lastFailure = failure;
    }
    if (result.values().empty() && lastFailure != CKR_OK)
        throw Pkcs11Error("C_GetAttributeValue", lastFailure);
    return result;
}
} // namespace

AttributeSet readAttributes(Session &s, CK_OBJECT_HANDLE o, const std::vector<CK_ATTRIBUTE_TYPE> &types,
                            const QString &what)
{
    AttributeSet result;
    Module &m = s.module();
    std::vector<CK_ATTRIBUTE> tmpl;
    tmpl.reserve(types.size());
    for (CK_ATTRIBUTE_TYPE t : types)
        tmpl.push_back(CK_ATTRIBUTE{t, nullptr, 0});

    CK_RV rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, tmpl.data(), CK_ULONG(tmpl.size()));
    if (!partialOk(rv) && !batchRefused(rv))
        throw Pkcs11Error("C_GetAttributeValue", rv);
    if (partialOk(rv)) {
        for (int attempt = 0; attempt < 3; ++attempt) {
            for (const CK_ATTRIBUTE &a : tmpl)
                checkSize(m, o, what, a);
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
            if (!partialOk(rv) && !batchRefused(rv))
                throw Pkcs11Error("C_GetAttributeValue", rv);
            if (!partialOk(rv))
                break; // refused as a batch: fall back below
            for (std::size_t k = 0; k < values.size(); ++k) {
                checkFilled(m, o, what, values[k], tmpl[order[k]].ulValueLen);
                if (values[k].ulValueLen == CK_UNAVAILABLE_INFORMATION)
                    continue;
                QByteArray &b = buffers[order[k]];
                b.resize(qsizetype(values[k].ulValueLen));
                result.set(values[k].type, b);
            }
            return result;
        }
    }
    // Some modules return CKR_GENERAL_ERROR or CKR_ARGUMENTS_BAD for a template they only partly know.
    qCDebug(lcP11) << "batched C_GetAttributeValue refused, reading one by one:" << ckrName(rv);
    return readOneByOne(s, o, what, types);
}
