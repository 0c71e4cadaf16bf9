// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QByteArray>
#include <QString>

#include <vector>

// The SmartCard-HSM identifies a DKEK (and each share) by its key check value:
// the first 8 bytes of SHA-256 over the key. The device forms the DKEK by XOR
// of all imported shares, so the KCV can be checked before touching a device.

// SHA-256(key)[:8]. Not secret: sc-hsm-tool prints it and so does the device.
QByteArray dkekKeyCheckValue(const SecureBytes &key);
// XOR of 32-byte shares; throws DkekError if there are none or a size differs.
SecureBytes combineDkekShares(const std::vector<const SecureBytes *> &shares);
// "37F1C935F7EE4831": upper case, ungrouped, exactly as sc-hsm-tool and the device print it, so
// a user compares the same characters. The one form of a KCV on screen, on paper, in --list and logs.
QString formatKeyCheckValue(const QByteArray &kcv);
