// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStyledItemDelegate>

class TreeFilter;

// Paints the token tree's cells, marking what the filter box matched: the
// matched text gets a highlight wherever a cell shows it, and a row that matched
// on something not shown (a fingerprint, the URI) has its name in bold. While
// filtering, a group's count is what it shows ("3 of 12").
class TreeItemDelegate : public QStyledItemDelegate {
    Q_OBJECT
public:
    TreeItemDelegate(const TreeFilter *filter, QObject *parent);
    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    // The text the cell shows: the model's, but an object group's count says how many of
    // its objects the filter shows.
    QString displayText(const QModelIndex &index) const;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override;

private:
    const TreeFilter *m_filter;
};
