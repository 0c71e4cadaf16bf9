// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"

#include <QList>
#include <QSettings>

// Which modules to show: those registered with p11-kit (its module config
// files, as `p11-kit list-modules` sees them) plus those the user added.
namespace Discovery {
// p11-kit's modules, as p11-kit loads them (it dlopens each, without initializing it:
// OpenSC's module brings GLib's GIO along). Trust-policy modules
// (p11-kit-trust: the system CA store, hundreds of read-only certificates) are
// left out unless includeTrust is set; they are not keystores.
QList<ModuleSpec> p11KitModules(bool includeTrust = false);
// The name p11-kit gives the module at path (its config file's name without ".module"),
// read from p11-kit's module config directories without loading any module; empty when
// no config names it. For `--module PATH`, which loads that module only.
QString p11KitModuleName(const QString &path);
// Modules the user added, remembered in settings under "modules/user".
QList<ModuleSpec> userModules(const QSettings &settings);
void addUserModule(QSettings &settings, const QString &path);
void removeUserModule(QSettings &settings, const QString &path);
// Both lists, user modules last, each path once (canonical form compared), each
// with its "run in a separate process" choice.
QList<ModuleSpec> allModules(const QSettings &settings);
// "Run in a separate process", remembered per module (any kind, canonical path) in
// settings under "modules/isolated".
bool isIsolated(const QSettings &settings, const QString &path);
void setIsolated(QSettings &settings, const QString &path, bool isolated);
// specs with the remembered choice applied; all of them when forceAll (--isolate).
QList<ModuleSpec> withIsolation(QList<ModuleSpec> specs, const QSettings &settings, bool forceAll = false);
} // namespace Discovery
