// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/crashedmodules.h"

#include <QDialog>

class QVBoxLayout;

// Shown at start when modules crashed or hung TokenDesk before: names each one
// and what it was doing, and offers to try it again (it is loaded at once) or to
// remove it (modules the user added). Closing the dialog keeps the rest skipped.
class CrashedModulesDialog : public QDialog {
    Q_OBJECT
public:
    // userModules: canonical paths of the modules the user added (those can be removed).
    CrashedModulesDialog(const QList<CrashedModule> &crashed, const QStringList &userModules, QWidget *parent = nullptr);

Q_SIGNALS:
    // The settings changed: the module list should be read again.
    void retried(const QString &path);
    void removed(const QString &path);

private:
    void rowDone(QWidget *row);
    QVBoxLayout *m_rows;
};
