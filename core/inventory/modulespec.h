// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// A module as discovered (p11-kit config) or added by the user.
struct ModuleSpec {
    QString path;       // as configured; Inventory works with its canonical form
    QString name;       // p11-kit's module name, or the file's base name
    bool userAdded = false;
    // "Run in a separate process" (ModuleHelper): chosen by the user, or set
    // automatically after the module crashed or hung TokenDesk (CrashedModules).
    bool isolated = false;
};
