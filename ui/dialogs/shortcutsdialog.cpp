// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/shortcutsdialog.h"

#include "dialogs/dialogfit.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
// Whether o belongs to a dialog or wizard the window holds (a job window, this dialog).
bool insideDialog(const QObject *o, const QObject *window)
{
    for (const QObject *p = o->parent(); p && p != window; p = p->parent())
        if (qobject_cast<const QDialog *>(p))
            return true;
    return false;
}

// The children of window of type T that have keys and are not inside one of its dialogs.
template <typename T, typename Keys>
QList<T *> keyedChildren(QWidget *window, Keys keys)
{
    QList<T *> out;
    for (T *c : window->findChildren<T *>())
        if (!(c->*keys)().isEmpty() && !insideDialog(c, window))
            out << c;
    return out;
}
} // namespace

QList<QAction *> ShortcutsDialog::actionsOf(QWidget *window) { return keyedChildren<QAction>(window, &QAction::shortcuts); }

QList<QShortcut *> ShortcutsDialog::shortcutsOf(QWidget *window) { return keyedChildren<QShortcut>(window, &QShortcut::keys); }

ShortcutsDialog::ShortcutsDialog(const QList<QAction *> &actions, const QList<QShortcut *> &shortcuts, QWidget *parent)
    : QDialog(parent), m_table(new QTableWidget(0, 2, this))
{
    setWindowTitle(tr("Keyboard shortcuts"));
    auto *v = new QVBoxLayout(this);
    m_table->setHorizontalHeaderLabels({tr("Action"), tr("Keys")});
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    for (const QAction *a : actions)
        addRow(QString(a->text()).remove(QLatin1Char('&')), a->shortcuts());
    for (const QShortcut *s : shortcuts)
        addRow(s->whatsThis().isEmpty() ? s->objectName() : s->whatsThis(), s->keys());
    m_table->sortItems(0);
    v->addWidget(m_table, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    DialogFit::initial(this, 460);
    resize(width(), std::min(DialogFit::availableHeight(this), 480));
}

void ShortcutsDialog::addRow(const QString &name, const QList<QKeySequence> &keys)
{
    if (keys.isEmpty())
        return;
    QStringList texts;
    for (const QKeySequence &k : keys)
        texts << k.toString(QKeySequence::NativeText);
    const int row = m_table->rowCount();
    m_table->insertRow(row);
    m_table->setItem(row, 0, new QTableWidgetItem(name));
    m_table->setItem(row, 1, new QTableWidgetItem(texts.join(tr(" or "))));
}
