// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/schsmstatus.h"

#include <QJsonArray>
#include <QString>

#include <utility>
#include <vector>

// The SmartCard-HSM part of `tokendesk --list`: the device facts of every
// reader whose card has the application, the same facts the device panel shows.
struct SchsmReport {
    std::vector<SchsmStatus> devices;
    std::vector<std::pair<QString, QString>> errors; // reader, sentence
    bool empty() const { return devices.empty() && errors.empty(); }
};

// Never throws: without a PC/SC service or readers the report is empty.
// Blocks; for the command line, never for the GUI thread.
SchsmReport collectSchsmReport();
QString schsmReportText(const SchsmReport &report); // empty when the report is
QJsonArray schsmReportJson(const SchsmReport &report);
