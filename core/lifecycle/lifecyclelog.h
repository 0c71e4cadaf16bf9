// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Token initialization and PIN management. Logs steps, slots, labels and CKR
// codes; never a PIN (tests/lifecycle greps the captured log for the PINs used).
Q_DECLARE_LOGGING_CATEGORY(lcLifecycle)
