// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmlog.h"

Q_LOGGING_CATEGORY(lcSchsm, "tokendesk.schsm", QtInfoMsg)
