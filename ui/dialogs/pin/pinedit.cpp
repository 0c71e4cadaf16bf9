// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/pin/pinedit.h"

#include <QHideEvent>

#include <openssl/crypto.h>

PinEdit::PinEdit(QWidget *parent) : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    // No autocompletion or input-method prediction may remember a PIN.
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase | Qt::ImhSensitiveData);
    setContextMenuPolicy(Qt::NoContextMenu);
}

PinEdit::~PinEdit() { wipe(); }

SecureBytes PinEdit::peek() const
{
    const QString text = QLineEdit::text(); // shares the edit's buffer, no new copy
    QByteArray utf8 = text.toUtf8();
    SecureBytes pin(utf8.constData(), std::size_t(utf8.size()));
    OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
    return pin;
}

SecureBytes PinEdit::take()
{
    SecureBytes pin = peek();
    wipe();
    return pin;
}

void PinEdit::wipe()
{
    QString text = QLineEdit::text();
    if (text.isEmpty())
        return;
    setText(QString());
    // Once the edit has let go, ours is the last reference and data() does not
    // detach: overwrite it in place. If something else still shares the buffer,
    // data() would only make a copy, so leave it.
    if (text.isDetached())
        OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
}

void PinEdit::hideEvent(QHideEvent *e)
{
    // The window closed (a dialog's done(), a wizard's Cancel): nothing typed may
    // stay behind. Not for a wizard page being left (its window stays visible; the
    // wizard wipes at commit), nor for a minimized window (spontaneous event).
    if (!e->spontaneous() && !window()->isVisible())
        wipe();
    QLineEdit::hideEvent(e);
}
