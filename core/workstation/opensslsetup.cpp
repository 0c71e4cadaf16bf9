// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/opensslsetup.h"

#include <QCoreApplication>
#include <QDir>

#include <openssl/crypto.h>

namespace {
// openssl.cnf values: a backslash escapes the characters the parser would treat specially.
QByteArray confValue(const QString &value)
{
    QByteArray out;
    for (const char c : value.toUtf8()) {
        if (c == '\\' || c == '$' || c == '#' || c == '"' || c == '\'')
            out += '\\';
        out += c;
    }
    return out;
}
} // namespace

namespace OpensslSetup {

QString defaultEnginePath()
{
    // "ENGINESDIR: \"/usr/lib/x86_64-linux-gnu/engines-3\""
    QString dir = QString::fromUtf8(OpenSSL_version(OPENSSL_ENGINES_DIR));
    const int open = dir.indexOf(QLatin1Char('"'));
    const int close = dir.lastIndexOf(QLatin1Char('"'));
    dir = open >= 0 && close > open ? dir.mid(open + 1, close - open - 1) : QString();
    return dir.isEmpty() ? QString() : QDir(dir).filePath(QStringLiteral("pkcs11.so"));
}

QString configPath(const KeyFacts &key, const OpensslSetupOptions &options)
{
    return QDir(options.dir).filePath(
        QStringLiteral("%1-openssl.cnf").arg(SetupTextFormat::safeName(key.tokenLabel, QStringLiteral("token"))));
}

QByteArray config(const KeyFacts &key, const QString &enginePath)
{
    return "# TokenDesk: the pkcs11 engine for token \"" + key.tokenLabel.toUtf8()
        + "\"; use with OPENSSL_CONF (it replaces the system openssl.cnf)\n"
          "openssl_conf = openssl_init\n\n"
          "[openssl_init]\nengines = engine_section\n\n"
          "[engine_section]\npkcs11 = pkcs11_section\n\n"
          "[pkcs11_section]\nengine_id = pkcs11\ndynamic_path = "
        + confValue(enginePath) + "\nMODULE_PATH = " + confValue(key.modulePath) + "\ninit = 0\n";
}

SetupText generate(const KeyFacts &key, const OpensslSetupOptions &options)
{
    using SetupTextFormat::shellQuote;
    const QString cfg = configPath(key, options);
    const QString uri = shellQuote(key.uri);
    const QString subject = shellQuote(QStringLiteral("/CN=") + (key.objectLabel.isEmpty() ? key.tokenLabel : key.objectLabel));
    SetupText t;
    t.files << SetupFile{cfg, config(key, options.enginePath)};
    t.commands << QStringLiteral("export OPENSSL_CONF=%1").arg(shellQuote(cfg))
               << QStringLiteral("openssl req -new -engine pkcs11 -keyform engine -key %1 -subj %2 -out request.csr")
                      .arg(uri, subject)
               << QStringLiteral("openssl dgst -sha256 -engine pkcs11 -keyform engine -sign %1 -out file.sig file")
                      .arg(uri);
    t.notes << QCoreApplication::translate("OpensslSetup",
                                           "Give openssl this file through OPENSSL_CONF: its -config option does not "
                                           "load engines.")
            << QCoreApplication::translate("OpensslSetup",
                                           "openssl asks for the PIN; in scripts use -passin file:… with a file only "
                                           "you can read.");
    return t;
}

} // namespace OpensslSetup
