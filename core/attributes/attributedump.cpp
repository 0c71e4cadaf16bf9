// SPDX-License-Identifier: GPL-3.0-or-later
#include "attributes/attributedump.h"

#include "attributes/attributecatalog.h"
#include "inventory/inventory.h"
#include "keys/keyoperationerror.h"
#include "p11/attributes.h"
#include "p11/modulecontract.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QCoreApplication>

#include <optional>

namespace {
// Failures that concern the token or the session, not this attribute: the read stops.
bool aboutTheToken(CK_RV rv)
{
    return rv == CKR_DEVICE_REMOVED || rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_SESSION_HANDLE_INVALID
        || rv == CKR_SESSION_CLOSED || rv == CKR_DEVICE_ERROR || rv == CKR_DEVICE_MEMORY
        || rv == CKR_OBJECT_HANDLE_INVALID || rv == CKR_CRYPTOKI_NOT_INITIALIZED || rv == CKR_HOST_MEMORY;
}

QString tooLong(CK_ATTRIBUTE_TYPE t, CK_ULONG length)
{
    return QCoreApplication::translate("AttributeDump", "%1 is %2 bytes long, more than the %3 bytes TokenDesk accepts")
        .arg(AttributeCatalog::name(t))
        .arg(length)
        .arg(ModuleLimits::kMaxAttributeValue);
}

// This one attribute failed with rv: the module's answer, unless it is about the token.
AttributeValue refused(AttributeValue out, CK_RV rv)
{
    if (aboutTheToken(rv))
        throw Pkcs11Error("C_GetAttributeValue", rv);
    out.state = AttributeValue::State::Refused;
    out.rv = rv;
    out.value.clear();
    return out;
}

AttributeValue sensitive(AttributeValue out)
{
    out.state = AttributeValue::State::Sensitive;
    out.value.clear();
    return out;
}

// One attribute, size pass then value pass. nullopt: the object does not have it.
std::optional<AttributeValue> readOne(Session &s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_TYPE t)
{
    Module &m = s.module();
    AttributeValue out;
    out.type = t;
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ATTRIBUTE a{t, nullptr, 0};
        CK_RV rv = P11CALL(m, C_GetAttributeValue, s.handle(), o, &a, 1);
        if (rv == CKR_ATTRIBUTE_TYPE_INVALID)
            return std::nullopt;
        if (rv == CKR_ATTRIBUTE_SENSITIVE || (rv == CKR_OK && a.ulValueLen == CK_UNAVAILABLE_INFORMATION))
            return sensitive(std::move(out));
        if (rv != CKR_OK)
            return refused(std::move(out), rv);
        if (a.ulValueLen > ModuleLimits::kMaxAttributeValue)
            throw ModuleContractError(m, "C_GetAttributeValue", tooLong(t, a.ulValueLen));
        out.length = a.ulValueLen;
        if (t & CKF_ARRAY_ATTRIBUTE) {
            // The value would be CK_ATTRIBUTEs pointing into buffers we would have to
            // size in a second round; the count is what a person needs here.
            out.state = AttributeValue::State::Template;
            return out;
        }
        const CK_ULONG given = a.ulValueLen;
        out.value.resize(qsizetype(given));
        a.pValue = given ? out.value.data() : nullptr;
        rv = given ? P11CALL(m, C_GetAttributeValue, s.handle(), o, &a, 1) : CKR_OK;
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue; // the value grew between the two calls
        if (rv == CKR_ATTRIBUTE_SENSITIVE)
            return sensitive(std::move(out));
        if (rv != CKR_OK)
            return refused(std::move(out), rv);
        if (given && a.ulValueLen > given)
            throw ModuleContractError(
                m, "C_GetAttributeValue",
                QCoreApplication::translate("AttributeDump", "it wrote %1 bytes of %2 into a buffer of %3")
                    .arg(a.ulValueLen)
                    .arg(AttributeCatalog::name(t))
                    .arg(given));
        out.value.resize(qsizetype(given ? a.ulValueLen : 0));
        out.length = CK_ULONG(out.value.size());
        return out;
    }
    return refused(std::move(out), CKR_BUFFER_TOO_SMALL); // it kept growing
}
} // namespace

std::vector<AttributeValue> AttributeDump::read(Session &s, const ObjectInfo &expected)
{
    // Handles belong to the session that listed them: check it is still the same object.
    const AttributeSet now = readAttributes(s, expected.handle, {CKA_CLASS, CKA_ID});
    if (now.ulong(CKA_CLASS) != expected.cls || (expected.idKnown() && now.bytes(CKA_ID) != expected.id))
        throw KeyOperationError(KeyOperationError::Kind::TokenChanged,
                                QCoreApplication::translate("AttributeDump",
                                                            "The object is no longer where the list had it; refresh "
                                                            "the token and open its attributes again."));
    std::vector<AttributeValue> out;
    for (const AttributeInfo *a = AttributeCatalog::begin(); a != AttributeCatalog::end(); ++a)
        if (auto v = readOne(s, expected.handle, a->type))
            out.push_back(std::move(*v));
    return out;
}

QFuture<std::vector<AttributeValue>> AttributeDump::readAsync(Inventory &inventory, const TokenRef &token,
                                                              const ObjectInfo &object)
{
    return inventory.withSession<std::vector<AttributeValue>>(
        token, [object](QPromise<std::vector<AttributeValue>> &p, Session &s, const CK_TOKEN_INFO &) {
            p.addResult(read(s, object));
        });
}
