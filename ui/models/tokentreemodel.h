// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/tokenref.h"
#include "models/treenode.h"

#include <QAbstractItemModel>
#include <QSet>

// Modules → slots → tokens → object groups → objects. Fed with snapshots from
// core workers and merged in place by stable keys: rows are updated, inserted
// or removed, never reset, so selection and expansion survive a refresh.
class TokenTreeModel : public QAbstractItemModel {
    Q_OBJECT
public:
    enum Roles { KindRole = Qt::UserRole + 1, KeyRole, ProblemRole };
    enum Columns { NameColumn, InfoColumn, ColumnCount };

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
    // Merges a token's objects (grouped by class) and computes their pairing.
    void updateTokenContents(const QString &modulePath, const TokenContents &contents);
    void setTokenError(const QString &modulePath, const TokenIdentity &id, const QString &error);
    // A dialog or wizard runs a job on the token: its row shows that it is busy (icon, tooltip, BusyRole).
    static constexpr int BusyRole = Qt::UserRole + 64;
    void setTokenBusy(const QString &modulePath, const TokenIdentity &id, bool busy);

    const TreeNode *node(const QModelIndex &index) const;
    QModelIndex indexOfModule(const QString &modulePath) const;
    QModelIndex indexOfToken(const QString &modulePath, const TokenIdentity &id) const;
    // For a token node or anything below it: how to name the token to core.
    std::optional<TokenRef> tokenRef(const QModelIndex &index) const;
    QStringList modulePaths() const;
    // The object row of a token whose ObjectInfo::key() is objectKey (invalid if none).
    QModelIndex indexOfObject(const QString &modulePath, const TokenIdentity &id, const QString &objectKey) const;

Q_SIGNALS:
    // A row (and everything below it) is about to go because a refresh no longer has
    // it. Emitted before rowsAboutToBeRemoved, so a view can let go of its current
    // index first: QItemSelectionModel would otherwise move it to a neighbour row,
    // and the next Delete or Export would act on an object the user never chose.
    void aboutToRemove(const QModelIndex &index);

private:
    QModelIndex indexOf(const TreeNode *n, int column = 0) const;
    TreeNode *tokenNode(const QString &modulePath, const TokenIdentity &id) const;
    // Makes parent's children exactly `fresh` (by key): update in place, remove the
    // missing, append the new. Returns the children in `fresh` order.
    std::vector<TreeNode *> sync(TreeNode *parent, std::vector<std::unique_ptr<TreeNode>> fresh);
    void emitChanged(TreeNode *n);

    TreeNode m_root;
    QSet<QString> m_busyTokens; // module path + '|' + token identity key
};
