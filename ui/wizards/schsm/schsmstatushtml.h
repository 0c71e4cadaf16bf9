// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

#include <utility>
#include <vector>

struct SchsmStatus;

// Rich text for the SmartCard-HSM wizards: a two-column table of facts, and the
// device's state as read back (what the result pages show).
class SchsmStatusHtml {
    Q_DECLARE_TR_FUNCTIONS(SchsmStatusHtml)
public:
    // Each key and value is escaped here.
    static QString table(const std::vector<std::pair<QString, QString>> &rows);
    static QString status(const SchsmStatus &status);
};
