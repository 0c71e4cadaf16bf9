// SPDX-License-Identifier: GPL-3.0-or-later
#include "gui.h"

#include "commandline.h"
#include "inventory/inventory.h"
#include "mainwindow.h"
#include "p11/module.h"

#include <QApplication>
#include <QIcon>

int runGui(const CommandLine &cl)
{
    ModuleRegistry registry;
    Inventory inventory(registry);
    MainWindow window(inventory, [cl] { return cl.moduleSpecs(); });
    window.setWindowIcon(QIcon(QStringLiteral(":/icons/tokendesk.svg")));
    window.show();
    window.refreshAll();
    return QApplication::exec();
}
