// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/scrollanchor.h"

#include "models/tokentreemodel.h"

#include <QEvent>
#include <QMouseEvent>
#include <QScrollBar>
#include <QTreeView>

ScrollAnchor::ScrollAnchor(QTreeView *view) : QObject(view), m_view(view)
{
    view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    view->viewport()->setMouseTracking(true);
    view->viewport()->installEventFilter(this);
    QAbstractItemModel *model = view->model();
    // Connected after the view's own slots: by the time ours run, the view knows the new rows.
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, &ScrollAnchor::remember);
    // QTreeView forgets its layout in its own rowsAboutToBeRemoved, so the row under the
    // pointer is taken from the token model's earlier aboutToRemove where there is one.
    if (auto *tokens = qobject_cast<TokenTreeModel *>(model))
        connect(tokens, &TokenTreeModel::aboutToRemove, this, &ScrollAnchor::remember);
    else
        connect(model, &QAbstractItemModel::rowsAboutToBeRemoved, this, &ScrollAnchor::remember);
    connect(model, &QAbstractItemModel::rowsInserted, this, &ScrollAnchor::restore);
    connect(model, &QAbstractItemModel::rowsRemoved, this, &ScrollAnchor::restore);
}

bool ScrollAnchor::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::MouseMove)
        m_pointer = static_cast<QMouseEvent *>(event)->position().toPoint();
    else if (event->type() == QEvent::Leave)
        m_pointer.reset();
    return QObject::eventFilter(watched, event);
}

void ScrollAnchor::remember()
{
    if (m_anchor.isValid())
        return; // one removal announces each of its rows; the first one counts
    const QModelIndex at = m_view->indexAt(m_pointer.value_or(QPoint(1, 1)));
    m_anchor = at.siblingAtColumn(0);
    m_anchorTop = at.isValid() ? m_view->visualRect(at).top() : 0;
}

void ScrollAnchor::restore()
{
    if (!m_anchor.isValid())
        return; // nothing was under the pointer, or the row itself went
    const QRect now = m_view->visualRect(m_anchor);
    m_anchor = QPersistentModelIndex();
    // Only the height counts: a column squeezed to nothing still has its row's place.
    if (now.height() > 0 && now.top() != m_anchorTop)
        m_view->verticalScrollBar()->setValue(m_view->verticalScrollBar()->value() + now.top() - m_anchorTop);
}
