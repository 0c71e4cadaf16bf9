// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QPersistentModelIndex>
#include <QPoint>

#include <optional>

class QTreeView;

// Keeps the row under the pointer (or, with the pointer elsewhere, the top row)
// where it is while rows are inserted or removed above it: a token that appears
// or vanishes does not make the tree jump under the user's hand. Works with
// per-pixel scrolling, which it turns on.
class ScrollAnchor : public QObject {
    Q_OBJECT
public:
    explicit ScrollAnchor(QTreeView *view);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void remember();
    void restore();

    QTreeView *m_view;
    std::optional<QPoint> m_pointer; // in viewport coordinates, while the pointer is over it
    QPersistentModelIndex m_anchor;
    int m_anchorTop = 0;
};
