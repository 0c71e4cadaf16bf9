// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/certificateinfo.h"

#include <QColor>
#include <QIcon>

// The badge a certificate's expiry state gets in the tree. Each state has its own
// shape as well as its colour (a red circle with a cross, an amber triangle with
// an exclamation mark, a grey circle with a bar), so it reads without colour too.
namespace ExpiryBadge {
// Null for a valid certificate: no badge.
QIcon icon(CertificateValidity v);
// Text colour for the expiry cell; invalid (the palette's) for a valid certificate.
QColor textColor(CertificateValidity v);
} // namespace ExpiryBadge
