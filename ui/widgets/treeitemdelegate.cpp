// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/treeitemdelegate.h"

#include "models/tokentreemodel.h"
#include "widgets/treefilter.h"

#include <QApplication>
#include <QPainter>
#include <QTextLayout>

TreeItemDelegate::TreeItemDelegate(const TreeFilter *filter, QObject *parent) : QStyledItemDelegate(parent), m_filter(filter) {}

void TreeItemDelegate::initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const
{
    QStyledItemDelegate::initStyleOption(option, index);
    if (const QString count = index.column() == TokenTreeModel::InfoColumn ? m_filter->groupCount(index) : QString();
        !count.isEmpty())
        option->text = count;
    if (index.column() == TokenTreeModel::NameColumn && m_filter->matches(index))
        option->font.setBold(true);
}

QString TreeItemDelegate::displayText(const QModelIndex &index) const
{
    QStyleOptionViewItem option;
    initStyleOption(&option, index);
    return option.text;
}

void TreeItemDelegate::paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    const QString needle = m_filter->needle();
    if (needle.isEmpty() || !m_filter->matches(index)) {
        QStyledItemDelegate::paint(painter, option, index);
        return;
    }
    QStyleOptionViewItem opt(option);
    initStyleOption(&opt, index);
    const QWidget *widget = opt.widget;
    QStyle *style = widget ? widget->style() : QApplication::style();
    const QString text = opt.text;
    // The cell without its text, then the text with each match highlighted.
    opt.text.clear();
    style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
    opt.text = text;
    const int margin = style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, widget) + 1;
    const QRect r = style->subElementRect(QStyle::SE_ItemViewItemText, &opt, widget).adjusted(margin, 0, -margin, 0);
    const QFontMetrics fm(opt.font);
    const QString shown = fm.elidedText(text, opt.textElideMode, r.width());

    QList<QTextLayout::FormatRange> ranges;
    QTextCharFormat mark;
    mark.setBackground(QColor(0xff, 0xd8, 0x4d));
    mark.setForeground(QColor(Qt::black));
    for (qsizetype at = shown.indexOf(needle, 0, Qt::CaseInsensitive); at >= 0 && !needle.isEmpty();
         at = shown.indexOf(needle, at + needle.size(), Qt::CaseInsensitive))
        ranges.append({int(at), int(needle.size()), mark});

    QTextLayout layout(shown, opt.font);
    layout.setFormats(ranges);
    layout.beginLayout();
    QTextLine line = layout.createLine();
    line.setLineWidth(r.width());
    layout.endLayout();
    painter->save();
    const bool selected = opt.state & QStyle::State_Selected;
    painter->setPen(opt.palette.color(opt.state & QStyle::State_Enabled ? QPalette::Normal : QPalette::Disabled,
                                      selected ? QPalette::HighlightedText : QPalette::Text));
    const QPointF origin(r.left(), r.top() + (r.height() - line.height()) / 2.0);
    layout.draw(painter, origin);
    painter->restore();
}
