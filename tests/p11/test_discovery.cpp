// SPDX-License-Identifier: GPL-3.0-or-later
// Modules from p11-kit's configuration and from the user's settings.
#include "softhsmfixture.h"

#include "inventory/discovery.h"
#include "p11/module.h"

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
