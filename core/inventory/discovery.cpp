// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/discovery.h"

#include "p11/module.h"

#include <QFileInfo>
#include <QSet>

#include <p11-kit/p11-kit.h>

#include <cstdlib>

namespace {
const QString kUserKey = QStringLiteral("modules/user");
const QString kIsolatedKey = QStringLiteral("modules/isolated");

QString takeString(char *s)
{
    QString r = s ? QString::fromUtf8(s) : QString();
    std::free(s);
    return r;
}
} // namespace

QList<ModuleSpec> Discovery::p11KitModules(bool includeTrust)
{
    QList<ModuleSpec> out;
    // UNMANAGED: p11-kit only reads its config and dlopens; it neither wraps nor
    // initializes the modules, so our own load of the same file stays in charge.
    CK_FUNCTION_LIST **modules = p11_kit_modules_load(nullptr, P11_KIT_MODULE_UNMANAGED);
    if (!modules)
        return out;
    for (CK_FUNCTION_LIST **m = modules; *m; ++m) {
        const QString trust = takeString(p11_kit_config_option(*m, "trust-policy"));
        if (!includeTrust && (trust == QLatin1String("yes") || trust == QLatin1String("true")))
            continue;
        ModuleSpec spec;
        spec.path = takeString(p11_kit_module_get_filename(*m));
        spec.name = takeString(p11_kit_module_get_name(*m));
        if (!spec.path.isEmpty())
            out << spec;
    }
    p11_kit_modules_release(modules);
    return out;
}

QList<ModuleSpec> Discovery::userModules(const QSettings &settings)
{
    QList<ModuleSpec> out;
    for (const QString &p : settings.value(kUserKey).toStringList())
        out << ModuleSpec{p, QFileInfo(p).completeBaseName(), true};
    return out;
}

void Discovery::addUserModule(QSettings &settings, const QString &path)
{
    QStringList l = settings.value(kUserKey).toStringList();
    if (!l.contains(path))
        l << path;
    settings.setValue(kUserKey, l);
}

void Discovery::removeUserModule(QSettings &settings, const QString &path)
{
    QStringList l = settings.value(kUserKey).toStringList();
    const QString c = ModuleRegistry::canonicalPath(path);
    l.erase(std::remove_if(l.begin(), l.end(), [&](const QString &p) { return ModuleRegistry::canonicalPath(p) == c; }),
            l.end());
    settings.setValue(kUserKey, l);
}

bool Discovery::isIsolated(const QSettings &settings, const QString &path)
{
    return settings.value(kIsolatedKey).toStringList().contains(ModuleRegistry::canonicalPath(path));
}

void Discovery::setIsolated(QSettings &settings, const QString &path, bool isolated)
{
    QStringList l = settings.value(kIsolatedKey).toStringList();
    const QString c = ModuleRegistry::canonicalPath(path);
    l.removeAll(c);
    if (isolated)
        l << c;
    if (l.isEmpty())
        settings.remove(kIsolatedKey);
    else
        settings.setValue(kIsolatedKey, l);
}

QList<ModuleSpec> Discovery::withIsolation(QList<ModuleSpec> specs, const QSettings &settings, bool forceAll)
{
    for (ModuleSpec &s : specs)
        s.isolated = forceAll || isIsolated(settings, s.path);
    return specs;
}

QList<ModuleSpec> Discovery::allModules(const QSettings &settings)
{
    QList<ModuleSpec> out;
    QSet<QString> seen;
    for (const ModuleSpec &s : p11KitModules() + userModules(settings)) {
        const QString c = ModuleRegistry::canonicalPath(s.path);
        if (seen.contains(c))
            continue;
        seen.insert(c);
        out << s;
    }
    return withIsolation(out, settings);
}
