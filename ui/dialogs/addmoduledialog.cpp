// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/addmoduledialog.h"

#include "inventory/discovery.h"
#include "inventory/moduleprobe.h"
#include "p11/module.h"
#include "p11/modulehelper.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

AddModuleDialog::AddModuleDialog(const QStringList &alreadyShown, QWidget *parent)
    : QDialog(parent), m_list(new QListWidget(this)), m_status(new QLabel(this)),
      m_isolated(new QCheckBox(tr("Run in a separate process (safer, slower)"), this)), m_probe(new ModuleProbe(this))
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
    v->addWidget(m_isolated);
    auto *cost = new QLabel(ModuleHelper::costText(), this);
    cost->setWordWrap(true);
    cost->setIndent(20);
    m_isolated->setToolTip(cost->text());
    v->addWidget(cost);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_status);
    auto *buttons = m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *browse = buttons->addButton(tr("Choose file…"), QDialogButtonBox::ActionRole);
    v->addWidget(buttons);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("PKCS#11 module"), QStringLiteral("/usr/lib"),
                                                       tr("Shared libraries (*.so *.so.*);;All files (*)"));
        if (!f.isEmpty())
            tryModule(f);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (auto *item = m_list->currentItem(); item && (item->flags() & Qt::ItemIsEnabled))
            tryModule(item->data(Qt::UserRole).toString());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_list, &QListWidget::itemDoubleClicked, buttons, &QDialogButtonBox::accepted);
}

void AddModuleDialog::tryModule(const QString &path)
{
    if (m_probe->isRunning())
        return;
    m_trying = path;
    m_status->setText(tr("Trying %1 in a separate process…").arg(path));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    m_list->setEnabled(false);
    connect(m_probe, &ModuleProbe::finished, this, &AddModuleDialog::probeFinished, Qt::UniqueConnection);
    m_probe->start(path);
}

bool AddModuleDialog::runIsolated() const { return m_isolated->isChecked(); }

bool AddModuleDialog::isTrying() const { return m_probe->isRunning(); }

QString AddModuleDialog::status() const { return m_status->text(); }

void AddModuleDialog::probeFinished(bool ok, const QString &message)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    m_list->setEnabled(true);
    if (ok) {
        m_path = m_trying;
        m_status->setText(message);
        accept();
        return;
    }
    m_status->setText(tr("%1 was not added. %2").arg(m_trying, message));
}

void AddModuleDialog::reject()
{
    m_probe->cancel();
    QDialog::reject();
}
