// SPDX-License-Identifier: GPL-3.0-or-later
// DKEK share files (the OpenSSL "Salted__" format sc-hsm-tool writes) and the
// custodian shares of an n-of-m share password, as typed or pasted. Hostile input:
// a result or DkekError, nothing else. The password is fixed; the point is the
// parsing and the decryption padding checks, not guessing it.
#include "dkek/custodianshare.h"
#include "dkek/dkeksharefile.h"
#include "dkek/passwordsharing.h"

#include "fuzzguard.h"

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
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, std::size_t size)
{
    const char *c = reinterpret_cast<const char *>(data);
    const QByteArray in = QByteArray::fromRawData(c, qsizetype(size));
    fuzz::guarded([&] {
        DkekShareFile::checkFormat(in);
        DkekShareFile::salt(in);
    });
    // One KDF round: the real count only makes each run slower, not the parsing different.
    fuzz::guarded([&] { DkekShareFile::open(in, secure("password", 8), 1); });
    // n-of-m custodian shares as printed (several sheets pasted together: repeated or
    // different primes, mixed group lengths), then combined as the DKEK import combines them.
    fuzz::guarded([&] {
        const std::vector<CustodianShare> shares = CustodianShare::parsePrinted(secure(c, size));
        std::vector<const CustodianShare *> set;
        for (const CustodianShare &s : shares) {
            s.printedForm();
            set.push_back(&s);
        }
        PasswordSharing::passwordCandidates(PasswordSharing::reconstruct(set));
    });
    // The three fields of the "enter a share" form, separated by newlines.
    const QString text = QString::fromUtf8(in);
    const QStringList f = text.split(QLatin1Char('\n'));
    if (f.size() >= 3) {
        const QByteArray value = f[2].toUtf8();
        fuzz::guarded([&] { CustodianShare::parse(f[0], f[1], secure(value.constData(), std::size_t(value.size()))); });
    }
    return 0;
}
