// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/signingchoices.h"

#include "keys/signaturescheme.h"
#include "keys/usagepreset.h"

#include <QComboBox>
#include <QCoreApplication>

void SigningChoices::fillUsagePresets(QComboBox *box, const QString &noneText)
{
    auto tr = [](const char *s) { return QCoreApplication::translate("SigningChoices", s); };
    box->addItem(tr("TLS client"), int(UsagePreset::TlsClient));
    box->addItem(tr("TLS server"), int(UsagePreset::TlsServer));
    box->addItem(tr("Email protection (S/MIME)"), int(UsagePreset::EmailProtection));
    box->addItem(tr("Code signing"), int(UsagePreset::CodeSigning));
    box->addItem(noneText, int(UsagePreset::None));
}

void SigningChoices::fillDigests(QComboBox *box)
{
    box->addItem(QStringLiteral("SHA-256"), int(DigestAlgorithm::Sha256));
    box->addItem(QStringLiteral("SHA-384"), int(DigestAlgorithm::Sha384));
    box->addItem(QStringLiteral("SHA-512"), int(DigestAlgorithm::Sha512));
}
