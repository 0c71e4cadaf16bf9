// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

struct CommandLine;

// Creates the services (module registry, inventory), the main window and, when
// asked, the demo token; runs the event loop.
int runGui(const CommandLine &cl);
