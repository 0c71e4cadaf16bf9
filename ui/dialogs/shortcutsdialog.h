// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QDialog>

class QAction;
class QShortcut;
class QTableWidget;

// Help → Keyboard shortcuts: every action and shortcut of the main window that has keys,
// read from the QActions and QShortcuts themselves so the list cannot drift from what the
// keys do. A QShortcut is named by its whatsThis().
class ShortcutsDialog : public QDialog {
    Q_OBJECT
public:
    ShortcutsDialog(const QList<QAction *> &actions, const QList<QShortcut *> &shortcuts = {}, QWidget *parent = nullptr);
    // The actions and shortcuts of window itself: not those of the dialogs and wizards it holds.
    static QList<QAction *> actionsOf(QWidget *window);
    static QList<QShortcut *> shortcutsOf(QWidget *window);
    QTableWidget *table() const { return m_table; }

private:
    void addRow(const QString &name, const QList<QKeySequence> &keys);

    QTableWidget *m_table;
};
