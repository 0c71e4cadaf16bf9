// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/attributesdialog.h"

#include "attributes/attributetext.h"
#include "dialogs/copybutton.h"
#include "dialogs/dialogfit.h"
#include "keys/tokenobjects.h"
#include "p11/errortext.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

AttributesDialog::AttributesDialog(Inventory &inventory, TokenRef token, ObjectInfo object, QWidget *parent)
    : QDialog(parent), m_status(new QLabel(this)), m_table(new QTableWidget(0, 4, this)),
      m_copyAll(new CopyButton(tr("Copy &all"), [this] { return AttributeText::all(m_attributes); }, this))
{
    const QString what = TokenObjects::describe(object);
    setWindowTitle(tr("Attributes of %1").arg(what));
    auto *v = new QVBoxLayout(this);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->setText(tr("Reading every attribute of %1 from the token…").arg(what.toHtmlEscaped()));
    v->addWidget(m_status);
    m_table->setHorizontalHeaderLabels({tr("Attribute"), tr("Type"), tr("Value"), QString()});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(TypeColumn, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ValueColumn, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(CopyColumn, QHeaderView::ResizeToContents);
    m_table->setAccessibleName(tr("Attributes"));
    v->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_copyAll, QDialogButtonBox::ActionRole);
    m_copyAll->setEnabled(false);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    DialogFit::initial(this, 900);
    resize(width(), std::min(DialogFit::availableHeight(this), 620));

    // Reading only: closing the dialog while it runs is fine, the result is dropped.
    AttributeDump::readAsync(inventory, token, object)
        .then(this, [this](const std::vector<AttributeValue> &attributes) { fill(attributes); })
        .onCanceled(this, [this] {
            m_status->setText(tr("The token went away before its attributes were read."));
            Q_EMIT loaded(false);
        })
        .onFailed(this, [this](const std::exception &) {
            m_status->setText(QStringLiteral("<span style='color:#b02020'>%1</span>")
                                  .arg(describeFailure(tr("Reading attributes"), userError(std::current_exception()))
                                           .toHtmlEscaped()));
            Q_EMIT loaded(false);
        });
}

void AttributesDialog::fill(const std::vector<AttributeValue> &attributes)
{
    m_attributes = attributes;
    m_table->setRowCount(int(attributes.size()));
    for (int row = 0; row < int(attributes.size()); ++row) {
        const AttributeValue &a = attributes[std::size_t(row)];
        const QString value = AttributeText::display(a);
        const QString hex = AttributeText::hex(a);
        m_table->setItem(row, NameColumn, new QTableWidgetItem(AttributeText::name(a)));
        m_table->setItem(row, TypeColumn, new QTableWidgetItem(AttributeText::type(a)));
        auto *item = new QTableWidgetItem(value);
        // The whole value, and the bytes behind a decoded one, on hover.
        item->setToolTip(hex.isEmpty() || hex == value ? value : tr("%1\n\nRaw: %2").arg(value, hex));
        if (a.state != AttributeValue::State::Value)
            item->setForeground(palette().placeholderText());
        m_table->setItem(row, ValueColumn, item);
        auto *copy = new CopyButton(tr("Copy"), [value] { return value; }, m_table);
        copy->setAccessibleName(tr("Copy %1").arg(AttributeText::name(a)));
        m_table->setCellWidget(row, CopyColumn, copy);
    }
    m_table->resizeRowsToContents();
    m_status->setText(tr("%n attribute(s) returned by the module. Values it keeps secret are shown as “(sensitive)”; "
                         "hover over a value for its raw bytes.",
                         nullptr, int(attributes.size())));
    m_copyAll->setEnabled(!attributes.empty());
    m_loaded = true;
    Q_EMIT loaded(true);
}

QString AttributesDialog::valueOf(const QString &attributeName) const
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (m_table->item(row, NameColumn)->text() == attributeName)
            return m_table->item(row, ValueColumn)->text();
    return {};
}

QString AttributesDialog::errorText() const { return m_loaded ? QString() : m_status->text(); }
