// SPDX-License-Identifier: GPL-3.0-or-later
// Modules from p11-kit's configuration and from the user's settings.
#include "softhsmfixture.h"

#include "inventory/discovery.h"
#include "p11/module.h"

#include <QDir>
#include <QFile>
#include <QScopeGuard>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

class TestDiscovery : public QObject {
    Q_OBJECT

    static QStringList canonical(const QList<ModuleSpec> &specs)
    {
        QStringList out;
        for (const ModuleSpec &s : specs)
            out << ModuleRegistry::canonicalPath(s.path);
        return out;
    }

private Q_SLOTS:
    void p11KitModules()
    {
        // Debian's softhsm2 and opensc-pkcs11 packages register their modules with p11-kit.
        const QList<ModuleSpec> specs = Discovery::p11KitModules();
        const QStringList paths = canonical(specs);
        QVERIFY2(paths.contains(ModuleRegistry::canonicalPath(SoftHsmFixture::softhsmModule())), qPrintable(paths.join(u' ')));
        QVERIFY(paths.contains(ModuleRegistry::canonicalPath(SoftHsmFixture::openscModule())));
        for (const ModuleSpec &s : specs)
            QVERIFY(!s.name.isEmpty());
        // The trust module (system CA store) only when asked for.
        auto isTrust = [](const QString &p) { return p.contains(QLatin1String("p11-kit-trust")); };
        QVERIFY(std::none_of(paths.begin(), paths.end(), isTrust));
        const QStringList withTrust = canonical(Discovery::p11KitModules(true));
        QVERIFY(std::any_of(withTrust.begin(), withTrust.end(), isTrust));
    }

    // The name --module gets without loading anything is the one p11-kit gives the module
    // when it loads them all (the oracle): for every registered module, the trust module too.
    void moduleNamesFromConfigFilesAsP11KitHasThem()
    {
        const QList<ModuleSpec> registered = Discovery::p11KitModules(true);
        QVERIFY(registered.size() >= 3); // softhsm2, opensc-pkcs11, p11-kit-trust
        for (const ModuleSpec &s : registered)
            QCOMPARE(Discovery::p11KitModuleName(s.path), s.name);
        QCOMPARE(Discovery::p11KitModuleName(QStringLiteral("/opt/vendor/libvendor-pkcs11.so")), QString());
    }

    // A module config in the user's directory: found under its file name; one of the same
    // name as a system config replaces that config's module (p11-kit's merge).
    void moduleNamesFromTheUsersConfig()
    {
        QTemporaryDir home;
        const QByteArray oldHome = qgetenv("HOME");
        qputenv("HOME", QFile::encodeName(home.path()));
        const auto restore = qScopeGuard([&] { qputenv("HOME", oldHome); });
        QVERIFY(QDir(home.path()).mkpath(QStringLiteral(".config/pkcs11/modules")));
        auto write = [&](const QString &name, const QByteArray &text) {
            QFile f(home.filePath(QStringLiteral(".config/pkcs11/modules/") + name));
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(text);
        };
        write(QStringLiteral("vendor-hsm.module"), "# the vendor's module\n  module : /opt/vendor/libvendor-pkcs11.so \n");
        write(QStringLiteral("notes.txt"), "module: /opt/vendor/libother.so\n"); // not a .module file
        QCOMPARE(Discovery::p11KitModuleName(QStringLiteral("/opt/vendor/libvendor-pkcs11.so")), QStringLiteral("vendor-hsm"));
        QCOMPARE(Discovery::p11KitModuleName(QStringLiteral("/opt/vendor/libother.so")), QString());
        const QString softhsm = SoftHsmFixture::softhsmModule();
        QCOMPARE(Discovery::p11KitModuleName(softhsm), QStringLiteral("softhsm2"));
        write(QStringLiteral("softhsm2.module"), "module: /opt/vendor/libsofthsm-fork.so\n");
        QCOMPARE(Discovery::p11KitModuleName(softhsm), QString());
        QCOMPARE(Discovery::p11KitModuleName(QStringLiteral("/opt/vendor/libsofthsm-fork.so")), QStringLiteral("softhsm2"));
    }

    void userModules()
    {
        QTemporaryDir dir;
        QSettings settings(dir.filePath(QStringLiteral("t.conf")), QSettings::IniFormat);
        Discovery::addUserModule(settings, QStringLiteral("/opt/vendor/libvendor-pkcs11.so"));
        Discovery::addUserModule(settings, QStringLiteral("/opt/vendor/libvendor-pkcs11.so")); // once only
        Discovery::addUserModule(settings, SoftHsmFixture::softhsmModule());                   // also p11-kit's
        QCOMPARE(Discovery::userModules(settings).size(), 2);
        QVERIFY(Discovery::userModules(settings).at(0).userAdded);
        const QStringList all = canonical(Discovery::allModules(settings));
        QCOMPARE(all.count(ModuleRegistry::canonicalPath(SoftHsmFixture::softhsmModule())), 1);
        QVERIFY(all.contains(QStringLiteral("/opt/vendor/libvendor-pkcs11.so")));
        Discovery::removeUserModule(settings, QStringLiteral("/opt/vendor/libvendor-pkcs11.so"));
        QVERIFY(!canonical(Discovery::allModules(settings)).contains(QStringLiteral("/opt/vendor/libvendor-pkcs11.so")));
    }
};

QTEST_GUILESS_MAIN(TestDiscovery)
#include "test_discovery.moc"
