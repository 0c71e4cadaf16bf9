// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"
#include "inventory/snapshot.h"

#include <QDateTime>
#include <QByteArrayView>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>

#include <functional>
#include <map>
#include <optional>

class Inventory;
class QTextStream;

// How --list prints (issue 12). Objects are always listed in ObjectOrder.
struct ReportOptions {
    // The clock certificates' expiry is measured against ("listedAt" prints it in whole seconds,
    // so daysLeft is what that second's start or end gives).
    QDateTime now = QDateTime::currentDateTimeUtc();
    int warningDays = 30;              // expiring within this many days: marked "expiring soon"
    std::optional<int> expiringWithin; // only certificates that expire within this many days or have expired
    // Whether a token is initialized as its device says, where the module's flag is known to
    // be wrong (OpenSC calls a never-initialized SmartCard-HSM initialized); key: InventoryReport::key.
    std::map<QString, bool> deviceInitialized;
};

// The `tokendesk --list` inventory: every module, slot, token and object with
// the facts the tree shows. Collected through the same Inventory as the GUI.
struct InventoryReport {
    std::vector<ModuleSnapshot> modules;
    std::map<QString, TokenContents> contents; // key: module path + '|' + identity key
    std::map<QString, QString> tokenErrors;    // same key: why objects could not be read
    std::map<QString, QString> loginErrors;    // same key: why --login failed (private objects not listed)
    int failedModules() const;
    // Modules not loaded + tokens whose info or objects could not be read or that
    // --login could not log in to: --list exits 2 unless 0.
    int failures() const;
    // Certificates options.expiringWithin selects in the whole report (--expiring-within exits 1 unless 0).
    int expiringCertificates(const ReportOptions &options) const;

    static QString key(const ModuleSnapshot &m, const TokenSnapshot &t);
    // Indexes into contents.objects of what to list, in ObjectOrder: every object, or
    // with options.expiringWithin only the certificates it selects.
    static std::vector<std::size_t> listed(const TokenContents &contents, const ReportOptions &options);
};

// Blocks until done: for the command line, never for the GUI thread.
InventoryReport collectReport(Inventory &inventory, const QList<ModuleSpec> &modules);
// The shape is published as resources/schema/tokendesk-list.schema.json (keep them in step).
QJsonDocument reportToJson(const InventoryReport &report, const ReportOptions &options = {});
// reportToJson's document after decorate(root), indented, handed to write piece by piece:
// each object is made and written on its own, so the whole document (a 5,000-certificate
// token's is 12 MB, twice that as QJsonObjects) is never in memory. Byte for byte what
// QJsonDocument(decorated root).toJson(Indented) gives (test_listoptions checks it).
void writeReportJson(const InventoryReport &report, const ReportOptions &options,
                     const std::function<void(QJsonObject &)> &decorate, const std::function<void(QByteArrayView)> &write);
// For a terminal: every string a module or certificate supplied is escaped (P11Text::escaped).
QString reportToText(const InventoryReport &report, const ReportOptions &options = {});
// The same written to ts as it is made (the command line: stdout, never the whole text in memory).
void writeReportText(const InventoryReport &report, const ReportOptions &options, QTextStream &ts);
// For spreadsheets (reportcsv.cpp): RFC 4180, UTF-8, a header row, one row per listed object.
// Written row by row, like the JSON: a 5,000-object listing is never in memory twice.
void writeReportCsv(const InventoryReport &report, const ReportOptions &options,
                    const std::function<void(QByteArrayView)> &write);
