// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/pairing.h"
#include "inventory/snapshot.h"

#include <QString>

#include <memory>
#include <variant>
#include <vector>

// One row of the token tree. Each node has a key that is stable across
// refreshes among its siblings: module path, slot id, token identity, object
// group (class), object class + CKA_ID (+ label).
struct TreeNode {
    enum class Kind { Module, Slot, Token, Group, Object };

    struct ObjectEntry {
        ObjectInfo object;
        PairInfo pairing;
    };
    struct GroupEntry {
        CK_OBJECT_CLASS cls = CKO_DATA;
        int count = 0;
    };
    using Payload = std::variant<ModuleSnapshot, SlotSnapshot, TokenSnapshot, GroupEntry, ObjectEntry>;

    Kind kind = Kind::Module;
    QString key;
    Payload payload;
    TreeNode *parent = nullptr;
    std::vector<std::unique_ptr<TreeNode>> children;
    // Token nodes: what the last object read said.
    bool objectsRead = false;
    bool loggedIn = false;
    bool privateObjectsHidden = false;
    QString objectsError;

    int row() const;
    TreeNode *child(const QString &childKey) const;
    const ModuleSnapshot *module() const { return std::get_if<ModuleSnapshot>(&payload); }
    const SlotSnapshot *slot() const { return std::get_if<SlotSnapshot>(&payload); }
    const TokenSnapshot *token() const { return std::get_if<TokenSnapshot>(&payload); }
    const GroupEntry *group() const { return std::get_if<GroupEntry>(&payload); }
    const ObjectEntry *object() const { return std::get_if<ObjectEntry>(&payload); }
    // The nearest ancestor (or self) of a kind.
    const TreeNode *ancestor(Kind k) const;
};
