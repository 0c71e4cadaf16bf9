// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/signingchoices.h"

#include "keys/signaturescheme.h"
#include "keys/usagepreset.h"

#include <QComboBox>
#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SigningChoices)
};
} // namespace

void SigningChoices::fillUsagePresets(QComboBox *box, const QString &noneText)
{
    box->addItem(Tr::tr("TLS client"), int(UsagePreset::TlsClient));
    box->addItem(Tr::tr("TLS server"), int(UsagePreset::TlsServer));
    box->addItem(Tr::tr("Email protection (S/MIME)"), int(UsagePreset::EmailProtection));
    box->addItem(Tr::tr("Code signing"), int(UsagePreset::CodeSigning));
    box->addItem(noneText, int(UsagePreset::None));
}

void SigningChoices::fillDigests(QComboBox *box)
{
    box->addItem(QStringLiteral("SHA-256"), int(DigestAlgorithm::Sha256));
    box->addItem(QStringLiteral("SHA-384"), int(DigestAlgorithm::Sha384));
    box->addItem(QStringLiteral("SHA-512"), int(DigestAlgorithm::Sha512));
}
