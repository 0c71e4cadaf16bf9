// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

// The TokenDesk side of the benchmark, run as a child process so that it is
// measured exactly like pkcs11-tool: a fresh process that loads the module
// (directly, or pkcs11-spy in front of it), finds the token by label, logs in
// and reads every object with all the attributes the tree and detail panes
// need (Scanner::readObjects). Prints one line:
//   objects=<n> enumerate_ms=<readObjects only> inprocess_ms=<load..unload>
// Returns the process exit code.
namespace EnumerationChild {
int run(const QString &modulePath, const QString &tokenLabel, const QString &pin);
} // namespace EnumerationChild
