// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/javasetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {
QString baseName(const KeyFacts &key)
{
    return SetupTextFormat::safeName(key.tokenLabel, QStringLiteral("token"));
}

// SunPKCS11 reads values with a StreamTokenizer: a path with blanks must be in double quotes.
QByteArray configValue(const QString &value)
{
    const QByteArray v = QFile::encodeName(value);
    const bool plain = !v.isEmpty() && !v.contains(' ') && !v.contains('\t') && !v.contains('"') && !v.contains('#');
    return plain ? v : '"' + v + '"';
}
} // namespace

namespace JavaSetup {

QString configPath(const KeyFacts &key, const JavaSetupOptions &options)
{
    return QDir(options.dir).filePath(QStringLiteral("%1-pkcs11.cfg").arg(baseName(key)));
}

QString overridePath(const KeyFacts &key, const JavaSetupOptions &options)
{
    return QDir(options.dir).filePath(QStringLiteral("%1-java.security").arg(baseName(key)));
}

QByteArray config(const KeyFacts &key)
{
    // The provider becomes "SunPKCS11-<name>"; name must be one word.
    return "# TokenDesk: token \"" + key.tokenLabel.toUtf8() + "\", serial " + key.tokenSerial.toUtf8()
        + "\nname = TokenDesk-" + baseName(key).toUtf8() + "\nlibrary = " + configValue(key.modulePath)
        + "\nslot = " + QByteArray::number(qulonglong(key.slotId)) + '\n';
}

QByteArray securityOverride(const QString &configPath, int providerIndex)
{
    // A properties file: a backslash would start an escape.
    QString path = configPath;
    path.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    return "security.provider." + QByteArray::number(providerIndex) + "=SunPKCS11 " + path.toUtf8() + '\n';
}

SetupText generate(const KeyFacts &key, const JavaSetupOptions &options)
{
    using SetupTextFormat::shellQuote;
    const QString cfg = configPath(key, options);
    const QString over = overridePath(key, options);
    SetupText t;
    t.files << SetupFile{cfg, config(key)} << SetupFile{over, securityOverride(cfg, options.providerIndex)};
    t.commands << QStringLiteral("keytool -list -storetype PKCS11 -addprovider SunPKCS11 -providerArg %1").arg(shellQuote(cfg))
               << QStringLiteral("keytool -J-Djava.security.properties=%1 -list -storetype PKCS11").arg(shellQuote(over))
               << QStringLiteral("java -Djava.security.properties=%1 -Djavax.net.ssl.keyStore=NONE "
                                 "-Djavax.net.ssl.keyStoreType=PKCS11 …")
                      .arg(shellQuote(over));
    t.notes << QCoreApplication::translate("JavaSetup",
                                           "Java selects the token by slot id %1: Java has no setting for a token label "
                                           "or serial, and slotListIndex would open whichever token comes first.")
                   .arg(qulonglong(key.slotId))
            << QCoreApplication::translate("JavaSetup",
                                           "SoftHSM gives a token a new slot id when it is initialized again; generate "
                                           "this configuration again after that.")
            << QCoreApplication::translate("JavaSetup",
                                           "keytool asks for the PIN; in scripts use -storepass:file with a file only "
                                           "you can read, never -storepass on the command line.");
    return t;
}

} // namespace JavaSetup
