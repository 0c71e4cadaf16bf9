// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core/keys: the OpenSSL owner (ossl::Owned, core/ossl/owned_p.h) under
// this folder's name, and the error handling every OpenSSL step shares.

#include <QByteArray>
#include <QString>

#include "ossl/owned_p.h"

#include <openssl/bio.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pkcs12.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace keysdetail {

template <typename T>
using Owned = ossl::Owned<T>;

inline const unsigned char *bytes(const QByteArray &b) { return reinterpret_cast<const unsigned char *>(b.constData()); }

// Throws TokenDeskError naming the step, after draining OpenSSL's thread-local
// error queue (executors are reused: no stale error may leak into the next job).
[[noreturn]] void opensslFailed(const char *step);
inline void ensure(long ok, const char *step)
{
    if (ok <= 0)
        opensslFailed(step);
}
void clearErrors();

template <typename T, typename F>
QByteArray toDer(const T *obj, F i2d)
{
    unsigned char *out = nullptr;
    const int n = i2d(const_cast<T *>(obj), &out); // several i2d_ take non-const in 3.0
    if (n <= 0)
        opensslFailed("DER encoding");
    QByteArray result(reinterpret_cast<const char *>(out), n);
    OPENSSL_free(out);
    return result;
}

// PEM armour ("-----BEGIN <type>-----", base64 in 64-character lines).
QByteArray pem(const QByteArray &der, const char *type);

} // namespace keysdetail
