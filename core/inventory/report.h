// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"
#include "inventory/snapshot.h"

#include <QJsonDocument>
#include <QList>

#include <map>

class Inventory;

// The `tokendesk --list` inventory: every module, slot, token and object with
// the facts the tree shows. Collected through the same Inventory as the GUI.
struct InventoryReport {
    std::vector<ModuleSnapshot> modules;
    std::map<QString, TokenContents> contents; // key: module path + '|' + identity key
    std::map<QString, QString> tokenErrors;    // same key: why objects could not be read
    int failedModules() const;
};

// Blocks until done: for the command line, never for the GUI thread.
InventoryReport collectReport(Inventory &inventory, const QList<ModuleSpec> &modules);
QJsonDocument reportToJson(const InventoryReport &report);
QString reportToText(const InventoryReport &report);
