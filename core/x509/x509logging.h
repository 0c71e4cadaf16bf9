// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// Certificate decoding, key conversion and file reading; vendor quirks that
// were tolerated are logged here so a bug report shows which one applied.
// Debug level: the token browser decodes every object on every refresh.
Q_DECLARE_LOGGING_CATEGORY(lcX509)
