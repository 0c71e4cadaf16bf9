// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/copybutton.h"

#include <QApplication>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPointer>
#include <QTimer>

#include <algorithm>

namespace {
const char *const kOriginalText = "tokendeskCopyText";
} // namespace

CopyButton::CopyButton(const QString &text, std::function<QString()> source, QWidget *parent) : QPushButton(text, parent)
{
    setAutoDefault(false); // Enter in the dialog never copies
    attach(this, std::move(source));
}

void CopyButton::attach(QAbstractButton *button, std::function<QString()> source)
{
    button->setProperty(kOriginalText, button->text());
    // "Copied" may be wider than the button's own word: keep the width so nothing jumps.
    button->setMinimumWidth(std::max(button->sizeHint().width(),
                                     button->fontMetrics().horizontalAdvance(QApplication::translate("CopyButton", "Copied")) + 24));
    QObject::connect(button, &QAbstractButton::clicked, button, [button, source = std::move(source)] {
        QApplication::clipboard()->setText(source());
        button->setText(QApplication::translate("CopyButton", "Copied"));
        QPointer<QAbstractButton> guard(button);
        QTimer::singleShot(kFeedbackMs, button, [guard] {
            if (guard)
                guard->setText(guard->property(kOriginalText).toString());
        });
    });
}

QWidget *CopyButton::field(const QString &text, const QString &accessibleName, QWidget *parent)
{
    auto *row = new QWidget(parent);
    auto *h = new QHBoxLayout(row);
    h->setContentsMargins(0, 0, 0, 0);
    auto *edit = new QLineEdit(text, row);
    edit->setReadOnly(true);
    edit->setAccessibleName(accessibleName);
    edit->setCursorPosition(0);
    edit->setToolTip(text);
    h->addWidget(edit, 1);
    auto *copy = new CopyButton(QApplication::translate("CopyButton", "Copy"), [edit] { return edit->text(); }, row);
    copy->setAccessibleName(QApplication::translate("CopyButton", "Copy %1").arg(accessibleName));
    h->addWidget(copy);
    return row;
}
