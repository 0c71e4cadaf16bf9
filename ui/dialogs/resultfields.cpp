// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/resultfields.h"

#include "dialogs/copybutton.h"

#include <QFormLayout>

ResultFields::ResultFields(QWidget *parent) : QWidget(parent)
{
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    hide();
}

void ResultFields::setFields(const QList<QPair<QString, QString>> &fields)
{
    auto *form = static_cast<QFormLayout *>(layout());
    while (form->rowCount() > 0)
        form->removeRow(0);
    m_values.clear();
    for (const auto &[name, value] : fields) {
        form->addRow(name, CopyButton::field(value, name, this));
        m_values << value;
    }
    setVisible(!fields.isEmpty());
}
