// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/crashedmodulesdialog.h"

#include "inventory/discovery.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSettings>
#include <QStyle>

CrashedModulesDialog::CrashedModulesDialog(const QList<CrashedModule> &crashed, const QStringList &userModules,
                                           QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Modules skipped after a crash"));
    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("These modules stopped TokenDesk or did not answer the last time they were used. "
                                "They were not loaded, so TokenDesk could start. Try one again if its reader or "
                                "driver has been fixed."),
                             this);
    intro->setWordWrap(true);
    v->addWidget(intro);
    m_rows = new QVBoxLayout;
    v->addLayout(m_rows);
    for (const CrashedModule &c : crashed) {
        auto *row = new QWidget(this);
        row->setObjectName(c.path);
        auto *h = new QHBoxLayout(row);
        h->setContentsMargins(0, 0, 0, 0);
        auto *icon = new QLabel(row);
        icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(32, 32));
        h->addWidget(icon, 0, Qt::AlignTop);
        auto *text = new QLabel(c.description(), row);
        text->setWordWrap(true);
        text->setTextInteractionFlags(Qt::TextSelectableByMouse);
        h->addWidget(text, 1);
        auto *retry = new QPushButton(tr("Try again"), row);
        retry->setObjectName(QStringLiteral("retry"));
        h->addWidget(retry, 0, Qt::AlignTop);
        auto *remove = new QPushButton(tr("Remove"), row);
        remove->setObjectName(QStringLiteral("remove"));
        const bool userAdded = userModules.contains(c.path);
        remove->setEnabled(userAdded);
        if (!userAdded)
            remove->setToolTip(tr("This module is registered with p11-kit; uninstall its package to remove it. "
                                  "Until then TokenDesk keeps skipping it."));
        h->addWidget(remove, 0, Qt::AlignTop);
        m_rows->addWidget(row);
        const QString path = c.path;
        connect(retry, &QPushButton::clicked, this, [this, row, path] {
            QSettings settings;
            CrashedModules::forget(settings, path);
            rowDone(row);
            Q_EMIT retried(path);
        });
        connect(remove, &QPushButton::clicked, this, [this, row, path] {
            QSettings settings;
            Discovery::removeUserModule(settings, path);
            CrashedModules::forget(settings, path);
            rowDone(row);
            Q_EMIT removed(path);
        });
    }
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setText(tr("Keep skipped"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    v->addWidget(buttons);
}

void CrashedModulesDialog::rowDone(QWidget *row)
{
    row->hide();
    row->deleteLater();
    // The last row answered: nothing left to decide.
    int open = 0;
    for (int i = 0; i < m_rows->count(); ++i)
        if (QWidget *w = m_rows->itemAt(i)->widget(); w && w != row)
            ++open;
    if (!open)
        accept();
}
