// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QList>
#include <QSettings>
#include <QStringList>

// Modules that took TokenDesk down (or hung until it was closed) while it loaded or
// used them. They are not loaded automatically again until the user asks: the GUI
// offers to try again or remove them, `--list` reports and skips them. Kept in the
// settings under "modules/crashed", filled at start from the crash records that
// ModuleActivity leaves behind. Such a module is marked to run in a separate
// process from then on (Discovery::setIsolated), so trying it again is safe.
struct CrashedModule {
    Q_DECLARE_TR_FUNCTIONS(CrashedModule)
public:
    QString path;       // canonical
    QStringList calls;  // what it was doing: dlopen, C_Initialize, C_FindObjects…
    QDateTime when;
    bool hung = false;  // did not answer and TokenDesk was closed, rather than crashed
    // One sentence for the user, naming the module, the call and the time.
    QString description() const;
};

namespace CrashedModules {
// Where this process's modules keep their crash records.
QString activityDir();
// Moves the records of TokenDesk processes that ended during a module call into
// the settings; returns every module that is skipped now (new and old).
QList<CrashedModule> collect(QSettings &settings, const QString &activityDir);
QList<CrashedModule> list(const QSettings &settings);
// The entry for path (any spelling of it), or null.
const CrashedModule *find(const QList<CrashedModule> &crashed, const QString &path);
// "Try again": load it automatically from now on (a new crash puts it back).
void forget(QSettings &settings, const QString &path);
// specs without the crashed modules.
QList<ModuleSpec> withoutCrashed(const QList<ModuleSpec> &specs, const QList<CrashedModule> &crashed);
} // namespace CrashedModules
