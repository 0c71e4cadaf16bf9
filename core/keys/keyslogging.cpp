// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/keyslogging.h"

Q_LOGGING_CATEGORY(lcKeys, "tokendesk.keys", QtInfoMsg)
