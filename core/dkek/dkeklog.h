// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLoggingCategory>

// DKEK share work. Logs paths, sizes and key check values only; never a
// password, share, custodian share or derived key.
Q_DECLARE_LOGGING_CATEGORY(lcDkek)
