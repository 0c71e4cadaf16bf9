// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "models/treenode.h"

#include <QAbstractItemModel>
#include <QSet>
#include <QDateTime>

#include <functional>

// A token's objects made ready for the tree: sorted (ObjectOrder), paired, each
// certificate decoded once and each object's search text built. Pure and
// thread-safe, so the expensive part runs on a worker and the GUI thread only merges.
struct PreparedContents {
    TokenContents contents;
    std::vector<TreeNode::ObjectEntry> entries; // one per contents.objects, same order
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
    // Merges a token's objects (grouped by class): one insert per run of new rows, a
    // dataChanged only for rows whose content changed.
    void updateTokenContents(const QString &modulePath, PreparedContents prepared);
    // The same, preparing on the calling thread.
    void updateTokenContents(const QString &modulePath, const TokenContents &contents);
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
    QModelIndex indexOf(const TreeNode *n, int column = 0) const;
    TreeNode *tokenNode(const QString &modulePath, const TokenIdentity &id) const;
    // Makes parent's children exactly `fresh` (by key): remove the missing, update
    // the kept in place (dataChanged only when changed), insert each run of new rows
    // at once. Sorted: the order of `fresh` is the truth (kept rows move if needed);
    // KeepPlace: kept rows stay where they are and new ones go after them.
    // Returns the children in the resulting order.
    std::vector<TreeNode *> sync(TreeNode *parent, std::vector<std::unique_ptr<TreeNode>> fresh, Placement placement);
    // Replaces a kept node's payload; true when a view would show something different.
    static bool assign(TreeNode *old, TreeNode &fresh);
    void emitChanged(TreeNode *n);
    // Rows whose display depends on the clock or the warning period.
    void expiryDisplayChanged();
    QVariant objectData(const TreeNode *n, int column, int role) const;
    QVariant tokenData(const TreeNode *n, int column, int role) const;
    QVariant expiryData(const CertificateFacts &c, int role) const;

    TreeNode m_root;
    // Forgets the device facts of n's token rows (n and below), as they leave the tree.
    void forgetDeviceFacts(const TreeNode *n);
    bool blankDevice(const TreeNode *token) const;

    QSet<QString> m_busyTokens; // module path + '|' + token identity key
    QSet<QString> m_blankDevices; // the same keys: tokens whose device says it was never initialized
    int m_warningDays = 30;
    std::function<QDateTime()> m_now;
};
