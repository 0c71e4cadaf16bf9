// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/legacykdf.h"

#include "dkek/dkekerror.h"

#include <QCoreApplication>

#include <openssl/crypto.h>
#include <openssl/md5.h>

#include <algorithm>
#include <cstring>

// MD5_Init/Update/Final are deprecated in OpenSSL 3, but the EVP interface costs
// about twice as much per 16-byte hash and this loop runs 30 million of them
// (measured by tests/bench/dkek). The warning is silenced for this file only.
QT_WARNING_PUSH
QT_WARNING_DISABLE_DEPRECATED

namespace {

// Wipes the MD5 state and the running digest on every exit path.
struct Md5Scratch {
    MD5_CTX ctx;
    unsigned char digest[MD5_DIGEST_LENGTH];
    ~Md5Scratch()
    {
        OPENSSL_cleanse(&ctx, sizeof ctx);
        OPENSSL_cleanse(digest, sizeof digest);
    }
};

} // namespace

std::optional<LegacyKeyIv> legacyBytesToKeyMd5(const SecureBytes &password, const LegacySalt &salt,
                                                quint32 iterations, KdfMonitor *monitor)
{
    if (iterations < 1)
        throw DkekError::invalidParameters(
            QCoreApplication::translate("DkekError", "The key derivation needs at least one iteration."));

    constexpr int kKeyLen = 32, kIvLen = 16, kTotal = kKeyLen + kIvLen;
    constexpr int kRounds = (kTotal + MD5_DIGEST_LENGTH - 1) / MD5_DIGEST_LENGTH; // 3
    const quint64 totalWork = quint64(kRounds) * iterations;
    quint64 done = 0;

    SecureBytes out(kTotal);
    Md5Scratch s;

    // EVP_BytesToKey: D_1 = MD5^count(password || salt),
    //                 D_i = MD5^count(D_{i-1} || password || salt); key || iv = D_1 || D_2 || D_3.
    for (int round = 0; round < kRounds; ++round) {
        MD5_Init(&s.ctx);
        if (round > 0)
            MD5_Update(&s.ctx, s.digest, sizeof s.digest);
        MD5_Update(&s.ctx, password.data(), password.size());
        MD5_Update(&s.ctx, salt.data(), salt.size());
        MD5_Final(s.digest, &s.ctx);

        quint32 i = 1;
        while (i < iterations) {
            const quint32 chunkEnd = quint32(std::min<quint64>(quint64(i) + kKdfReportStride, iterations));
            for (; i < chunkEnd; ++i) {
                MD5_Init(&s.ctx);
                MD5_Update(&s.ctx, s.digest, sizeof s.digest);
                MD5_Final(s.digest, &s.ctx);
            }
            if (monitor && !monitor->proceed(done + i, totalWork))
                return std::nullopt;
        }
        done += iterations;

        const int offset = round * MD5_DIGEST_LENGTH;
        std::memcpy(out.data() + offset, s.digest, std::min<int>(MD5_DIGEST_LENGTH, kTotal - offset));
    }
    if (monitor && !monitor->proceed(totalWork, totalWork))
        return std::nullopt;

    LegacyKeyIv result{SecureBytes(out.data(), kKeyLen), SecureBytes(out.data() + kKeyLen, kIvLen)};
    return result;
}

QT_WARNING_POP
