// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <functional>

// Every PKCS#11 call goes through P11CALL (module.h), which asks this guard
// whether it runs on the GUI thread. A token call there freezes the window for
// as long as the token takes, so it is a programming error: by default it aborts
// with the function's name. Tests install their own handler to observe it.
namespace ThreadGuard {
using Handler = std::function<void(const char *function)>;
void setViolationHandler(Handler h);   // empty handler restores the default (qFatal)
bool onGuiThread();
void check(const char *function);
} // namespace ThreadGuard
