// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/setuptarget.h"

#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

struct InventoryReport;

// "Check this workstation": reads what is configured for PKCS#11 and says
// what is wrong, each finding with its file, line and a fix.
//  - Java: the SunPKCS11 configurations and java.security overrides where
//    --setup java writes them (library missing; a slot id the module no longer
//    has; a slotListIndex that opens another token than the name says).
//  - OpenSSL: the files --setup openssl writes and the one OPENSSL_CONF names
//    (MODULE_PATH, dynamic_path, pkcs11-module-path missing).
//  - NSS: Chromium's and each Firefox profile's pkcs11.txt (a registered
//    library that is gone). Read from the file rather than `modutil -list`:
//    that loads every module (slow, and a broken one can hang it) and gives no
//    line number.
//  - p11-kit: the user's module files (module: path missing).
//  - OpenSSH: PKCS11Provider lines in ~/.ssh/config.
struct Finding {
    QString consumer; // java, openssl, nss, p11kit, ssh
    QString file;
    int line = 0;     // 1-based
    QString problem;  // a sentence
    QString fix;      // a sentence
};

namespace WorkstationCheck {
// The libraries the Java configurations name (that exist): the caller lists their slots.
QStringList javaLibraries(const SetupPaths &paths);
// report: the modules of javaLibraries() with their slots (read without login).
// opensslConf: the value of OPENSSL_CONF, or empty.
QList<Finding> check(const SetupPaths &paths, const InventoryReport &report, const QString &opensslConf);
QString toText(const QList<Finding> &findings);
QJsonDocument toJson(const QList<Finding> &findings);
} // namespace WorkstationCheck
