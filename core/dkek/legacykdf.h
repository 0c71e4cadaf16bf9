// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/kdfmonitor.h"
#include "p11/securebytes.h"

#include <array>
#include <optional>

// Key and IV for AES-256-CBC, as EVP_BytesToKey(aes-256-cbc, md5, …) returns them.
struct LegacyKeyIv {
    SecureBytes key; // 32 bytes
    SecureBytes iv;  // 16 bytes
};

using LegacySalt = std::array<unsigned char, 8>;

// sc-hsm-tool derives the DKEK share file key with this iteration count.
inline constexpr quint32 kDkekShareIterations = 10'000'000;
// How many MD5 iterations run between two calls of KdfMonitor::proceed().
// 16384 iterations take a few milliseconds, so Cancel answers well within a second.
inline constexpr quint32 kKdfReportStride = 1u << 14;

// OpenSSL's EVP_BytesToKey with cipher AES-256-CBC and digest MD5, written as a
// loop that reports progress and can be cancelled. Returns nullopt when the
// monitor asked to stop. iterations must be at least 1.
//
// This exists only for compatibility: SmartCard-HSM / Nitrokey HSM DKEK share
// files (written by sc-hsm-tool and the SmartCard-Shell) use the OpenSSL
// "Salted__" format with this KDF and 10,000,000 iterations. MD5 and
// EVP_BytesToKey are not a recommended password KDF for anything new.
std::optional<LegacyKeyIv> legacyBytesToKeyMd5(const SecureBytes &password, const LegacySalt &salt,
                                                quint32 iterations, KdfMonitor *monitor = nullptr);
