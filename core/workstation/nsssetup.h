// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

#include <QStringList>

// Browsers (NSS): the module registered with modutil in Chromium's database
// (~/.pki/nssdb) and in each Firefox profile listed in
// ~/.mozilla/firefox/profiles.ini. A profile Firefox has open is refused.
// NSS names the key <token label>:<key label>.
namespace NssSetup {
// The profile folders profiles.ini lists (IsRelative=1: relative to its folder), in file order.
QStringList firefoxProfiles(const QString &home);
SetupText generate(const KeyFacts &key, const QString &home);
} // namespace NssSetup
