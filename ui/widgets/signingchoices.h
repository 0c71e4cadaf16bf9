// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QComboBox;

// The usage-preset and digest choices shared by every dialog that signs a
// request or certificate on the token (CSR wizard, self-signed certificate).
namespace SigningChoices {
// Items carry int(UsagePreset); noneText names the "no usage extensions" choice.
void fillUsagePresets(QComboBox *box, const QString &noneText);
// Items carry int(DigestAlgorithm): SHA-256, SHA-384, SHA-512.
void fillDigests(QComboBox *box);
} // namespace SigningChoices
