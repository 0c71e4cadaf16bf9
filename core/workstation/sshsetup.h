// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

// OpenSSH: the PKCS11Provider line for ~/.ssh/config (a marked block: the
// user's other lines stay as they are) and the commands that print the public
// keys (for authorized_keys) and load them into ssh-agent.
namespace SshSetup {
QByteArray configLine(const KeyFacts &key);
SetupText generate(const KeyFacts &key, const QString &sshConfigPath);
} // namespace SshSetup
