// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/setuptarget.h"

#include "workstation/gskitsetup.h"
#include "workstation/javasetup.h"
#include "workstation/nsssetup.h"
#include "workstation/opensslsetup.h"
#include "workstation/p11kitsetup.h"
#include "workstation/sshsetup.h"

#include <QDir>

SetupPaths SetupPaths::current()
{
    SetupPaths p;
    p.home = QDir::homePath();
    p.configHome = qEnvironmentVariable("XDG_CONFIG_HOME");
    if (p.configHome.isEmpty())
        p.configHome = QDir(p.home).filePath(QStringLiteral(".config"));
    p.stateHome = qEnvironmentVariable("XDG_STATE_HOME");
    if (p.stateHome.isEmpty())
        p.stateHome = QDir(p.home).filePath(QStringLiteral(".local/state"));
    p.enginePath = OpensslSetup::defaultEnginePath();
    return p;
}

namespace SetupTargets {

QStringList names()
{
    return {QStringLiteral("java"), QStringLiteral("openssl"), QStringLiteral("ssh"), QStringLiteral("p11kit"), QStringLiteral("nss"),
            QStringLiteral("gskit")};
}

std::optional<SetupTarget> fromName(const QString &name)
{
    const int i = int(names().indexOf(name));
    if (i < 0)
        return std::nullopt;
    return SetupTarget(i);
}

SetupText generate(SetupTarget target, const KeyFacts &key, const SetupPaths &paths)
{
    const QString own = QDir(paths.configHome).filePath(QStringLiteral("tokendesk"));
    switch (target) {
    case SetupTarget::Java: {
        JavaSetupOptions o;
        o.dir = own;
        return JavaSetup::generate(key, o);
    }
    case SetupTarget::Openssl: {
        OpensslSetupOptions o;
        o.dir = own;
        o.enginePath = paths.enginePath;
        return OpensslSetup::generate(key, o);
    }
    case SetupTarget::Ssh:
        return SshSetup::generate(key, QDir(paths.home).filePath(QStringLiteral(".ssh/config")));
    case SetupTarget::P11Kit:
        return P11KitSetup::generate(key, paths.configHome);
    case SetupTarget::Nss:
        return NssSetup::generate(key, paths.home);
    case SetupTarget::Gskit:
        return GskitSetup::generate(key, own);
    }
    return {};
}

} // namespace SetupTargets
