// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/x509logging.h"

Q_LOGGING_CATEGORY(lcX509, "tokendesk.x509", QtInfoMsg)
