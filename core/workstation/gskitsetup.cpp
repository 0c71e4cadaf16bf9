// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/gskitsetup.h"

#include <QCoreApplication>
#include <QDir>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(GskitSetup)
};

// An MQSC string literal: single quotes, a quote inside doubled.
QString mqscQuote(const QString &value)
{
    QString v = value;
    v.replace(QLatin1Char('\''), QLatin1String("''"));
    return QLatin1Char('\'') + v + QLatin1Char('\'');
}
} // namespace

namespace GskitSetup {

QString mqscLine(const KeyFacts &key, const QString &keyDatabaseStem)
{
    // GSK_PKCS11=<module>;<token label>;<token PIN>;<symmetric cipher setting>;
    const QString crypto = QStringLiteral("GSK_PKCS11=%1;%2;<token PIN>;SYMMETRIC_CIPHER_OFF;").arg(key.modulePath, key.tokenLabel);
    return QStringLiteral("ALTER QMGR SSLKEYR(%1) CERTLABL(%2) SSLCRYP(%3)")
        .arg(mqscQuote(keyDatabaseStem), mqscQuote(key.objectLabel), mqscQuote(crypto));
}

SetupText generate(const KeyFacts &key, const QString &dir)
{
    using SetupTextFormat::shellQuote;
    const QString crypto =
        QStringLiteral("-crypto %1 -tokenlabel %2").arg(shellQuote(key.modulePath), shellQuote(key.tokenLabel));
    const QString stem = QDir(dir).filePath(SetupTextFormat::safeName(key.tokenLabel, QStringLiteral("token")) + QStringLiteral("-mq/key"));
    SetupText t;
    t.commands << QStringLiteral("runmqakm -cert -list %1").arg(crypto)
               << QStringLiteral("runmqakm -cert -details %1 -label %2").arg(crypto, shellQuote(key.objectLabel))
               << QStringLiteral("runmqakm -keydb -create -db %1 -type cms -stash").arg(shellQuote(stem + QStringLiteral(".kdb")))
               << QStringLiteral("runmqakm -cert -add -db %1 -stashed -label ca -file ca.pem")
                      .arg(shellQuote(stem + QStringLiteral(".kdb")));
    t.notes << Tr::tr("The token label is “%1”, exactly as the module reports it; GSKit finds the token by it.")
                   .arg(key.tokenLabel)
            << Tr::tr("runmqakm asks for the token PIN when -pw is left out; a PIN after -pw would be visible "
                      "to other users of this computer.")
            << Tr::tr("The key database holds the CA certificates MQ trusts; the key and its certificate stay on "
                      "the token.")
            << Tr::tr("In runmqsc for the queue manager: %1").arg(mqscLine(key, stem))
            << Tr::tr("MQ reads the token PIN from SSLCRYP: put it in place of <token PIN> yourself; TokenDesk never "
                      "writes a PIN.");
    if (key.tokenLabel.contains(QLatin1Char(';')))
        t.notes << Tr::tr("The token label contains “;”, which ends a field of SSLCRYP: MQ cannot use this token "
                          "until it has a label without it.");
    return t;
}

} // namespace GskitSetup
