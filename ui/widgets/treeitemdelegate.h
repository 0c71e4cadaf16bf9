// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class TreeFilter;

// Paints the token tree's cells, marking what the filter box matched: the
// matched text gets a highlight wherever a cell shows it, and a row that matched
// on something not shown (a fingerprint, the URI) has its name in bold.
class TreeItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    TreeItemDelegate(const TreeFilter *filter, QObject *parent);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const TreeFilter *m_filter;
};
