// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QList>
#include <QString>
#include <QStringList>

// `pkcs11-tool -L --module libsofthsm2.so`, parsed: an independent oracle for
// the label and flags of each token after each operation. It runs in its own
// process, so it reads what SoftHSM wrote to disk, not what our process caches.
struct Pkcs11ToolSlot {
    QString slotId;        // as printed, e.g. "0x18693121"
    bool initialized = false;
    QString label;
    QString serial;
    QStringList flags;     // "login required", "token initialized", "user PIN count low" …
    bool has(const char *flag) const { return flags.contains(QString::fromLatin1(flag)); }
};

class Pkcs11ToolList {
public:
    // Runs pkcs11-tool; fails the current test if it cannot.
    static QList<Pkcs11ToolSlot> read(const QString &module);
    static QList<Pkcs11ToolSlot> parse(const QString &output);
    // The slot whose token has this serial (initialized: false if none).
    static Pkcs11ToolSlot bySerial(const QString &module, const QString &serial);
};
