// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// The PKCS#11 headers come from p11-kit (the Debian package every module here
// is built against); everything in TokenDesk includes them through this file.
#include <p11-kit/pkcs11.h>

#ifndef CKK_EC_EDWARDS
#define CKK_EC_EDWARDS 0x40UL
#endif
#ifndef CKK_EC_MONTGOMERY
#define CKK_EC_MONTGOMERY 0x41UL
#endif
