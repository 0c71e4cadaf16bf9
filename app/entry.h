// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "commandline.h"

#include <optional>

class QCoreApplication;
class QString;

// TokenDesk is two programs. `tokendesk` links Qt Core only: the command line (--list,
// --setup, --check-backup, --probe-module, --help) starts as fast and as small as the
// OpenSC tools it stands next to. Without a command-line action it hands the process over
// (exec) to `tokendesk-gui`, which links the widgets and opens the window. Both start here.
namespace Entry {
// Opens the window (tokendesk-gui) or hands over to the program that does (tokendesk).
// Called with the original arguments, before any application object exists.
using WindowMain = int (*)(int argc, char **argv);

// Usage errors, the command-line actions, or windowMain for everything else.
int run(int argc, char **argv, WindowMain windowMain);

// Names, version and translations: the first thing either program does with its application.
void setUp(QCoreApplication &app);

// The arguments parsed; nullopt after saying the usage error on stderr (exit 64).
// help, when given, receives the --help or --version text.
std::optional<CommandLine> parseArguments(const QStringList &arguments, QString *help = nullptr);

// Before any module is loaded: modules that took an earlier run down are skipped from now on.
void collectCrashedModules();
} // namespace Entry
