// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <vector>

class QTableWidget;

// The table of opened DKEK share files (file, opened with, check value) that the
// Check DKEK Shares dialog and the SmartCard-HSM Import wizard both show.
class DkekShareTable {
    Q_DECLARE_TR_FUNCTIONS(DkekShareTable)
public:
    struct Row {
        QString path;
        bool fromCustodianShares = false;
        QByteArray kcv;
    };
    static void setUp(QTableWidget *table);
    static void fill(QTableWidget *table, const std::vector<Row> &rows);
};
