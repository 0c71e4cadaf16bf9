// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/secretinput.h"

#include <QLineEdit>

#include <openssl/crypto.h>

SecureBytes SecretInput::peek(const QLineEdit *edit)
{
    const QString text = edit->text(); // shares the edit's buffer; no new copy
    QByteArray utf8 = text.toUtf8();
    SecureBytes secret(utf8.constData(), std::size_t(utf8.size()));
    OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
    return secret;
}

SecureBytes SecretInput::take(QLineEdit *edit)
{
    SecureBytes secret = peek(edit);
    wipe(edit);
    return secret;
}

void SecretInput::wipe(QLineEdit *edit)
{
    QString text = edit->text();
    edit->setText(QString());
    // Once the edit has let go, ours is the last reference and data() does not
    // detach: overwrite the characters in place. If something else still holds
    // the buffer, data() would only copy it, so leave it.
    if (text.isEmpty() || !text.isDetached())
        return;
    OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
}
