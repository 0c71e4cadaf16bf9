// SPDX-License-Identifier: GPL-3.0-or-later
// DKEK share files (the OpenSSL "Salted__" format sc-hsm-tool writes) and the
// custodian shares of an n-of-m share password, as typed or pasted. Hostile input:
// a result or DkekError, nothing else. The password is fixed; the point is the
// parsing and the decryption padding checks, not guessing it.
#include "dkek/custodianshare.h"
#include "dkek/dkeksharefile.h"

#include <QByteArray>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace {
SecureBytes secure(const char *s, std::size_t n)
{
    SecureBytes b(n);
    if (n) // an empty vector's data() may be null, and memcpy must not get null
        std::memcpy(b.data(), s, n);
    return b;
}

template <typename F> void guarded(F f)
{
    try {
        f();
    } catch (const std::exception &) {
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const char *c = reinterpret_cast<const char *>(data);
    const QByteArray in = QByteArray::fromRawData(c, qsizetype(size));
    guarded([&] {
        DkekShareFile::checkFormat(in);
        DkekShareFile::salt(in);
    });
    // One KDF round: the real count only makes each run slower, not the parsing different.
    guarded([&] { DkekShareFile::open(in, secure("password", 8), 1); });
    guarded([&] { CustodianShare::parsePrinted(secure(c, size)); });
    // The three fields of the "enter a share" form, separated by newlines.
    const QString text = QString::fromUtf8(in);
    const QStringList f = text.split(QLatin1Char('\n'));
    if (f.size() >= 3) {
        const QByteArray value = f[2].toUtf8();
        guarded([&] { CustodianShare::parse(f[0], f[1], secure(value.constData(), std::size_t(value.size()))); });
    }
    return 0;
}
