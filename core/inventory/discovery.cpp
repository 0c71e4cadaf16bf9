// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/discovery.h"

#include "p11/module.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMap>
#include <QSet>

#include <p11-kit/p11-kit.h>

#include <cstdlib>

namespace {
const QString kUserKey = QStringLiteral("modules/user");
const QString kIsolatedKey = QStringLiteral("modules/isolated");

// One "name: value" of a p11-kit config file (pkcs11.conf(5)); empty when the file does not set it.
QString configValue(const QString &file, QLatin1String key)
{
    QFile f(file);
    if (!f.open(QIODevice::ReadOnly) || f.size() > 64 * 1024)
        return {};
    QString value;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (const QByteArray &raw : lines) {
        const QByteArray line = raw.trimmed();
        const qsizetype colon = line.indexOf(':');
        if (line.startsWith('#') || colon < 0 || line.left(colon).trimmed() != QByteArrayView(key.data(), key.size()))
            continue;
        value = QString::fromUtf8(line.mid(colon + 1).trimmed()); // p11-kit keeps the last one
    }
    return value;
}

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

QString Discovery::p11KitModuleName(const QString &path)
{
    // p11-kit's order: the package directory, the system one over it, the user's over both
    // (pkcs11.conf's user-config: none leaves the user's out, only leaves the others out).
    // A config in a later directory replaces the module path of an earlier one of the same name.
    const QString userConfig = configValue(QStringLiteral(P11KIT_SYSTEM_CONFIG), QLatin1String("user-config"));
    QStringList dirs;
    if (userConfig != QLatin1String("only"))
        dirs << QStringLiteral(P11KIT_PACKAGE_MODULES) << QStringLiteral(P11KIT_SYSTEM_MODULES);
    if (userConfig != QLatin1String("none"))
        dirs << QDir::homePath() + QStringLiteral("/.config/pkcs11/modules");
    QMap<QString, QString> moduleOf; // config name -> module path
    const QString suffix = QStringLiteral(".module");
    for (const QString &dir : dirs) {
        const QFileInfoList files = QDir(dir).entryInfoList({QLatin1Char('*') + suffix}, QDir::Files | QDir::Readable);
        for (const QFileInfo &f : files) {
            QString module = configValue(f.filePath(), QLatin1String("module"));
            if (module.isEmpty())
                continue;
            if (QFileInfo(module).isRelative())
                module = QStringLiteral(P11KIT_MODULE_PATH "/") + module;
            moduleOf.insert(f.fileName().chopped(suffix.size()), module);
        }
    }
    const QString wanted = ModuleRegistry::canonicalPath(path);
    for (auto it = moduleOf.cbegin(); it != moduleOf.cend(); ++it)
        if (ModuleRegistry::canonicalPath(it.value()) == wanted)
            return it.key();
    return {};
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
