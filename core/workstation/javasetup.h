// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

// Java 9+ (checked with JDK 17): a SunPKCS11 configuration file, a
// java.security override that installs it as provider providerIndex, and the
// keytool commands for both ways of loading it.
//
// Slot selection: SunPKCS11 accepts `slot` (a slot id) or `slotListIndex` (a
// position in C_GetSlotList), nothing by token label or serial (JDK 17 rejects
// a `tokenLabel` line). slotListIndex opens whichever token is n-th, so the
// file names the slot id and the notes say when it goes stale.
struct JavaSetupOptions {
    QString dir;            // where the two files go
    int providerIndex = 12; // JDK 11/17/21 list SunPKCS11 (unconfigured) as provider 12
};

namespace JavaSetup {
QString configPath(const KeyFacts &key, const JavaSetupOptions &options);
QString overridePath(const KeyFacts &key, const JavaSetupOptions &options);
QByteArray config(const KeyFacts &key);                         // the SunPKCS11 configuration
QByteArray securityOverride(const QString &configPath, int providerIndex); // java.security line
SetupText generate(const KeyFacts &key, const JavaSetupOptions &options);
} // namespace JavaSetup
