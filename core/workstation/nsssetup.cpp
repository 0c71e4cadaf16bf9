// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/nsssetup.h"

#include "workstation/nssdb.h"
#include "workstation/p11kitsetup.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(NssSetup)
};

constexpr qint64 kMaxProfilesIni = 1024 * 1024;
} // namespace

namespace NssSetup {

QStringList firefoxProfiles(const QString &home)
{
    const QDir firefox(QDir(home).filePath(QStringLiteral(".mozilla/firefox")));
    QFile ini(firefox.filePath(QStringLiteral("profiles.ini")));
    if (ini.size() > kMaxProfilesIni || !ini.open(QIODevice::ReadOnly))
        return {};
    // [ProfileN] sections with Path= and IsRelative=; [General] and [Install…] have no profile.
    // Read by hand: QSettings would split a Path= with a comma into a list.
    QStringList out;
    bool inProfile = false, relative = true;
    QString path;
    const auto flush = [&] {
        if (inProfile && !path.isEmpty()) {
            const QString dir = relative ? firefox.filePath(path) : path;
            if (!out.contains(QDir::cleanPath(dir)))
                out << QDir::cleanPath(dir);
        }
        path.clear();
        relative = true;
    };
    for (const QByteArray &raw : ini.readAll().split('\n')) {
        const QString line = QString::fromUtf8(raw).trimmed();
        if (line.startsWith(QLatin1Char('['))) {
            flush();
            inProfile = line.startsWith(QLatin1String("[Profile"));
        } else if (line.startsWith(QLatin1String("Path="))) {
            path = line.mid(5);
        } else if (line.startsWith(QLatin1String("IsRelative="))) {
            relative = line.mid(11) != QLatin1String("0");
        }
    }
    flush();
    return out;
}

SetupText generate(const KeyFacts &key, const QString &home)
{
    using SetupTextFormat::shellQuote;
    SetupText t;
    const QString name = P11KitSetup::moduleName(key);
    const auto add = [&](const QString &dir, const QString &refusal) {
        t.nss << NssRegistration{dir, name, key.modulePath, refusal};
        t.commands << QStringLiteral("modutil -dbdir %1 -add %2 -libfile %3 -force")
                          .arg(shellQuote(QStringLiteral("sql:") + dir), shellQuote(name), shellQuote(key.modulePath));
    };
    const QString chromium = QDir(home).filePath(QStringLiteral(".pki/nssdb"));
    if (NssDb::exists(chromium))
        add(chromium, QString());
    else
        t.notes << Tr::tr("Chromium has no certificate database in %1 yet; start Chromium once, then run this again.")
                       .arg(chromium);
    for (const QString &profile : firefoxProfiles(home)) {
        if (!NssDb::exists(profile)) {
            t.notes << Tr::tr("The Firefox profile %1 has no certificate database yet; start Firefox with it once.")
                           .arg(profile);
            continue;
        }
        const bool inUse = NssDb::firefoxProfileInUse(profile);
        const QString refusal = inUse ? Tr::tr("Firefox has the profile %1 open; close Firefox and run this again. "
                                               "Nothing was changed.")
                                            .arg(profile)
                                      : QString();
        if (inUse)
            t.notes << refusal;
        add(profile, refusal);
    }
    if (!t.nss.isEmpty())
        t.commands << QStringLiteral("certutil -L -d %1 -h %2")
                          .arg(shellQuote(QStringLiteral("sql:") + t.nss.first().dbDir), shellQuote(key.tokenLabel));
    t.notes << Tr::tr("In NSS the key is “%1:%2” (token label, colon, key label), for example in certutil -n.")
                   .arg(key.tokenLabel, key.objectLabel)
            << Tr::tr("The browser asks for the PIN when a site asks for a client certificate.");
    return t;
}

} // namespace NssSetup
