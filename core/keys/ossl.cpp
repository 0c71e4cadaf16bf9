// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/ossl_p.h"

#include "p11/pkcs11error.h"

#include <QCoreApplication>

#include <openssl/err.h>

namespace keysdetail {

void clearErrors() { ERR_clear_error(); }

void opensslFailed(const char *step)
{
    const unsigned long e = ERR_get_error();
    ERR_clear_error();
    char buf[256] = {};
    if (e)
        ERR_error_string_n(e, buf, sizeof buf);
    throw TokenDeskError(QCoreApplication::translate("Keys", "OpenSSL failed (%1: %2).")
                             .arg(QLatin1String(step), QString::fromLatin1(buf)));
}

QByteArray pem(const QByteArray &der, const char *type)
{
    QByteArray out = QByteArray("-----BEGIN ") + type + "-----\n";
    const QByteArray b64 = der.toBase64();
    for (qsizetype i = 0; i < b64.size(); i += 64)
        out += b64.mid(i, 64) + '\n';
    out += QByteArray("-----END ") + type + "-----\n";
    return out;
}

} // namespace keysdetail
