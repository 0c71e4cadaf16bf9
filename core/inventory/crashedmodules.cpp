// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/crashedmodules.h"

#include "inventory/discovery.h"

#include "p11/module.h"
#include "p11/moduleactivity.h"

#include <QLocale>
#include <QStandardPaths>

namespace {
const QString kKey = QStringLiteral("modules/crashed");

// Settings entry: [path, calls joined by ',', ISO time, "hung"/"crashed"].
QStringList toEntry(const CrashedModule &c)
{
    return {c.path, c.calls.join(QLatin1Char(',')), c.when.toString(Qt::ISODate),
            c.hung ? QStringLiteral("hung") : QStringLiteral("crashed")};
}

void store(QSettings &settings, const QList<CrashedModule> &all)
{
    QVariantList l;
    for (const CrashedModule &c : all)
        l << QVariant(toEntry(c));
    if (l.isEmpty())
        settings.remove(kKey);
    else
        settings.setValue(kKey, l);
}
void drop(QList<CrashedModule> &all, const QString &path)
{
    const QString c = ModuleRegistry::canonicalPath(path);
    all.erase(std::remove_if(all.begin(), all.end(), [&](const CrashedModule &m) { return m.path == c; }), all.end());
}
} // namespace

QString CrashedModule::description() const
{
    const QString at = QLocale().toString(when, QLocale::ShortFormat);
    const QString fn = calls.join(QStringLiteral(", "));
    if (hung)
        return tr("The module %1 did not answer (it was in %2) when TokenDesk was closed on %3. "
                  "It is not loaded automatically until you try it again; from then on it runs in a separate "
                  "process, so that a crash or hang cannot take TokenDesk down.")
            .arg(path, fn, at);
    return tr("TokenDesk stopped unexpectedly on %1 while the module %2 was in %3. "
              "It is not loaded automatically until you try it again; from then on it runs in a separate "
              "process, so that a crash or hang cannot take TokenDesk down.")
        .arg(at, path, fn);
}

QString CrashedModules::activityDir()
{
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/module-activity");
}

QList<CrashedModule> CrashedModules::list(const QSettings &settings)
{
    QList<CrashedModule> out;
    for (const QVariant &v : settings.value(kKey).toList()) {
        const QStringList e = v.toStringList();
        if (e.size() != 4 || e[0].isEmpty())
            continue;
        out << CrashedModule{e[0], e[1].split(QLatin1Char(','), Qt::SkipEmptyParts),
                             QDateTime::fromString(e[2], Qt::ISODate), e[3] == QLatin1String("hung")};
    }
    return out;
}

QList<CrashedModule> CrashedModules::collect(QSettings &settings, const QString &activityDir)
{
    QList<CrashedModule> all = list(settings);
    const QList<ModuleActivity::Record> fresh = ModuleActivity::harvest(activityDir);
    for (const ModuleActivity::Record &r : fresh) {
        const QString path = ModuleRegistry::canonicalPath(r.modulePath);
        drop(all, path);
        all << CrashedModule{path, r.calls, r.when, r.stuck};
    }
    // Whenever such a module is loaded again, it runs in a separate process (also those
    // recorded before TokenDesk could do that).
    for (const CrashedModule &c : all)
        if (!Discovery::isIsolated(settings, c.path))
            Discovery::setIsolated(settings, c.path, true);
    if (!fresh.isEmpty())
        store(settings, all);
    return all;
}

const CrashedModule *CrashedModules::find(const QList<CrashedModule> &crashed, const QString &path)
{
    const QString c = ModuleRegistry::canonicalPath(path);
    auto it = std::find_if(crashed.begin(), crashed.end(), [&](const CrashedModule &m) { return m.path == c; });
    return it == crashed.end() ? nullptr : &*it;
}

void CrashedModules::forget(QSettings &settings, const QString &path)
{
    QList<CrashedModule> all = list(settings);
    drop(all, path);
    store(settings, all);
}

QList<ModuleSpec> CrashedModules::withoutCrashed(const QList<ModuleSpec> &specs, const QList<CrashedModule> &crashed)
{
    QList<ModuleSpec> out;
    for (const ModuleSpec &s : specs)
        if (!find(crashed, s.path))
            out << s;
    return out;
}
