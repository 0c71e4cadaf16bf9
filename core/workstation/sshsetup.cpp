// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/sshsetup.h"

#include <QCoreApplication>

namespace SshSetup {

QByteArray configLine(const KeyFacts &key)
{
    // ssh_config takes a double-quoted argument when it has blanks.
    const QByteArray path = key.modulePath.toUtf8();
    return "PKCS11Provider " + (path.contains(' ') ? '"' + path + '"' : path) + '\n';
}

SetupText generate(const KeyFacts &key, const QString &sshConfigPath)
{
    using SetupTextFormat::shellQuote;
    SetupText t;
    // Merged at the end of the file: "Host *" ends whichever Host or Match section the user's
    // last lines are in, and the user's own PKCS11Provider lines above still win (ssh takes the
    // first value it reads).
    t.files << SetupFile{sshConfigPath, "Host *\n" + configLine(key), true};
    t.commands << QStringLiteral("ssh-keygen -D %1").arg(shellQuote(key.modulePath))
               << QStringLiteral("ssh-add -s %1").arg(shellQuote(key.modulePath));
    t.notes << QCoreApplication::translate("SshSetup",
                                           "ssh uses every key of every token this module shows; the line for this key "
                                           "ends with its label “%1”.")
                   .arg(key.objectLabel);
    return t;
}

} // namespace SshSetup
