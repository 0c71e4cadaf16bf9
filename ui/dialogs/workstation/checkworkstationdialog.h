// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/setuptarget.h"
#include "workstation/workstationcheck.h"

#include <QDialog>

class Inventory;
class QLabel;
class QPushButton;
class QTextBrowser;

// Help → Check this workstation…: the findings of WorkstationCheck (the same as
// tokendesk --check-workstation), each with its file, line, a plain sentence and
// the fix. The modules the Java configurations name are asked for their slots
// through the window's Inventory (on their executors, never on this thread).
class CheckWorkstationDialog : public QDialog {
    Q_OBJECT
public:
    CheckWorkstationDialog(Inventory &inventory, SetupPaths paths, QWidget *parent = nullptr);

    const QList<Finding> &findings() const { return m_findings; }
    QTextBrowser *view() const { return m_view; }
    QPushButton *recheckButton() const { return m_recheck; }
    bool isChecking() const { return m_checking; }

public Q_SLOTS:
    void recheck();

Q_SIGNALS:
    void checked();

private:
    void scanNext(QList<QString> libraries, InventoryReport report);
    void showFindings(const InventoryReport &report);

    Inventory &m_inventory;
    SetupPaths m_paths;
    QList<Finding> m_findings;
    QLabel *m_summary;
    QTextBrowser *m_view;
    QPushButton *m_recheck;
    bool m_checking = false;
};
