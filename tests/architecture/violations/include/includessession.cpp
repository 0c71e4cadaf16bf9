// SPDX-License-Identifier: GPL-3.0-or-later
// Never compiled: the include the ui_no_session check must catch.
#include "p11/session.h"
