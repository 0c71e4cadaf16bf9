// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/treefilter.h"

#include "models/tokentreemodel.h"
#include "models/treesearch.h"

#include <QKeyEvent>
#include <QShortcut>
#include <QTimer>
#include <QTreeView>

TreeFilter::TreeFilter(QTreeView *view, QWidget *parent) : QLineEdit(parent), m_view(view)
{
    setPlaceholderText(tr("Filter: name, subject, issuer, serial, ID, fingerprint or URI (Ctrl+F)"));
    setAccessibleName(tr("Filter the tree"));
    setClearButtonEnabled(true);
    auto *find = new QShortcut(QKeySequence::Find, this);
    find->setContext(Qt::WindowShortcut);
    find->setWhatsThis(tr("Filter the tree")); // its name in Help ▸ Keyboard shortcuts
    connect(find, &QShortcut::activated, this, [this] {
        setFocus(Qt::ShortcutFocusReason);
        selectAll();
    });
    connect(this, &QLineEdit::textChanged, this, &TreeFilter::apply);
    // Rows a refresh brings while filtering are judged like the others, once per batch.
    auto later = [this] {
        if (m_needle.isEmpty() || m_scheduled)
            return;
        m_scheduled = true;
        QTimer::singleShot(0, this, [this] {
            m_scheduled = false;
            apply();
        });
    };
    connect(view->model(), &QAbstractItemModel::rowsInserted, this, later);
    connect(view->model(), &QAbstractItemModel::dataChanged, this, later);
}

bool TreeFilter::matches(const QModelIndex &index) const
{
    if (m_needle.isEmpty())
        return false;
    const QString text = index.siblingAtColumn(0).data(TokenTreeModel::SearchTextRole).toString();
    return !text.isEmpty() && TreeSearch::matches(text, m_needle);
}

void TreeFilter::keyPressEvent(QKeyEvent *e)
{
    if (e->key() == Qt::Key_Escape) {
        if (text().isEmpty())
            m_view->setFocus(Qt::ShortcutFocusReason);
        clear();
        e->accept();
        return;
    }
    // Down and Enter go to the tree, so the first match is one key away.
    if (e->key() == Qt::Key_Down || e->key() == Qt::Key_Return || e->key() == Qt::Key_Enter) {
        m_view->setFocus(Qt::TabFocusReason);
        e->accept();
        return;
    }
    QLineEdit::keyPressEvent(e);
}

void TreeFilter::reveal(const QModelIndex &index)
{
    if (hides(index))
        clear();
}

bool TreeFilter::hides(const QModelIndex &index) const
{
    for (QModelIndex i = index.siblingAtColumn(0); i.isValid(); i = i.parent())
        if (m_view->isRowHidden(i.row(), i.parent()))
            return true;
    return false;
}

QString TreeFilter::groupCount(const QModelIndex &index) const
{
    const QModelIndex group = index.siblingAtColumn(0);
    if (m_needle.isEmpty() || TreeNode::Kind(group.data(TokenTreeModel::KindRole).toInt()) != TreeNode::Kind::Group)
        return {};
    const int total = m_view->model()->rowCount(group);
    int shown = 0;
    for (int row = 0; row < total; ++row)
        shown += !m_view->isRowHidden(row, group);
    return tr("%1 of %2").arg(shown).arg(total);
}

void TreeFilter::apply()
{
    const QString needle = TreeSearch::needle(text());
    if (needle.isEmpty() && m_needle.isEmpty() && m_expandedByFilter.isEmpty())
        return;
    m_needle = needle;
    filterRows({}, false);
    if (m_needle.isEmpty()) {
        // Back to the tree as the user left it.
        for (const QPersistentModelIndex &i : std::as_const(m_expandedByFilter))
            if (i.isValid())
                m_view->collapse(i);
        m_expandedByFilter.clear();
    }
    m_view->viewport()->update();
    Q_EMIT applied();
}

bool TreeFilter::filterRows(const QModelIndex &parent, bool ancestorMatched)
{
    const QAbstractItemModel *model = m_view->model();
    bool anyVisible = false;
    for (int row = 0, n = model->rowCount(parent); row < n; ++row) {
        const QModelIndex i = model->index(row, 0, parent);
        bool visible = true;
        if (!m_needle.isEmpty()) {
            const bool self = matches(i);
            // A matching token shows all it holds; any other match shows itself and the way to it.
            const bool whole = self && TreeNode::Kind(i.data(TokenTreeModel::KindRole).toInt()) == TreeNode::Kind::Token;
            const bool below = filterRows(i, ancestorMatched || whole);
            visible = ancestorMatched || self || below;
            if (below && !ancestorMatched && !whole && !m_view->isExpanded(i)) {
                m_view->expand(i);
                m_expandedByFilter.append(QPersistentModelIndex(i));
            }
        } else {
            filterRows(i, false);
        }
        if (m_view->isRowHidden(row, parent) == visible)
            m_view->setRowHidden(row, parent, !visible);
        anyVisible = anyVisible || visible;
    }
    return anyVisible;
}
