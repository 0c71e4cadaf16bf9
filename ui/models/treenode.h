// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/pairing.h"
#include "inventory/snapshot.h"
#include "models/certificatefacts.h"

#include <QString>

#include <memory>
#include <optional>
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
        // Decoded once when the model receives the object (see TokenTreeModel::prepare),
        // never per paint or per keystroke: a certificate's own facts, a key's paired
        // certificate's facts; nullopt when there is none.
        std::optional<CertificateFacts> certificate;
        QString certificateError;   // a certificate whose value could not be decoded
        QString searchText;         // lower-case text the filter box matches (see TreeSearch)
        // Whether a refresh changed anything a view shows (handles are not shown).
        bool sameAs(const ObjectEntry &o) const;
    };
    struct GroupEntry {
        CK_OBJECT_CLASS cls = CKO_DATA;
        int count = 0;
        bool operator==(const GroupEntry &) const = default;
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
    // Token nodes: the certificate that expires first, and how many certificates it has.
    std::optional<CertificateFacts> earliestExpiry;
    int certificateCount = 0;

    int row() const { return m_row; }
    TreeNode *child(const QString &childKey) const;
    const ModuleSnapshot *module() const { return std::get_if<ModuleSnapshot>(&payload); }
    const SlotSnapshot *slot() const { return std::get_if<SlotSnapshot>(&payload); }
    const TokenSnapshot *token() const { return std::get_if<TokenSnapshot>(&payload); }
    const GroupEntry *group() const { return std::get_if<GroupEntry>(&payload); }
    const ObjectEntry *object() const { return std::get_if<ObjectEntry>(&payload); }
    // The nearest ancestor (or self) of a kind.
    const TreeNode *ancestor(Kind k) const;
    // Renumbers the cached rows of children[from…]: after every insert, remove or move.
    void renumber(std::size_t from = 0);

private:
    int m_row = 0; // position among the parent's children, kept by renumber()
};
