// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/kdfmonitor.h"
#include "dkek/legacykdf.h"
#include "p11/securebytes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <optional>

// A SmartCard-HSM / Nitrokey HSM DKEK share file, byte for byte as sc-hsm-tool
// writes it: "Salted__", an 8-byte salt, then AES-256-CBC (PKCS#7 padding) of
// the 32-byte share, key and IV from legacyBytesToKeyMd5(). 64 bytes in all.
// The file itself is ciphertext and may be held in a QByteArray; the share and
// the password only ever in SecureBytes.
class DkekShareFile {
public:
    static constexpr int kFileSize = 64;
    static constexpr int kHeaderSize = 16; // magic + salt
    static constexpr int kShareSize = 32;
    static QByteArray magic() { return QByteArrayLiteral("Salted__"); }

    // Size and magic only (no password needed). Throws DkekError.
    static void checkFormat(const QByteArray &file);
    // The salt from a file that passed checkFormat().
    static LegacySalt salt(const QByteArray &file);

    // Encrypts a 32-byte share under password. nullopt when the monitor cancelled.
    static std::optional<QByteArray> seal(const SecureBytes &share, const SecureBytes &password,
                                          const LegacySalt &salt, quint32 iterations,
                                          KdfMonitor *monitor = nullptr);
    // Decrypts a file; throws DkekError (wrong password, size, magic). nullopt when cancelled.
    static std::optional<SecureBytes> open(const QByteArray &file, const SecureBytes &password,
                                           quint32 iterations, KdfMonitor *monitor = nullptr);

    // Reads a file from disk, refusing anything that cannot be a share (size, magic).
    static QByteArray read(const QString &path);

    // The file in base64, 64 characters a line (as "openssl base64" prints it), for paper.
    static QStringList base64Lines(const QByteArray &file);
};
