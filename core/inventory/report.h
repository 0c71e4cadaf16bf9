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
    // Modules not loaded + tokens whose info or objects could not be read: --list exits 2 unless 0.
    int failures() const;
};

// Blocks until done: for the command line, never for the GUI thread.
InventoryReport collectReport(Inventory &inventory, const QList<ModuleSpec> &modules);
// The shape is published as resources/schema/tokendesk-list.schema.json (keep them in step).
QJsonDocument reportToJson(const InventoryReport &report);
// For a terminal: every string a module or certificate supplied is escaped (P11Text::escaped).
QString reportToText(const InventoryReport &report);
