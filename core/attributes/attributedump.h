// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/pkcs11.h"

#include <QByteArray>
#include <QFuture>

#include <vector>

class Inventory;
class Session;

// One attribute an object has, as the module answered for it alone.
struct AttributeValue {
    enum class State {
        Value,     // read; value holds the bytes
        Sensitive, // CKR_ATTRIBUTE_SENSITIVE (or no length given): the object hides it
        Template,  // an attribute array (CKA_WRAP_TEMPLATE…): its length only, never followed
        Refused,   // the module failed this one attribute with rv (some answer unknown types so)
    };
    CK_ATTRIBUTE_TYPE type = 0;
    State state = State::Value;
    QByteArray value;
    CK_ULONG length = 0; // bytes the module reported (Value, Template)
    CK_RV rv = CKR_OK;   // Refused
};

namespace AttributeDump {
// Asks the object for every attribute of AttributeCatalog, one at a time (so each
// answer is the module's own: sensitive, absent or refused), and keeps those it has.
// The object must still be `expected` (class and CKA_ID as the tree listed it),
// otherwise KeyOperationError(TokenChanged). Lengths are checked against the buffer
// and ModuleLimits (ModuleContractError); a failure that is about the token or the
// session (removed, device error) is thrown as Pkcs11Error. Blocking: executor only.
std::vector<AttributeValue> read(Session &session, const ObjectInfo &expected);
// The same on the token's worker, in its session (logged in if the user is).
QFuture<std::vector<AttributeValue>> readAsync(Inventory &inventory, const TokenRef &token, const ObjectInfo &object);
} // namespace AttributeDump
