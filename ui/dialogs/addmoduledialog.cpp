// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/addmoduledialog.h"

#include "inventory/discovery.h"
#include "p11/module.h"

#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

AddModuleDialog::AddModuleDialog(const QStringList &alreadyShown, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this))
{
    setWindowTitle(tr("Add PKCS#11 module"));
    auto *v = new QVBoxLayout(this);
    v->addWidget(new QLabel(tr("Modules registered with p11-kit on this computer:"), this));
    for (const ModuleSpec &s : Discovery::p11KitModules(true)) {
        const QString c = ModuleRegistry::canonicalPath(s.path);
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2").arg(s.name, s.path), m_list);
        item->setData(Qt::UserRole, s.path);
        if (alreadyShown.contains(c)) {
            item->setFlags(item->flags() & ~Qt::ItemIsEnabled);
            item->setText(item->text() + tr(" (already shown)"));
        }
    }
    v->addWidget(m_list);
    auto *hint = new QLabel(tr("Or choose the library file of another module, for example "
                               "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so (OpenSC), "
                               "/usr/lib/softhsm/libsofthsm2.so (SoftHSM) or your vendor's module."), this);
    hint->setWordWrap(true);
    v->addWidget(hint);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *browse = buttons->addButton(tr("Choose file…"), QDialogButtonBox::ActionRole);
    v->addWidget(buttons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("PKCS#11 module"), QStringLiteral("/usr/lib"),
                                                       tr("Shared libraries (*.so *.so.*);;All files (*)"));
        if (!f.isEmpty()) {
            m_path = f;
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (auto *item = m_list->currentItem(); item && (item->flags() & Qt::ItemIsEnabled)) {
            m_path = item->data(Qt::UserRole).toString();
            accept();
        }
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, buttons, &QDialogButtonBox::accepted);
}
