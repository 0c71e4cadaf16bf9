// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "models/treenode.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QDateTime>

#include <functional>

// A token's objects made ready for the tree: sorted (ObjectOrder), paired, each
// certificate decoded once, each object's search text and row key built, and the
// rows split into their groups. Pure and thread-safe, so the expensive part runs on
// a worker and the GUI thread only merges.
struct PreparedContents {
    TokenContents contents; // without its objects: they are in groups
    struct Group {
        CK_OBJECT_CLASS cls = CKO_DATA;
        std::vector<QString> keys;           // row keys, unique within the group
        std::vector<TreeNode::Payload> rows; // an ObjectEntry each, in the order of keys
    };
    std::vector<Group> groups; // the non-empty groups, in tree order
    // The certificate that expires first, and how many certificates there are.
    std::optional<CertificateFacts> earliestExpiry;
    int certificateCount = 0;
};

// Modules → slots → tokens → object groups → objects. Fed with snapshots from
// core workers and merged in place by stable keys: rows are updated, inserted
// or removed, never reset, so selection and expansion survive a refresh.
// Objects are in ObjectOrder; modules, slots and tokens keep the place they
// first appeared in (a new one goes after them), so rows never change places
// under the pointer when a token comes or goes.
class TokenTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Roles {
        KindRole = Qt::UserRole + 1,
        KeyRole,
        ProblemRole,
        ExpiryRole,      // int(CertificateValidity) of the row's certificate (a token: its earliest); invalid if none
        SearchTextRole,  // what the filter box matches (lower-case); empty for rows that only hold others
    };
    enum Columns { NameColumn, InfoColumn, ExpiryColumn, ColumnCount };

    explicit TokenTreeModel(QObject *parent = nullptr);
    ~TokenTreeModel() override;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation o, int role = Qt::DisplayRole) const override;

    // Merges a module's slots and tokens. Keeps the objects of tokens still present.
    void updateModule(const ModuleSnapshot &snapshot);
    void removeModule(const QString &modulePath);
    // Sorts, pairs and decodes a token's objects (any thread; see PreparedContents).
    static PreparedContents prepare(TokenContents contents);
    // Merges a token's objects (grouped by class): one insert per run of new rows, one
    // dataChanged per run of rows whose content changed. At most rowsPerTurn() object rows
    // are merged in this call and in each later event-loop turn, so a token of thousands
    // of objects never blocks the window; `merged` runs once all are in the tree (at once
    // when they fit in one turn, or when the token's row goes meanwhile). A newer snapshot
    // of a token still being merged replaces the rest of the older one, whose `merged` then
    // runs with the newer one's.
    void updateTokenContents(const QString &modulePath, PreparedContents prepared, std::function<void()> merged = {});
    // The same, preparing on the calling thread.
    void updateTokenContents(const QString &modulePath, const TokenContents &contents, std::function<void()> merged = {});
    // Object rows merged per turn (default kRowsPerTurn); 0: no limit.
    static constexpr int kRowsPerTurn = 200;
    void setRowsPerTurn(int rows) { m_rowsPerTurn = rows; }
    int rowsPerTurn() const { return m_rowsPerTurn; }
    // Whether objects passed to updateTokenContents are still waiting for a later turn.
    bool isMerging() const { return !m_merges.empty(); }
    void setTokenError(const QString &modulePath, const TokenIdentity &id, const QString &error);
    // A dialog or wizard runs a job on the token: its row shows that it is busy (icon, tooltip, BusyRole).
    static constexpr int BusyRole = Qt::UserRole + 64;
    void setTokenBusy(const QString &modulePath, const TokenIdentity &id, bool busy);

    // What the device behind a token says about itself (a SmartCard-HSM read over PC/SC by
    // the window): OpenSC reports one never initialized as an initialized token. Its row then
    // says "not initialized". Kept until the token's row goes; untold tokens go by their flags.
    void setDeviceInitialized(const QString &modulePath, const TokenIdentity &id, bool initialized);

    // Certificates expiring within this many days get the "soon" badge (default 30).
    void setExpiryWarningDays(int days);
    int expiryWarningDays() const { return m_warningDays; }
    // The clock the expiry states are judged by (tests inject a fixed moment).
    void setClock(std::function<QDateTime()> now);
    QDateTime now() const { return m_now(); }

    const TreeNode *node(const QModelIndex &index) const;
    QModelIndex indexOfModule(const QString &modulePath) const;
    QModelIndex indexOfToken(const QString &modulePath, const TokenIdentity &id) const;
    // For a token node or anything below it: how to name the token to core.
    std::optional<TokenRef> tokenRef(const QModelIndex &index) const;
    QStringList modulePaths() const;
    // The object row of a token whose ObjectInfo::key() is objectKey (invalid if none).
    QModelIndex indexOfObject(const QString &modulePath, const TokenIdentity &id, const QString &objectKey) const;
    // The object row with this handle on the token of `within` (a token row or below it).
    QModelIndex indexOfObjectHandle(const QModelIndex &within, CK_OBJECT_HANDLE handle) const;

Q_SIGNALS:
    // A row (and everything below it) is about to go because a refresh no longer has
    // it. Emitted before rowsAboutToBeRemoved, so a view can let go of its current
    // index first: QItemSelectionModel would otherwise move it to a neighbour row,
    // and the next Delete or Export would act on an object the user never chose.
    void aboutToRemove(const QModelIndex &index);

private:
    enum class Placement { Sorted, KeepPlace };
    // The children a parent should have, in order: key and payload of each.
    struct FreshRows {
        TreeNode::Kind kind = TreeNode::Kind::Object;
        std::vector<QString> keys;
        std::vector<TreeNode::Payload> payloads;
    };
    struct Merge;      // one parent's children on their way to a FreshRows
    struct TokenMerge; // a token's groups' Merges still waiting for a turn
    QModelIndex indexOf(const TreeNode *n, int column = 0) const;
    TreeNode *tokenNode(const QString &modulePath, const TokenIdentity &id) const;
    // Makes parent's children exactly `fresh` (by key): remove the missing, update
    // the kept in place (dataChanged only when changed), insert each run of new rows
    // at once. Sorted: the order of `fresh` is the truth (kept rows move if needed);
    // KeepPlace: kept rows stay where they are and new ones go after them.
    void sync(TreeNode *parent, FreshRows fresh, Placement placement);
    // sync in steps: startMerge removes the missing rows; mergeRows then inserts, moves
    // and updates up to `budget` rows (returns how many it did). Between steps the
    // parent's rows are a valid mix: the merged ones first, then the kept ones not yet reached.
    Merge startMerge(TreeNode *parent, FreshRows fresh, Placement placement);
    std::size_t mergeRows(Merge &m, std::size_t budget);
    // Merges rowsPerTurn() rows of the pending token merges; schedules the next turn if any are left.
    void continueMerges();
    // Ends the pending merge of a token (if any) and returns its `merged` callbacks.
    std::vector<std::function<void()>> takeMerge(const TreeNode *token);
    // Replaces a kept node's payload; true when a view would show something different.
    static bool assign(TreeNode *old, TreeNode::Payload &fresh);
    void emitChanged(TreeNode *n);
    // Rows whose display depends on the clock or the warning period.
    void expiryDisplayChanged();
    QVariant objectData(const TreeNode *n, int column, int role) const;
    QVariant tokenData(const TreeNode *n, int column, int role) const;
    QVariant expiryData(const CertificateFacts &c, int role) const;

    TreeNode m_root;
    // Forgets the device facts and pending merges of n's token rows (n and below), as they leave the tree.
    void forgetRemoved(const TreeNode *n);
    bool blankDevice(const TreeNode *token) const;

    QSet<QString> m_busyTokens; // module path + '|' + token identity key
    QSet<QString> m_blankDevices; // the same keys: tokens whose device says it was never initialized
    int m_warningDays = 30;
    std::function<QDateTime()> m_now;
    int m_rowsPerTurn = kRowsPerTurn;
    std::vector<std::unique_ptr<TokenMerge>> m_merges; // in arrival order; the first one gets each turn's rows first
    bool m_inMerge = false;         // continueMerges is running (a `merged` callback may add merges)
    bool m_mergeScheduled = false;  // a later turn is already asked for
};
