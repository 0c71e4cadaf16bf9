// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QByteArray>

#include <map>
#include <memory>

class Module;
class Session;

// The mechanism lists a module's scans have read, by slot, each with the token it
// belongs to (manufacturer, model, serial, hardware and firmware version): a
// token's mechanisms do not change while it stays in its slot, so a rescan reads
// them only for a token it has not seen there. Used by one scan at a time.
struct MechanismCache {
    struct Entry {
        QByteArray token;
        std::vector<MechanismInfo> mechanisms;
    };
    std::map<CK_SLOT_ID, Entry> bySlot;
};

// The reading side of the inventory. These functions make PKCS#11 calls and
// therefore run on an executor, never on the GUI thread.
namespace Scanner {
// Module info, every slot (with or without a token), token info and mechanisms.
// With a cache, mechanisms come from it for tokens it has seen in their slot.
ModuleSnapshot scanModule(const std::shared_ptr<Module> &module, MechanismCache *cache = nullptr);
TokenSnapshot readToken(Module &module, CK_SLOT_ID slot);
// The token's identity, with its slot when another token of the module reports the
// same manufacturer, model and serial (as scanModule() sets it).
TokenIdentity identity(Module &module, CK_SLOT_ID slot, const CK_TOKEN_INFO &info);
std::vector<MechanismInfo> readMechanisms(Module &module, CK_SLOT_ID slot);
// Every object visible in this session: one search per object class, then one
// batched attribute read (sizes, values) per object. Whatever the module answers
// is checked (see readAttributes, Session::findObjects): a device error or an
// impossible answer throws; nothing is listed with made-up values.
TokenContents readObjects(Session &session, const CK_TOKEN_INFO &token);
// The attributes read for objects of a class.
const std::vector<CK_ATTRIBUTE_TYPE> &attributesFor(CK_OBJECT_CLASS cls);
} // namespace Scanner
