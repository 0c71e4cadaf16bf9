// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/signaturescheme.h"

QString SignatureScheme::digestName(DigestAlgorithm d)
{
    switch (d) {
    case DigestAlgorithm::Sha256: return QStringLiteral("sha256");
    case DigestAlgorithm::Sha384: return QStringLiteral("sha384");
    case DigestAlgorithm::Sha512: return QStringLiteral("sha512");
    }
    return QStringLiteral("sha256");
}
