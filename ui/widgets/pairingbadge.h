// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QIcon>

// The mark of a key ↔ certificate pairing problem (a CKA_ID mismatch, a certificate of
// another key) on an object's name. Deliberately unlike the expiry badges (ExpiryBadge:
// red circle, amber triangle, grey circle) and the style's warning triangle: a violet
// square holding a broken chain link, so "does not pair" never reads as "expires".
namespace PairingBadge {
QIcon icon();
} // namespace PairingBadge
