// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/dkeklog.h"

Q_LOGGING_CATEGORY(lcDkek, "tokendesk.dkek", QtInfoMsg)
