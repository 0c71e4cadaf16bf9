// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

#include <QStringList>

#include <optional>

// The consumers "Use this key in…" knows, and where each one's files go.
enum class SetupTarget { Java, Openssl, Ssh, P11Kit, Nss, Gskit };

struct SetupPaths {
    QString home;       // the user's home directory
    QString configHome; // $XDG_CONFIG_HOME, or home/.config
    QString enginePath; // OpenSSL's pkcs11 engine
    QString stateHome;  // $XDG_STATE_HOME, or home/.local/state (the setup journal)
    // From the environment of this process.
    static SetupPaths current();
};

namespace SetupTargets {
QStringList names(); // "java", "openssl", "ssh", "p11kit", "nss", "gskit"
std::optional<SetupTarget> fromName(const QString &name);
// Java and OpenSSL files go to configHome/tokendesk, ssh's line to home/.ssh/config,
// the p11-kit module file to configHome/pkcs11/modules; NSS registers the module in
// the browsers' databases under home; GSKit (IBM MQ) is commands only.
SetupText generate(SetupTarget target, const KeyFacts &key, const SetupPaths &paths);
} // namespace SetupTargets
