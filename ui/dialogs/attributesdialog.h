// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attributes/attributedump.h"
#include "inventory/snapshot.h"
#include "inventory/tokenref.h"

#include <QDialog>

class Inventory;
class QLabel;
class QPushButton;
class QTableWidget;

// "Show all attributes…": every attribute the module returns for one object
// (PKCS#11 cannot list them, so each standard type is asked for on the token's
// worker), with its type, its value decoded where the type is known and in hex
// otherwise, "(sensitive)" for hidden values; Copy per row and Copy all.
// Read-only: the dialog never writes, and can be closed while it reads.
class AttributesDialog : public QDialog {
    Q_OBJECT
public:
    enum Column { NameColumn, TypeColumn, ValueColumn, CopyColumn };
    AttributesDialog(Inventory &inventory, TokenRef token, ObjectInfo object, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    QPushButton *copyAllButton() const { return m_copyAll; }
    // The value column's text for an attribute ("CKA_LABEL"); empty if the object has none.
    QString valueOf(const QString &attributeName) const;
    QString errorText() const;
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    // The read ended (ok: the table is filled).
    void loaded(bool ok);

private:
    void fill(const std::vector<AttributeValue> &attributes);

    QLabel *m_status;
    QTableWidget *m_table;
    QPushButton *m_copyAll;
    std::vector<AttributeValue> m_attributes;
    bool m_loaded = false;
};
