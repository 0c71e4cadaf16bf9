// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkeksharetable.h"

#include "dkek/keycheckvalue.h"

#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QTableWidget>

void DkekShareTable::setUp(QTableWidget *table)
{
    table->setColumnCount(3);
    table->setHorizontalHeaderLabels({tr("Share file"), tr("Opened with"), tr("Share check value")});
    table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    table->verticalHeader()->setVisible(false);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
}

void DkekShareTable::fill(QTableWidget *table, const std::vector<Row> &rows)
{
    table->setRowCount(int(rows.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < int(rows.size()); ++row) {
        const Row &r = rows[std::size_t(row)];
        auto *file = new QTableWidgetItem(QFileInfo(r.path).fileName());
        file->setToolTip(QDir::toNativeSeparators(r.path));
        table->setItem(row, 0, file);
        table->setItem(row, 1, new QTableWidgetItem(r.fromCustodianShares ? tr("custodian shares") : tr("password")));
        auto *kcv = new QTableWidgetItem(formatKeyCheckValue(r.kcv));
        kcv->setFont(mono);
        table->setItem(row, 2, kcv);
    }
}
