// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/secretedit.h"

#include <QHideEvent>
#include <QKeyEvent>
#include <QShowEvent>
#include <QSignalBlocker>

#include <openssl/crypto.h>

namespace {
// Key sequences that would put the secret into an edit history or the clipboard.
bool isRefusedShortcut(const QKeyEvent *k)
{
    return k->matches(QKeySequence::Undo) || k->matches(QKeySequence::Redo) || k->matches(QKeySequence::Copy)
        || k->matches(QKeySequence::Cut);
}
} // namespace

SecretEdit::SecretEdit(QWidget *parent) : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password);
    // No autocompletion or input-method prediction may remember a secret.
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhNoPredictiveText | Qt::ImhNoAutoUppercase | Qt::ImhSensitiveData);
    setContextMenuPolicy(Qt::NoContextMenu);
    setDragEnabled(false);
}

SecretEdit::~SecretEdit() { wipeSilently(); }

SecureBytes SecretEdit::peek() const
{
    const QString text = QLineEdit::text(); // shares the edit's buffer, no new copy
    QByteArray utf8 = text.toUtf8();
    SecureBytes secret(utf8.constData(), std::size_t(utf8.size()));
    OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
    return secret;
}

SecureBytes SecretEdit::take()
{
    SecureBytes secret = peek();
    wipe();
    return secret;
}

void SecretEdit::wipeSilently()
{
    const QSignalBlocker quiet(this);
    const bool hadText = !QLineEdit::text().isEmpty();
    wipe();
    m_unreportedWipe = m_unreportedWipe || hadText;
}

void SecretEdit::wipe()
{
    QString text = QLineEdit::text();
    // setText(), not clear(): it also empties the undo history.
    setText(QString());
    if (text.isEmpty())
        return;
    // Once the edit has let go, ours is the last reference and data() does not
    // detach: overwrite it in place. If something else still shares the buffer,
    // data() would only make a copy, so leave it.
    if (text.isDetached())
        OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
}

qsizetype SecretEdit::utf8Length() const
{
    qsizetype n = 0;
    const QString text = QLineEdit::text();
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text.at(i).unicode();
        if (QChar::isHighSurrogate(c) && i + 1 < text.size() && QChar::isLowSurrogate(text.at(i + 1).unicode())) {
            n += 4;
            ++i;
        } else {
            n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
    }
    return n;
}

void SecretEdit::setRevealed(bool revealed) { setEchoMode(revealed ? QLineEdit::Normal : QLineEdit::Password); }

bool SecretEdit::event(QEvent *e)
{
    // Keep the window's Undo/Copy shortcuts from acting on us as well as our own.
    if (e->type() == QEvent::ShortcutOverride && isRefusedShortcut(static_cast<QKeyEvent *>(e))) {
        e->accept();
        return true;
    }
    return QLineEdit::event(e);
}

void SecretEdit::keyPressEvent(QKeyEvent *e)
{
    if (isRefusedShortcut(e)) {
        e->accept();
        return;
    }
    QLineEdit::keyPressEvent(e);
}

void SecretEdit::hideEvent(QHideEvent *e)
{
    // The window closed (a dialog's done(), a wizard's Cancel): nothing typed may
    // stay behind. Not for a wizard page being left (its window stays visible; the
    // wizard wipes at commit), nor for a minimized window (spontaneous event).
    // Silently: when this hide comes from ~QDialog, the dialog's own slots are gone.
    if (!e->spontaneous() && !window()->isVisible())
        wipeSilently();
    QLineEdit::hideEvent(e);
}

void SecretEdit::showEvent(QShowEvent *e)
{
    QLineEdit::showEvent(e);
    if (m_unreportedWipe) {
        m_unreportedWipe = false;
        Q_EMIT textChanged(QLineEdit::text());
    }
}
