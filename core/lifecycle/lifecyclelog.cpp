// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/lifecyclelog.h"

Q_LOGGING_CATEGORY(lcLifecycle, "tokendesk.lifecycle", QtInfoMsg)
