// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLineEdit>
#include <QList>
#include <QPersistentModelIndex>

class QTreeView;

// The filter box above the token tree (Ctrl+F; Esc clears). Matches what the
// model's SearchTextRole holds (label, subject, issuer, serial, CKA_ID,
// fingerprints, URI), hides the rows that neither match nor lead to a match, and
// opens the way to each match; clearing it closes again what it opened. The
// tree's model and indexes stay the same (rows are hidden in the view, not
// proxied), so selection and every index the window holds keep working.
class TreeFilter : public QLineEdit {
    Q_OBJECT
public:
    explicit TreeFilter(QTreeView *view, QWidget *parent = nullptr);
    // The text matched (trimmed, lower-case); empty when not filtering.
    QString needle() const { return m_needle; }
    // Whether the row of index matches the filter itself (not only leads to a match).
    bool matches(const QModelIndex &index) const;
    // Makes index visible: clears the filter when it hides it (a key ↔ certificate jump).
    void reveal(const QModelIndex &index);
    // Whether the filter hides index (the row itself or a row above it).
    bool hides(const QModelIndex &index) const;
    // What an object group's count cell shows while filtering ("3 of 12"); empty when not
    // filtering, or for other rows (the model's count stands then).
    QString groupCount(const QModelIndex &index) const;

Q_SIGNALS:
    void applied(); // rows were shown or hidden for the current text

protected:
    void keyPressEvent(QKeyEvent *e) override;

private:
    void apply();
    // Returns whether any row below parent stays visible.
    bool filterRows(const QModelIndex &parent, bool ancestorMatched);

    QTreeView *m_view;
    QString m_needle;
    bool m_scheduled = false;
    QList<QPersistentModelIndex> m_expandedByFilter;
};
