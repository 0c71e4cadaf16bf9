// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tokentreemodel.h"

#include "inventory/objectfacts.h"
#include "inventory/p11text.h"

#include <QApplication>
#include <QBrush>
#include <QIcon>
#include <QPalette>
#include <QSet>
#include <QStyle>

namespace {
std::unique_ptr<TreeNode> makeNode(TreeNode::Kind kind, QString key, TreeNode::Payload payload)
{
    auto n = std::make_unique<TreeNode>();
    n->kind = kind;
    n->key = std::move(key);
    n->payload = std::move(payload);
    return n;
}

const CK_OBJECT_CLASS kGroupOrder[] = {CKO_PRIVATE_KEY, CKO_CERTIFICATE, CKO_PUBLIC_KEY, CKO_SECRET_KEY, CKO_DATA};

QString groupName(CK_OBJECT_CLASS c)
{
    switch (c) {
    case CKO_PRIVATE_KEY: return TokenTreeModel::tr("Private keys");
    case CKO_PUBLIC_KEY: return TokenTreeModel::tr("Public keys");
    case CKO_CERTIFICATE: return TokenTreeModel::tr("Certificates");
    case CKO_SECRET_KEY: return TokenTreeModel::tr("Secret keys");
    default: return TokenTreeModel::tr("Data objects");
    }
}

QString pinSummary(const TokenSnapshot &t)
{
    const CK_FLAGS f = t.info.flags;
    if (!(f & CKF_TOKEN_INITIALIZED))
        return TokenTreeModel::tr("not initialized");
    if (f & CKF_USER_PIN_LOCKED)
        return TokenTreeModel::tr("PIN locked");
    if (f & CKF_USER_PIN_FINAL_TRY)
        return TokenTreeModel::tr("PIN: one try left");
    if (f & CKF_USER_PIN_COUNT_LOW)
        return TokenTreeModel::tr("PIN: a wrong PIN was entered");
    if (!(f & CKF_USER_PIN_INITIALIZED))
        return TokenTreeModel::tr("no user PIN set");
    return {};
}

QIcon icon(QStyle::StandardPixmap p) { return QApplication::style()->standardIcon(p); }
} // namespace

TokenTreeModel::TokenTreeModel(QObject *parent) : QAbstractItemModel(parent) {}
TokenTreeModel::~TokenTreeModel() = default;

const TreeNode *TokenTreeModel::node(const QModelIndex &index) const
{
    return index.isValid() ? static_cast<const TreeNode *>(index.internalPointer()) : &m_root;
}

QModelIndex TokenTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (parent.isValid() && parent.column() != 0)
        return {};
    const TreeNode *p = node(parent);
    if (row >= int(p->children.size()))
        return {};
    return createIndex(row, column, p->children[std::size_t(row)].get());
}

QModelIndex TokenTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const TreeNode *n = node(child);
    if (!n->parent || n->parent == &m_root)
        return {};
    return indexOf(n->parent);
}

int TokenTreeModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid() && parent.column() != 0)
        return 0;
    return int(node(parent)->children.size());
}

int TokenTreeModel::columnCount(const QModelIndex &) const { return ColumnCount; }

QVariant TokenTreeModel::headerData(int section, Qt::Orientation o, int role) const
{
    if (o != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return section == NameColumn ? tr("Name") : tr("Details");
}

QVariant TokenTreeModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    const TreeNode *n = node(index);
    if (role == KindRole)
        return int(n->kind);
    if (role == KeyRole)
        return n->key;
    const bool problem = (n->module() && !n->module()->error.isEmpty())
        || (n->object() && n->object()->pairing.isProblem()) || !n->objectsError.isEmpty()
        || (n->slot() && !n->slot()->tokenError.isEmpty())
        || (n->token() && (n->token()->info.flags & (CKF_USER_PIN_LOCKED | CKF_USER_PIN_FINAL_TRY)));
    if (role == ProblemRole)
        return problem;
    const bool busy = n->kind == TreeNode::Kind::Token
        && m_busyTokens.contains(n->ancestor(TreeNode::Kind::Module)->key + QLatin1Char('|') + n->key);
    if (role == BusyRole)
        return busy;
    if (busy && role == Qt::DecorationRole && index.column() == NameColumn)
        return icon(QStyle::SP_BrowserReload);
    if (busy && role == Qt::ToolTipRole)
        return tr("Busy: an operation on this token is running. Other tokens can be used meanwhile.");
    if (role == Qt::ForegroundRole && problem && index.column() == InfoColumn)
        return QBrush(QColor(0xb0, 0x20, 0x20));

    switch (n->kind) {
    case TreeNode::Kind::Module: {
        const ModuleSnapshot &m = *n->module();
        if (role == Qt::DisplayRole)
            return index.column() == NameColumn
                ? (m.description.isEmpty() || m.description == m.name ? m.name
                                                                      : QStringLiteral("%1 — %2").arg(m.name, m.description))
                : (m.error.isEmpty() ? m.path : tr("Not loaded: %1").arg(m.error));
        if (role == Qt::ToolTipRole)
            return m.error.isEmpty() ? m.path : m.error;
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(m.error.isEmpty() ? QStyle::SP_DriveHDIcon : QStyle::SP_MessageBoxWarning);
        break;
    }
    case TreeNode::Kind::Slot: {
        const SlotSnapshot &s = *n->slot();
        if (role == Qt::DisplayRole)
            return index.column() == NameColumn ? s.description
                : !s.tokenError.isEmpty()          ? tr("slot %1 — token not readable: %2").arg(s.id).arg(s.tokenError)
                : s.token                          ? tr("slot %1").arg(s.id)
                                                   : tr("slot %1 — no token").arg(s.id);
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(QStyle::SP_DriveCDIcon);
        break;
    }
    case TreeNode::Kind::Token: {
        const TokenSnapshot &t = *n->token();
        if (role == Qt::DisplayRole) {
            if (index.column() == NameColumn)
                return t.label.isEmpty() ? tr("(no label)") : t.label;
            QStringList parts;
            if (t.isDemo)
                parts << tr("software demo token");
            parts << t.id.model + QLatin1Char(' ') + t.id.serial;
            const QString pin = pinSummary(t);
            if (!pin.isEmpty())
                parts << pin;
            if (!n->objectsError.isEmpty())
                parts << n->objectsError;
            else if (n->privateObjectsHidden)
                parts << tr("not logged in — private objects hidden");
            else if (n->loggedIn)
                parts << tr("logged in");
            return parts.join(QStringLiteral(" · "));
        }
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(QStyle::SP_DriveFDIcon);
        if (role == Qt::ToolTipRole)
            return t.uri;
        break;
    }
    case TreeNode::Kind::Group: {
        const auto &g = *n->group();
        if (role == Qt::DisplayRole)
            return index.column() == NameColumn ? groupName(g.cls) : QString::number(g.count);
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(QStyle::SP_DirIcon);
        break;
    }
    case TreeNode::Kind::Object: {
        const auto &e = *n->object();
        const ObjectInfo &o = e.object;
        if (role == Qt::DisplayRole) {
            if (index.column() == NameColumn)
                return o.label.isEmpty() ? tr("(no label)") : o.labelText();
            QStringList parts;
            const QString kd = ObjectFacts::keyDescription(o);
            if (!kd.isEmpty())
                parts << kd;
            parts << tr("ID %1").arg(o.id.isEmpty() ? tr("none") : ObjectFacts::idHex(o.id));
            if (e.pairing.isProblem())
                parts << (e.pairing.state == PairState::IdMismatch ? tr("CKA_ID mismatch") : tr("wrong certificate"));
            return parts.join(QStringLiteral(" · "));
        }
        if (role == Qt::ToolTipRole)
            return e.pairing.state == PairState::NotApplicable ? o.uri : e.pairing.summary();
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(e.pairing.isProblem() ? QStyle::SP_MessageBoxWarning
                                              : (o.cls == CKO_CERTIFICATE ? QStyle::SP_FileDialogDetailedView
                                                                          : QStyle::SP_FileIcon));
        break;
    }
    }
    return {};
}

QModelIndex TokenTreeModel::indexOf(const TreeNode *n, int column) const
{
    if (!n || n == &m_root)
        return {};
    return createIndex(n->row(), column, const_cast<TreeNode *>(n));
}

void TokenTreeModel::emitChanged(TreeNode *n)
{
    const QModelIndex first = indexOf(n, 0);
    Q_EMIT dataChanged(first, first.siblingAtColumn(ColumnCount - 1));
}

std::vector<TreeNode *> TokenTreeModel::sync(TreeNode *parent, std::vector<std::unique_ptr<TreeNode>> fresh)
{
    QSet<QString> keys;
    for (const auto &f : fresh)
        keys.insert(f->key);
    const QModelIndex parentIndex = indexOf(parent);
    for (int row = int(parent->children.size()) - 1; row >= 0; --row) {
        if (keys.contains(parent->children[std::size_t(row)]->key))
            continue;
        Q_EMIT aboutToRemove(index(row, 0, parentIndex));
        beginRemoveRows(parentIndex, row, row);
        parent->children.erase(parent->children.begin() + row);
        endRemoveRows();
    }
    std::vector<TreeNode *> out;
    for (std::size_t i = 0; i < fresh.size(); ++i) {
        auto &f = fresh[i];
        if (TreeNode *old = parent->child(f->key)) {
            old->payload = std::move(f->payload);
            emitChanged(old);
            out.push_back(old);
        } else {
            // Kept rows are in fresh order already; a new row goes where fresh puts it.
            const int row = int(std::min(i, parent->children.size()));
            beginInsertRows(parentIndex, row, row);
            f->parent = parent;
            out.push_back(f.get());
            parent->children.insert(parent->children.begin() + row, std::move(f));
            endInsertRows();
        }
    }
    return out;
}

void TokenTreeModel::updateModule(const ModuleSnapshot &snapshot)
{
    TreeNode *moduleNode = m_root.child(snapshot.path);
    if (moduleNode) {
        moduleNode->payload = snapshot;
        emitChanged(moduleNode);
    } else {
        const int row = int(m_root.children.size());
        beginInsertRows({}, row, row);
        auto n = makeNode(TreeNode::Kind::Module, snapshot.path, snapshot);
        n->parent = &m_root;
        moduleNode = n.get();
        m_root.children.push_back(std::move(n));
        endInsertRows();
    }

    std::vector<std::unique_ptr<TreeNode>> slots;
    for (const SlotSnapshot &s : snapshot.slots)
        slots.push_back(makeNode(TreeNode::Kind::Slot, QString::number(s.id), s));
    const auto slotNodes = sync(moduleNode, std::move(slots));
    for (std::size_t i = 0; i < slotNodes.size(); ++i) {
        const SlotSnapshot &s = snapshot.slots[i];
        std::vector<std::unique_ptr<TreeNode>> tokens;
        if (s.token)
            tokens.push_back(makeNode(TreeNode::Kind::Token, s.token->id.key(), *s.token));
        sync(slotNodes[i], std::move(tokens));
    }
}

void TokenTreeModel::removeModule(const QString &modulePath)
{
    for (std::size_t row = 0; row < m_root.children.size(); ++row) {
        if (m_root.children[row]->key == modulePath) {
            // As for every removal: the selection goes to nothing, never to the next module.
            Q_EMIT aboutToRemove(index(int(row), 0, {}));
            beginRemoveRows({}, int(row), int(row));
            m_root.children.erase(m_root.children.begin() + std::ptrdiff_t(row));
            endRemoveRows();
            return;
        }
    }
}

void TokenTreeModel::setTokenBusy(const QString &modulePath, const TokenIdentity &id, bool busy)
{
    const QString key = modulePath + QLatin1Char('|') + id.key();
    if (busy == m_busyTokens.contains(key))
        return;
    busy ? void(m_busyTokens.insert(key)) : void(m_busyTokens.remove(key));
    if (TreeNode *t = tokenNode(modulePath, id))
        emitChanged(t);
}

TreeNode *TokenTreeModel::tokenNode(const QString &modulePath, const TokenIdentity &id) const
{
    TreeNode *m = m_root.child(modulePath);
    if (!m)
        return nullptr;
    for (const auto &slot : m->children)
        if (TreeNode *t = slot->child(id.key()))
            return t;
    return nullptr;
}

void TokenTreeModel::updateTokenContents(const QString &modulePath, const TokenContents &contents)
{
    TreeNode *token = tokenNode(modulePath, contents.id);
    if (!token)
        return;
    token->objectsRead = true;
    token->loggedIn = contents.loggedIn;
    token->privateObjectsHidden = contents.privateObjectsHidden;
    token->objectsError.clear();
    emitChanged(token);

    const auto pairing = computePairing(contents);
    std::vector<std::unique_ptr<TreeNode>> groups;
    std::vector<std::vector<std::unique_ptr<TreeNode>>> members;
    for (CK_OBJECT_CLASS cls : kGroupOrder) {
        std::vector<std::unique_ptr<TreeNode>> objs;
        QSet<QString> used;
        for (std::size_t i = 0; i < contents.objects.size(); ++i) {
            const ObjectInfo &o = contents.objects[i];
            if (o.cls != cls && !(cls == CKO_DATA && o.cls != CKO_PRIVATE_KEY && o.cls != CKO_CERTIFICATE
                                  && o.cls != CKO_PUBLIC_KEY && o.cls != CKO_SECRET_KEY))
                continue;
            QString key = o.key();
            // Two objects with the same class, ID and label: still distinct rows.
            for (int n = 2; used.contains(key); ++n)
                key = o.key() + QLatin1Char('#') + QString::number(n);
            used.insert(key);
            TreeNode::ObjectEntry e{o, pairing[i]};
            objs.push_back(makeNode(TreeNode::Kind::Object, key, std::move(e)));
        }
        if (objs.empty())
            continue;
        groups.push_back(makeNode(TreeNode::Kind::Group, QString::number(cls), TreeNode::GroupEntry{cls, int(objs.size())}));
        members.push_back(std::move(objs));
    }
    const auto groupNodes = sync(token, std::move(groups));
    for (std::size_t i = 0; i < groupNodes.size(); ++i)
        sync(groupNodes[i], std::move(members[i]));
}

void TokenTreeModel::setTokenError(const QString &modulePath, const TokenIdentity &id, const QString &error)
{
    if (TreeNode *token = tokenNode(modulePath, id)) {
        token->objectsError = error;
        emitChanged(token);
    }
}

QModelIndex TokenTreeModel::indexOfModule(const QString &modulePath) const { return indexOf(m_root.child(modulePath)); }

QModelIndex TokenTreeModel::indexOfToken(const QString &modulePath, const TokenIdentity &id) const
{
    return indexOf(tokenNode(modulePath, id));
}

std::optional<TokenRef> TokenTreeModel::tokenRef(const QModelIndex &index) const
{
    const TreeNode *t = node(index)->ancestor(TreeNode::Kind::Token);
    if (!t || !index.isValid())
        return std::nullopt;
    const TreeNode *slot = t->parent;
    const TreeNode *module = slot ? slot->parent : nullptr;
    if (!slot || !module)
        return std::nullopt;
    return TokenRef{module->key, slot->slot()->id, t->token()->id};
}

QModelIndex TokenTreeModel::indexOfObject(const QString &modulePath, const TokenIdentity &id,
                                          const QString &objectKey) const
{
    const TreeNode *token = tokenNode(modulePath, id);
    if (!token)
        return {};
    for (const auto &group : token->children)
        for (const auto &o : group->children)
            if (o->object() && o->object()->object.key() == objectKey)
                return indexOf(o.get());
    return {};
}

QStringList TokenTreeModel::modulePaths() const
{
    QStringList out;
    for (const auto &c : m_root.children)
        out << c->key;
    return out;
}
