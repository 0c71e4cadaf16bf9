// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// `tokendesk --list`: prints the inventory and returns the exit status (0, or 2
// when a module or token failed, was skipped after an earlier crash, or did not
// answer within --timeout). Never waits longer than that for one module.
int runList(const CommandLine &cl);
