// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// tokendesk --setup java|openssl|ssh|p11kit --key <PKCS#11 URI> --print|--write|--dry-run [--module PATH]…
// tokendesk --setup-undo
// tokendesk --check-workstation [--json]
// Finds the key (without login) and prints, compares or writes what "Use this key in…"
// would write; --setup-undo puts back the files of the last write; --check-workstation
// reports configuration that names modules or slots that are gone (exit 1 then).
namespace WorkstationCli {
bool wanted(int argc, char **argv);
int run(const QStringList &arguments); // exit code: 0, 1 (write or undo failed), 2 (key not found), 64 (usage)
} // namespace WorkstationCli
