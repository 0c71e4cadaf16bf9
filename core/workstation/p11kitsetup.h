// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

// p11-kit: a module file for the user's ~/.config/pkcs11/modules/ so every
// p11-kit-aware program (GnuTLS, p11-kit-proxy) sees the module. p11-kit does
// not read these files for root.
namespace P11KitSetup {
QString moduleName(const KeyFacts &key);
QByteArray moduleFile(const KeyFacts &key);
// configHome: $XDG_CONFIG_HOME, or ~/.config.
SetupText generate(const KeyFacts &key, const QString &configHome);
} // namespace P11KitSetup
