// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/attributes.h"
#include "p11/pkcs11.h"

#include <QByteArray>
#include <QMetaType>
#include <QString>

#include <memory>
#include <optional>
#include <vector>

struct DecodedObject; // inventory/objectfacts.h

// Plain values that workers produce and the GUI thread merges into its model.
// Nothing here refers to a live session or handle outside the worker.

// Token identity: manufacturer + model + serial. Never the slot id alone (SoftHSM
// renumbers slots on init, readers change order) and never the label alone.
// When two tokens of one module report the same manufacturer, model and serial
// (cheap clones, blank serials), the slot is part of the identity too, so they
// are never merged and one token's objects never appear under another.
struct TokenIdentity {
    QString manufacturer;
    QString model;
    QString serial;
    std::optional<CK_SLOT_ID> slot; // set only while another token reports the same three
    QString key() const;
    bool operator==(const TokenIdentity &) const = default;
    // Whether the token in slotId, which answered ti, is this token.
    bool matches(const CK_TOKEN_INFO &ti, CK_SLOT_ID slotId) const;
    // The three reported fields, as P11Text::text() shows them (hex for unprintable bytes).
    static TokenIdentity from(const CK_TOKEN_INFO &ti);
};

struct MechanismInfo {
    CK_MECHANISM_TYPE type = 0;
    CK_MECHANISM_INFO info{};
    QString name;
};

struct TokenSnapshot {
    CK_TOKEN_INFO info{};
    TokenIdentity id;
    QString label;
    QString uri;
    std::vector<MechanismInfo> mechanisms;
    // Not filled by the scanner (C_GetTokenInfo does not say): TokenContents::loggedIn
    // does, and dialogs that ask the session themselves (ChangePinDialog) set these.
    bool loggedIn = false;
    CK_USER_TYPE loggedInAs = CKU_USER;
    bool isDemo = false;   // the TokenDesk demo token (SoftHSM, public PIN)
};

struct SlotSnapshot {
    CK_SLOT_ID id = 0;
    QString description;
    QString manufacturer;
    CK_FLAGS flags = 0;
    std::optional<TokenSnapshot> token;
    QString tokenError; // C_GetTokenInfo failed for a present token
};

struct ModuleSnapshot {
    QString path;          // canonical path, the module's key
    QString name;          // p11-kit's name, or the file name for user-added modules
    bool userAdded = false;
    QString error;         // why it could not be loaded; then nothing below is set
    QString description;   // CK_INFO.libraryDescription
    QString manufacturer;  // CK_INFO.manufacturerID
    QString libraryVersion;
    QString cryptokiVersion;
    std::vector<SlotSnapshot> slots;
    QString quirk;         // named vendor quirk in force, if any
};

// One object on a token, with every attribute the tree, detail pane and
// inventory need, read in one batch.
struct ObjectInfo {
    CK_OBJECT_CLASS cls = CKO_DATA;
    QByteArray id;       // CKA_ID
    QByteArray label;    // CKA_LABEL bytes (UTF-8)
    QString uri;
    AttributeSet attrs;
    CK_OBJECT_HANDLE handle = CK_INVALID_HANDLE; // valid only in the session that listed it
    // The certificate and public key decoded from the attributes, once, on the worker
    // that read them (Inventory::readObjects; shared with the snapshots before it when
    // the value is the same). Null for objects read otherwise: ObjectFacts decodes then.
    std::shared_ptr<const DecodedObject> decoded;
    // Stable key among its siblings: class + CKA_ID (+ label where IDs collide).
    QString key() const;
    QString labelText() const { return QString::fromUtf8(label); }
    // A missing or unreadable attribute is unknown, which is not the same as empty.
    bool labelKnown() const { return attrs.has(CKA_LABEL); }
    bool idKnown() const { return attrs.has(CKA_ID); }
};

struct TokenContents {
    TokenIdentity id;
    std::vector<ObjectInfo> objects;
    bool loggedIn = false;
    // Not logged in on a token that requires login: private objects are not listed.
    bool privateObjectsHidden = false;
};

Q_DECLARE_METATYPE(ModuleSnapshot)
Q_DECLARE_METATYPE(TokenContents)
