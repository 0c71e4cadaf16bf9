// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// SmartCard-HSM device work over PC/SC. Logs readers, instructions and status
// words only; never an APDU's data (it may carry a PIN, SO-PIN or DKEK share).
Q_DECLARE_LOGGING_CATEGORY(lcSchsm)
