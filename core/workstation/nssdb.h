// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <optional>

// One NSS database (sql: format: cert9.db, key4.db, pkcs11.txt) as Chromium
// (~/.pki/nssdb) and each Firefox profile keep it. Modules are added and
// removed with modutil (libnss3-tools), the way NSS documents it; -force only
// skips modutil's "close your browser" prompt, the caller checks that first.
namespace NssDb {
bool exists(const QString &dir); // holds cert9.db or pkcs11.txt
// The library registered under name, read from pkcs11.txt (no module is loaded);
// nullopt when there is no such module.
std::optional<QString> registeredLibrary(const QString &dir, const QString &name);
bool add(const QString &dir, const QString &name, const QString &library, QString *error);
bool remove(const QString &dir, const QString &name, QString *error);
// Firefox holds the profile open: its "lock" symlink is there, or another process
// holds the fcntl lock on ".parentlock" (Firefox on Linux takes both).
bool firefoxProfileInUse(const QString &profileDir);
} // namespace NssDb
