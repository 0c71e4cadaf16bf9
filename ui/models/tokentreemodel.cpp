// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/tokentreemodel.h"

#include "inventory/objectfacts.h"
#include "inventory/objectorder.h"
#include "inventory/p11text.h"
#include "models/treesearch.h"
#include "widgets/expirybadge.h"
#include "widgets/pairingbadge.h"

#include <QApplication>
#include <QBrush>
#include <QHash>
#include <QIcon>
#include <QPointer>
#include <QSet>
#include <QStyle>
#include <QTimer>

#include <algorithm>
#include <cstring>
#include <deque>
#include <limits>
#include <numeric>

namespace {
std::unique_ptr<TreeNode> makeNode(TreeNode::Kind kind, QString key, TreeNode::Payload payload)
{
    auto n = std::make_unique<TreeNode>();
    n->kind = kind;
    n->key = std::move(key);
    n->payload = std::move(payload);
    return n;
}

// The groups under a token, in ObjectOrder's class order; other classes go with the data objects.
const CK_OBJECT_CLASS kGroupOrder[] = {CKO_PRIVATE_KEY, CKO_PUBLIC_KEY, CKO_CERTIFICATE, CKO_SECRET_KEY, CKO_DATA};

CK_OBJECT_CLASS groupOf(CK_OBJECT_CLASS c)
{
    return std::find(std::begin(kGroupOrder), std::end(kGroupOrder), c) != std::end(kGroupOrder) ? c : CK_OBJECT_CLASS(CKO_DATA);
}

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

// The key of a token across the model's sets (m_busyTokens, m_blankDevices).
QString tokenKey(const QString &modulePath, const QString &tokenNodeKey) { return modulePath + QLatin1Char('|') + tokenNodeKey; }
QString tokenKey(const TreeNode *token) { return tokenKey(token->ancestor(TreeNode::Kind::Module)->key, token->key); }

// blankDevice: the device behind the token says it was never initialized (see setDeviceInitialized).
QString pinSummary(const TokenSnapshot &t, bool blankDevice)
{
    const CK_FLAGS f = t.info.flags;
    if (!(f & CKF_TOKEN_INITIALIZED) || blankDevice)
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

// The style's icons, made once per style: QCommonStyle::standardIcon decodes its PNG files on
// every call, and sizing the Name column asks for a thousand rows' icons at once (a 90 ms GUI
// stall with 5,000 certificates). data() runs on the GUI thread only.
QIcon icon(QStyle::StandardPixmap p)
{
    static QPointer<QStyle> madeBy;
    static QHash<int, QIcon> made;
    QStyle *style = QApplication::style();
    if (madeBy != style) {
        made.clear();
        madeBy = style;
    }
    auto it = made.constFind(int(p));
    if (it == made.constEnd())
        it = made.insert(int(p), style->standardIcon(p));
    return *it;
}

// A key shows its certificate when the pair is one consumers will use (or that
// only needs its CKA_ID fixed), not a certificate that merely shares the ID.
bool showsPartnerCertificate(PairState s)
{
    return s == PairState::Paired || s == PairState::PairedById || s == PairState::IdMismatch;
}

bool sameSlot(const SlotSnapshot &a, const SlotSnapshot &b)
{
    return a.id == b.id && a.description == b.description && a.manufacturer == b.manufacturer && a.flags == b.flags
        && a.tokenError == b.tokenError && a.token.has_value() == b.token.has_value();
}

bool sameToken(const TokenSnapshot &a, const TokenSnapshot &b)
{
    if (a.mechanisms.size() != b.mechanisms.size())
        return false;
    for (std::size_t i = 0; i < a.mechanisms.size(); ++i)
        if (a.mechanisms[i].type != b.mechanisms[i].type
            || std::memcmp(&a.mechanisms[i].info, &b.mechanisms[i].info, sizeof(CK_MECHANISM_INFO)) != 0)
            return false;
    return std::memcmp(&a.info, &b.info, sizeof(CK_TOKEN_INFO)) == 0 && a.id == b.id && a.label == b.label
        && a.uri == b.uri && a.loggedIn == b.loggedIn && a.loggedInAs == b.loggedInAs && a.isDemo == b.isDemo;
}
} // namespace

TokenTreeModel::TokenTreeModel(QObject *parent)
    : QAbstractItemModel(parent), m_now([] { return QDateTime::currentDateTimeUtc(); })
{
    // "Expires in 3 days" must become "2 days" in a window left open overnight.
    auto *tick = new QTimer(this);
    tick->setInterval(60 * 60 * 1000);
    connect(tick, &QTimer::timeout, this, &TokenTreeModel::expiryDisplayChanged);
    tick->start();
}
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
    switch (section) {
    case NameColumn: return tr("Name");
    case InfoColumn: return tr("Details");
    case ExpiryColumn: return tr("Expires");
    default: return {};
    }
}

QVariant TokenTreeModel::expiryData(const CertificateFacts &c, int role) const
{
    if (role == Qt::DisplayRole)
        return c.notAfter.date().toString(Qt::ISODate);
    const CertificateSummary s = c.summaryAt(m_now(), m_warningDays);
    switch (role) {
    case ExpiryRole: return int(s.validity);
    case Qt::DecorationRole: {
        const QIcon badge = ExpiryBadge::icon(s.validity);
        return badge.isNull() ? QVariant() : QVariant(badge);
    }
    case Qt::ForegroundRole: {
        const QColor color = ExpiryBadge::textColor(s.validity);
        return color.isValid() ? QVariant(QBrush(color)) : QVariant();
    }
    case Qt::ToolTipRole: return s.expiryPhrase;
    default: return {};
    }
}

QVariant TokenTreeModel::tokenData(const TreeNode *n, int column, int role) const
{
    const TokenSnapshot &t = *n->token();
    if (column == ExpiryColumn && n->earliestExpiry) {
        if (role == Qt::ToolTipRole) {
            const QDateTime now = m_now();
            int attention = 0;
            for (const auto &group : n->children)
                for (const auto &o : group->children)
                    if (o->object() && o->object()->object.cls == CKO_CERTIFICATE && o->object()->certificate
                        && o->object()->certificate->summaryAt(now, m_warningDays).needsAttention())
                        ++attention;
            const CertificateSummary s = n->earliestExpiry->summaryAt(now, m_warningDays);
            const QString first = tr("First to expire: “%1”, %2").arg(P11Text::escaped(n->earliestExpiry->name), s.expiryPhrase);
            const QString count = tr("%n certificate(s) expired or expiring within %1 days", nullptr, attention)
                                      .arg(m_warningDays);
            return first + QLatin1Char('\n') + count;
        }
        return expiryData(*n->earliestExpiry, role);
    }
    if (role == SearchTextRole)
        return TreeSearch::tokenText(t);
    if (role == Qt::DisplayRole) {
        if (column == NameColumn)
            return t.label.isEmpty() ? tr("(no label)") : t.label;
        if (column != InfoColumn)
            return {};
        QStringList parts;
        if (t.isDemo)
            parts << tr("software demo token");
        parts << t.id.model + QLatin1Char(' ') + t.id.serial;
        const bool blank = blankDevice(n);
        const QString pin = pinSummary(t, blank);
        if (!pin.isEmpty())
            parts << pin;
        if (!n->objectsError.isEmpty())
            parts << n->objectsError;
        else if (n->privateObjectsHidden && !blank) // no PIN to log in with before initialization
            parts << tr("not logged in — private objects hidden");
        else if (n->loggedIn)
            parts << tr("logged in");
        return parts.join(QStringLiteral(" · "));
    }
    if (role == Qt::DecorationRole && column == NameColumn)
        return icon(QStyle::SP_DriveFDIcon);
    if (role == Qt::ToolTipRole)
        return t.uri;
    return {};
}

QVariant TokenTreeModel::objectData(const TreeNode *n, int column, int role) const
{
    const auto &e = *n->object();
    const ObjectInfo &o = e.object;
    if (column == ExpiryColumn)
        return e.certificate ? expiryData(*e.certificate, role) : QVariant();
    if (role == SearchTextRole)
        return e.searchText;
    if (role == Qt::DisplayRole) {
        // Labels come from the module: control and bidi characters are shown escaped, as --list does.
        if (column == NameColumn)
            return o.label.isEmpty() ? tr("(no label)") : P11Text::escaped(o.labelText());
        QStringList parts;
        if (o.cls == CKO_CERTIFICATE) {
            if (e.certificate)
                parts << P11Text::escaped(e.certificate->name);
            else
                parts << tr("cannot be decoded");
        } else if (const QString kd = ObjectFacts::keyDescription(o); !kd.isEmpty()) {
            parts << kd;
        }
        if (o.cls != CKO_CERTIFICATE && e.certificate)
            parts << tr("certificate “%1”").arg(P11Text::escaped(e.certificate->name));
        if (o.cls == CKO_DATA && o.attrs.has(CKA_APPLICATION))
            parts << tr("application “%1”").arg(P11Text::escaped(o.attrs.utf8(CKA_APPLICATION)));
        parts << tr("ID %1").arg(o.id.isEmpty() ? tr("none") : ObjectFacts::idHex(o.id));
        if (e.pairing.isProblem())
            parts << (e.pairing.state == PairState::IdMismatch ? tr("CKA_ID mismatch") : tr("wrong certificate"));
        return parts.join(QStringLiteral(" · "));
    }
    if (role == Qt::ToolTipRole) {
        if (e.pairing.isProblem())
            return tr("Pairing problem (not an expiry): %1").arg(e.pairing.summary());
        return e.pairing.state == PairState::NotApplicable ? o.uri : e.pairing.summary();
    }
    if (role == Qt::DecorationRole && column == NameColumn) {
        // Its own mark, unlike the expiry badges in the Expires column (ExpiryBadge).
        if (e.pairing.isProblem())
            return PairingBadge::icon();
        return icon(o.cls == CKO_CERTIFICATE ? QStyle::SP_FileDialogDetailedView : QStyle::SP_FileIcon);
    }
    return {};
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
        && m_busyTokens.contains(tokenKey(n));
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
        if (role == Qt::DisplayRole && index.column() != ExpiryColumn)
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
        if (role == Qt::DisplayRole && index.column() != ExpiryColumn)
            return index.column() == NameColumn ? s.description
                : !s.tokenError.isEmpty()          ? tr("slot %1 — token not readable: %2").arg(s.id).arg(s.tokenError)
                : s.token                          ? tr("slot %1").arg(s.id)
                                                   : tr("slot %1 — no token").arg(s.id);
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(QStyle::SP_DriveCDIcon);
        break;
    }
    case TreeNode::Kind::Token: return tokenData(n, index.column(), role);
    case TreeNode::Kind::Group: {
        const auto &g = *n->group();
        if (role == Qt::DisplayRole && index.column() != ExpiryColumn)
            return index.column() == NameColumn ? groupName(g.cls) : QString::number(g.count);
        if (role == Qt::DecorationRole && index.column() == NameColumn)
            return icon(QStyle::SP_DirIcon);
        break;
    }
    case TreeNode::Kind::Object: return objectData(n, index.column(), role);
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

bool TokenTreeModel::assign(TreeNode *old, TreeNode::Payload &fresh)
{
    bool changed = true;
    if (const auto *o = old->object(), *f = std::get_if<TreeNode::ObjectEntry>(&fresh); o && f)
        changed = !o->sameAs(*f);
    else if (const auto *g = old->group(), *fg = std::get_if<TreeNode::GroupEntry>(&fresh); g && fg)
        changed = !(*g == *fg);
    else if (const auto *s = old->slot(), *fs = std::get_if<SlotSnapshot>(&fresh); s && fs)
        changed = !sameSlot(*s, *fs);
    else if (const auto *t = old->token(), *ft = std::get_if<TokenSnapshot>(&fresh); t && ft)
        changed = !sameToken(*t, *ft);
    // Handles change between sessions and are not shown: always take the fresh payload.
    old->payload = std::move(fresh);
    return changed;
}

struct TokenTreeModel::Merge {
    TreeNode *parent = nullptr;
    FreshRows fresh;                    // keys and payloads are moved out as rows are merged
    QHash<QString, TreeNode *> existing; // the kept children, by key
    std::size_t next = 0;               // children [0, next) are fresh [0, next) already
    bool done() const { return next >= fresh.keys.size(); }
};

struct TokenTreeModel::TokenMerge {
    const TreeNode *token = nullptr;
    std::deque<Merge> groups; // in tree order; the first one is merged first
    std::vector<std::function<void()>> merged;
};

void TokenTreeModel::sync(TreeNode *parent, FreshRows fresh, Placement placement)
{
    Merge m = startMerge(parent, std::move(fresh), placement);
    mergeRows(m, std::numeric_limits<std::size_t>::max());
}

TokenTreeModel::Merge TokenTreeModel::startMerge(TreeNode *parent, FreshRows fresh, Placement placement)
{
    Merge m;
    m.parent = parent;
    auto &children = parent->children;
    const QModelIndex parentIndex = indexOf(parent);
    if (!children.empty()) {
        QSet<QString> wanted;
        wanted.reserve(qsizetype(fresh.keys.size()));
        for (const QString &k : fresh.keys)
            wanted.insert(k);
        // Rows the fresh list no longer has go, one contiguous run at a time.
        for (int last = int(children.size()) - 1; last >= 0;) {
            if (wanted.contains(children[std::size_t(last)]->key)) {
                --last;
                continue;
            }
            int first = last;
            while (first > 0 && !wanted.contains(children[std::size_t(first - 1)]->key))
                --first;
            for (int row = first; row <= last; ++row) {
                Q_EMIT aboutToRemove(index(row, 0, parentIndex));
                forgetRemoved(children[std::size_t(row)].get());
            }
            beginRemoveRows(parentIndex, first, last);
            children.erase(children.begin() + first, children.begin() + last + 1);
            parent->renumber(std::size_t(first));
            endRemoveRows();
            last = first - 1;
        }
        m.existing.reserve(qsizetype(children.size()));
        for (const auto &c : children)
            m.existing.insert(c->key, c.get());
    }

    if (placement == Placement::KeepPlace && !m.existing.isEmpty()) {
        // Kept rows in their current order, new rows after them in the fresh order.
        std::vector<std::size_t> order(fresh.keys.size());
        std::iota(order.begin(), order.end(), std::size_t(0));
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const TreeNode *oa = m.existing.value(fresh.keys[a]);
            const TreeNode *ob = m.existing.value(fresh.keys[b]);
            if (!oa || !ob)
                return oa && !ob;
            return oa->row() < ob->row();
        });
        m.fresh.kind = fresh.kind;
        for (std::size_t i : order) {
            m.fresh.keys.push_back(std::move(fresh.keys[i]));
            m.fresh.payloads.push_back(std::move(fresh.payloads[i]));
        }
    } else {
        m.fresh = std::move(fresh);
    }
    return m;
}

std::size_t TokenTreeModel::mergeRows(Merge &m, std::size_t budget)
{
    TreeNode *parent = m.parent;
    auto &children = parent->children;
    const QModelIndex parentIndex = indexOf(parent);
    auto &keys = m.fresh.keys;
    // Changed kept rows are announced one contiguous run at a time.
    int changedFirst = -1;
    int changedLast = -1;
    const auto announceChanged = [&] {
        if (changedFirst < 0)
            return;
        Q_EMIT dataChanged(index(changedFirst, 0, parentIndex), index(changedLast, ColumnCount - 1, parentIndex));
        changedFirst = changedLast = -1;
    };
    std::size_t merged = 0;
    while (!m.done() && merged < budget) {
        const std::size_t i = m.next;
        TreeNode *old = m.existing.value(keys[i]);
        if (!old) {
            // A run of new rows (as much of it as the budget allows): one insertion.
            const std::size_t limit = i + std::min(budget - merged, keys.size() - i);
            std::size_t end = i + 1;
            while (end < limit && !m.existing.contains(keys[end]))
                ++end;
            announceChanged();
            std::vector<std::unique_ptr<TreeNode>> rows;
            rows.reserve(end - i);
            for (std::size_t k = i; k < end; ++k) {
                rows.push_back(makeNode(m.fresh.kind, std::move(keys[k]), std::move(m.fresh.payloads[k])));
                rows.back()->parent = parent;
            }
            beginInsertRows(parentIndex, int(i), int(end - 1));
            children.insert(children.begin() + std::ptrdiff_t(i), std::make_move_iterator(rows.begin()),
                            std::make_move_iterator(rows.end()));
            parent->renumber(i);
            endInsertRows();
            merged += end - i;
            m.next = end;
            continue;
        }
        // Rows before i already match fresh[0, i): a kept row is at i or after it.
        if (const int from = old->row(); from != int(i)) {
            announceChanged();
            beginMoveRows(parentIndex, from, from, parentIndex, int(i));
            auto moved = std::move(children[std::size_t(from)]);
            children.erase(children.begin() + from);
            children.insert(children.begin() + std::ptrdiff_t(i), std::move(moved));
            parent->renumber(i);
            endMoveRows();
        }
        if (assign(old, m.fresh.payloads[i])) {
            if (changedFirst < 0 || changedLast + 1 != int(i)) {
                announceChanged();
                changedFirst = int(i);
            }
            changedLast = int(i);
        }
        ++m.next;
        ++merged;
    }
    announceChanged();
    return merged;
}

void TokenTreeModel::continueMerges()
{
    if (m_inMerge)
        return; // the running loop takes merges added meanwhile too
    m_inMerge = true;
    std::size_t budget = m_rowsPerTurn > 0 ? std::size_t(m_rowsPerTurn) : std::numeric_limits<std::size_t>::max();
    while (!m_merges.empty() && budget > 0) {
        TokenMerge &tm = *m_merges.front();
        while (!tm.groups.empty() && budget > 0) {
            budget -= mergeRows(tm.groups.front(), budget);
            if (tm.groups.front().done())
                tm.groups.pop_front();
        }
        if (!tm.groups.empty())
            break;
        const std::vector<std::function<void()>> merged = std::move(tm.merged);
        m_merges.erase(m_merges.begin());
        for (const auto &f : merged)
            f(); // may merge another token: the loop takes it with what is left of the budget
    }
    m_inMerge = false;
    if (!m_merges.empty() && !m_mergeScheduled) {
        m_mergeScheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_mergeScheduled = false;
            continueMerges();
        });
    }
}

std::vector<std::function<void()>> TokenTreeModel::takeMerge(const TreeNode *token)
{
    for (auto it = m_merges.begin(); it != m_merges.end(); ++it)
        if ((*it)->token == token) {
            std::vector<std::function<void()>> merged = std::move((*it)->merged);
            m_merges.erase(it);
            return merged;
        }
    return {};
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
        m_root.renumber(std::size_t(row));
        endInsertRows();
    }

    FreshRows slots{TreeNode::Kind::Slot, {}, {}};
    for (const SlotSnapshot &s : snapshot.slots) {
        slots.keys.push_back(QString::number(s.id));
        slots.payloads.emplace_back(s);
    }
    sync(moduleNode, std::move(slots), Placement::KeepPlace);
    for (const auto &slotNode : moduleNode->children) {
        const SlotSnapshot &s = *slotNode->slot(); // the fresh snapshot now
        FreshRows tokens{TreeNode::Kind::Token, {}, {}};
        if (s.token) {
            tokens.keys.push_back(s.token->id.key());
            tokens.payloads.emplace_back(*s.token);
        }
        sync(slotNode.get(), std::move(tokens), Placement::KeepPlace);
    }
}

void TokenTreeModel::removeModule(const QString &modulePath)
{
    for (std::size_t row = 0; row < m_root.children.size(); ++row) {
        if (m_root.children[row]->key == modulePath) {
            // As for every removal: the selection goes to nothing, never to the next module.
            Q_EMIT aboutToRemove(index(int(row), 0, {}));
            forgetRemoved(m_root.children[row].get());
            beginRemoveRows({}, int(row), int(row));
            m_root.children.erase(m_root.children.begin() + std::ptrdiff_t(row));
            m_root.renumber(row);
            endRemoveRows();
            return;
        }
    }
}

void TokenTreeModel::setTokenBusy(const QString &modulePath, const TokenIdentity &id, bool busy)
{
    const QString key = tokenKey(modulePath, id.key());
    if (busy == m_busyTokens.contains(key))
        return;
    busy ? void(m_busyTokens.insert(key)) : void(m_busyTokens.remove(key));
    if (TreeNode *t = tokenNode(modulePath, id))
        emitChanged(t);
}

void TokenTreeModel::setDeviceInitialized(const QString &modulePath, const TokenIdentity &id, bool initialized)
{
    const QString key = tokenKey(modulePath, id.key());
    if (initialized != m_blankDevices.contains(key))
        return;
    if (initialized)
        m_blankDevices.remove(key);
    else
        m_blankDevices.insert(key);
    if (TreeNode *t = tokenNode(modulePath, id))
        emitChanged(t);
}

bool TokenTreeModel::blankDevice(const TreeNode *token) const
{
    return !m_blankDevices.isEmpty()
        && m_blankDevices.contains(tokenKey(token));
}

void TokenTreeModel::forgetRemoved(const TreeNode *n)
{
    if (n->kind == TreeNode::Kind::Token) {
        if (!m_blankDevices.isEmpty())
            m_blankDevices.remove(tokenKey(n));
        // Its rows will never come: whoever waits for them hears so in a later turn.
        if (auto merged = takeMerge(n); !merged.empty())
            QTimer::singleShot(0, this, [merged = std::move(merged)] {
                for (const auto &f : merged)
                    f();
            });
    } else if (n->kind == TreeNode::Kind::Module || n->kind == TreeNode::Kind::Slot) {
        for (const auto &c : n->children)
            forgetRemoved(c.get());
    }
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

PreparedContents TokenTreeModel::prepare(TokenContents contents)
{
    ObjectOrder::sort(contents.objects);
    const std::vector<PairInfo> pairing = computePairing(contents);
    const std::size_t n = contents.objects.size();
    std::vector<TreeNode::ObjectEntry> entries(n);
    for (std::size_t i = 0; i < n; ++i) {
        ObjectInfo &o = contents.objects[i];
        TreeNode::ObjectEntry &e = entries[i];
        e.pairing = pairing[i];
        std::optional<CertificateInfo> cert;
        if (o.cls == CKO_CERTIFICATE) {
            cert = ObjectFacts::certificate(o, &e.certificateError);
            if (cert)
                e.certificate = CertificateFacts::of(*cert);
        }
        e.searchText = TreeSearch::objectText(o, cert ? &*cert : nullptr);
        e.object = std::move(o);
    }
    // Keys show their certificate's name and expiry (the partner core's pairing found, by index).
    for (TreeNode::ObjectEntry &e : entries) {
        if (e.object.cls == CKO_CERTIFICATE || !showsPartnerCertificate(e.pairing.state))
            continue;
        const std::size_t partner = e.pairing.partnerIndex;
        if (partner < n && entries[partner].object.cls == CKO_CERTIFICATE)
            e.certificate = entries[partner].certificate;
    }
    contents.objects.clear();

    PreparedContents p;
    p.contents = std::move(contents);
    // Entries are in ObjectOrder, so each group's members come out sorted.
    std::vector<PreparedContents::Group> groups(std::size(kGroupOrder));
    std::vector<QSet<QString>> used(std::size(kGroupOrder));
    for (TreeNode::ObjectEntry &e : entries) {
        if (e.object.cls == CKO_CERTIFICATE) {
            ++p.certificateCount;
            if (e.certificate && (!p.earliestExpiry || e.certificate->notAfter < p.earliestExpiry->notAfter))
                p.earliestExpiry = e.certificate;
        }
        const std::size_t g = std::size_t(std::find(std::begin(kGroupOrder), std::end(kGroupOrder), groupOf(e.object.cls))
                                          - std::begin(kGroupOrder));
        const QString base = e.object.key();
        QString key = base;
        // Two objects with the same class, ID and label: still distinct rows.
        for (int k = 2; used[g].contains(key); ++k)
            key = base + QLatin1Char('#') + QString::number(k);
        used[g].insert(key);
        groups[g].cls = kGroupOrder[g];
        groups[g].keys.push_back(std::move(key));
        groups[g].rows.emplace_back(std::move(e));
    }
    for (PreparedContents::Group &g : groups)
        if (!g.keys.empty())
            p.groups.push_back(std::move(g));
    return p;
}

void TokenTreeModel::updateTokenContents(const QString &modulePath, const TokenContents &contents,
                                         std::function<void()> merged)
{
    updateTokenContents(modulePath, prepare(contents), std::move(merged));
}

void TokenTreeModel::updateTokenContents(const QString &modulePath, PreparedContents prepared,
                                         std::function<void()> merged)
{
    TreeNode *token = tokenNode(modulePath, prepared.contents.id);
    std::vector<std::function<void()>> waiting = takeMerge(token);
    if (merged)
        waiting.push_back(std::move(merged));
    if (!token) {
        for (const auto &f : waiting)
            f();
        return;
    }
    const bool tokenChanged = !token->objectsRead || token->loggedIn != prepared.contents.loggedIn
        || token->privateObjectsHidden != prepared.contents.privateObjectsHidden || !token->objectsError.isEmpty()
        || token->earliestExpiry != prepared.earliestExpiry || token->certificateCount != prepared.certificateCount;
    token->objectsRead = true;
    token->loggedIn = prepared.contents.loggedIn;
    token->privateObjectsHidden = prepared.contents.privateObjectsHidden;
    token->objectsError.clear();
    token->earliestExpiry = prepared.earliestExpiry;
    token->certificateCount = prepared.certificateCount;
    if (tokenChanged)
        emitChanged(token);

    // The groups at once (they show their final counts); their rows over as many turns as they need.
    FreshRows groups{TreeNode::Kind::Group, {}, {}};
    for (const PreparedContents::Group &g : prepared.groups) {
        groups.keys.push_back(QString::number(g.cls));
        groups.payloads.emplace_back(TreeNode::GroupEntry{g.cls, int(g.keys.size())});
    }
    sync(token, std::move(groups), Placement::Sorted);
    auto tm = std::make_unique<TokenMerge>();
    tm->token = token;
    tm->merged = std::move(waiting);
    for (std::size_t i = 0; i < prepared.groups.size(); ++i) {
        PreparedContents::Group &g = prepared.groups[i];
        tm->groups.push_back(startMerge(token->children[i].get(),
                                        FreshRows{TreeNode::Kind::Object, std::move(g.keys), std::move(g.rows)},
                                        Placement::Sorted));
    }
    m_merges.push_back(std::move(tm));
    continueMerges();
}

void TokenTreeModel::setTokenError(const QString &modulePath, const TokenIdentity &id, const QString &error)
{
    if (TreeNode *token = tokenNode(modulePath, id)) {
        token->objectsError = error;
        emitChanged(token);
    }
}

void TokenTreeModel::setExpiryWarningDays(int days)
{
    if (days == m_warningDays)
        return;
    m_warningDays = days;
    expiryDisplayChanged();
}

void TokenTreeModel::setClock(std::function<QDateTime()> now)
{
    m_now = std::move(now);
    expiryDisplayChanged();
}

void TokenTreeModel::expiryDisplayChanged()
{
    // One signal per token and per object group: the expiry column of each.
    for (const auto &module : m_root.children)
        for (const auto &slot : module->children)
            for (const auto &token : slot->children) {
                const QModelIndex t = indexOf(token.get(), ExpiryColumn);
                Q_EMIT dataChanged(t, t);
                for (const auto &group : token->children) {
                    if (group->children.empty())
                        continue;
                    Q_EMIT dataChanged(indexOf(group->children.front().get(), ExpiryColumn),
                                       indexOf(group->children.back().get(), ExpiryColumn));
                }
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

QModelIndex TokenTreeModel::indexOfObjectHandle(const QModelIndex &within, CK_OBJECT_HANDLE handle) const
{
    const TreeNode *token = within.isValid() ? node(within)->ancestor(TreeNode::Kind::Token) : nullptr;
    if (!token || handle == CK_INVALID_HANDLE)
        return {};
    for (const auto &group : token->children)
        for (const auto &o : group->children)
            if (o->object() && o->object()->object.handle == handle)
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
