// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// tokendesk --setup java|openssl|ssh|p11kit --key <PKCS#11 URI> --print [--module PATH]…
// Finds the key (without login) and prints what "Use this key in…" would write.
namespace WorkstationCli {
bool wanted(int argc, char **argv);
int run(const QStringList &arguments); // exit code: 0, 2 (key not found), 64 (usage)
} // namespace WorkstationCli
