// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// `tokendesk --list`: prints the inventory (text, JSON or CSV; objects in ObjectOrder)
// and returns the exit status. Never waits longer than --timeout for one module.
// Exit status, the first that applies:
//   64  usage: a bad option, a --token that is not a URI, --pin-fd while several tokens
//       ask for a PIN, no terminal to ask for the PIN (nothing is printed then);
//    2  something could not be read: a module or token failed, was skipped after an
//       earlier crash or did not answer; a --token matched no token; a --login failed
//       (wrong PIN: that token is listed without its private objects);
//    1  --expiring-within: at least one certificate expires within DAYS or has expired;
//    0  otherwise.
// Failures come before expiring certificates: a check that could not read every token
// cannot say that nothing expires.
int runList(const CommandLine &cl);
