// SPDX-License-Identifier: GPL-3.0-or-later
#include "commandline.h"

#include "demo/demotoken.h"
#include "inventory/crashedmodules.h"
#include "inventory/discovery.h"
#include "p11/module.h"

#include <QCommandLineParser>

#include <QCoreApplication>
#include <QFileInfo>
#include <QSettings>

#include <algorithm>
#include <cstring>

bool CommandLine::mentions(int argc, char **argv, std::initializer_list<const char *> options)
{
    for (int i = 1; i < argc; ++i) {
        for (const char *o : options) {
            const std::size_t n = std::strlen(o);
            if (std::strncmp(argv[i], o, n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '='))
                return true;
        }
    }
    return false;
}

namespace {
// A whole number in [min, max], or an error naming the option.
std::optional<int> number(const QCommandLineParser &p, const QString &option, int min, int max, QString *error)
{
    bool ok = false;
    const int v = p.value(option).toInt(&ok);
    if (ok && v >= min && v <= max)
        return v;
    *error = QCoreApplication::translate("main", "--%1 takes a whole number between %2 and %3.").arg(option).arg(min).arg(max);
    return std::nullopt;
}

// The options that only make sense with --list, checked together so the first problem is the one reported.
void parseListOptions(const QCommandLineParser &p, CommandLine &c, QString *error)
{
    const QString format = p.value(QStringLiteral("format"));
    if (p.isSet(QStringLiteral("json"))) {
        if (!format.isEmpty() && format != QLatin1String("json"))
            *error = QCoreApplication::translate("main", "--json and --format %1 contradict each other.").arg(format);
        c.format = CommandLine::Format::Json;
    } else if (format == QLatin1String("json")) {
        c.format = CommandLine::Format::Json;
    } else if (format == QLatin1String("csv")) {
        c.format = CommandLine::Format::Csv;
    } else if (!format.isEmpty() && format != QLatin1String("text")) {
        *error = QCoreApplication::translate("main", "--format takes text, json or csv.");
    }
    constexpr int kMaxDays = 36500;
    if (p.isSet(QStringLiteral("expiring-within")))
        c.expiringWithin = number(p, QStringLiteral("expiring-within"), 0, kMaxDays, error);
    if (p.isSet(QStringLiteral("warning-days")))
        c.warningDays = number(p, QStringLiteral("warning-days"), 0, kMaxDays, error).value_or(c.warningDays);
    else if (c.expiringWithin)
        c.warningDays = *c.expiringWithin;
    if (p.isSet(QStringLiteral("pin-fd"))) {
        c.pinFd = number(p, QStringLiteral("pin-fd"), 0, 1 << 20, error).value_or(-1);
        if (!c.login)
            *error = QCoreApplication::translate("main", "--pin-fd goes with --login.");
    }
    for (const char *option : {"json", "format", "expiring-within", "warning-days", "login", "pin-fd", "token"}) {
        if (!c.list && p.isSet(QString::fromLatin1(option)))
            *error = QCoreApplication::translate("main", "--%1 goes with --list.").arg(QString::fromLatin1(option));
    }
}
} // namespace

CommandLine CommandLine::parse(const QStringList &args, QString *error, QString *helpText)
{
    QCommandLineParser p;
    p.setApplicationDescription(QCoreApplication::translate("main", "TokenDesk: keystore manager for PKCS#11 tokens"));
    p.addHelpOption();
    p.addVersionOption();
    const QCommandLineOption list(QStringLiteral("list"),
                                  QCoreApplication::translate("main", "Print every module, slot, token and object, then exit."));
    const QCommandLineOption json(QStringLiteral("json"), QCoreApplication::translate("main", "With --list: print JSON (as --format json)."));
    // name, help (marked for lupdate, translated here), value name
    const auto option = [](const char *name, const char *help, const char *value) {
        return QCommandLineOption(QString::fromLatin1(name), QCoreApplication::translate("main", help), QString::fromLatin1(value));
    };
    const QCommandLineOption format = option(
        "format", QT_TRANSLATE_NOOP("main", "With --list: text (default), json (see the published schema) or csv (for "
                                            "spreadsheets, one row per object)."), "format");
    const QCommandLineOption expiring = option(
        "expiring-within", QT_TRANSLATE_NOOP("main", "With --list: list only the certificates that expire within this many "
                                                     "days or have expired; exit 1 when there are any."), "days");
    const QCommandLineOption warning = option(
        "warning-days", QT_TRANSLATE_NOOP("main", "With --list: mark certificates that expire within this many days "
                                                  "(default 30; with --expiring-within, its days)."), "days");
    const QCommandLineOption login(
        QStringLiteral("login"),
        QCoreApplication::translate("main", "With --list: log in to each listed token (PIN from the terminal, or --pin-fd) "
                                            "and list its private objects too. One try per token."));
    const QCommandLineOption pinFd = option(
        "pin-fd", QT_TRANSLATE_NOOP("main", "With --login: read the PIN (one line) from this open file descriptor instead "
                                            "of the terminal; needs exactly one token to log in to."), "fd");
    const QCommandLineOption token = option(
        "token", QT_TRANSLATE_NOOP("main", "With --list: only the token with this PKCS#11 URI (pkcs11:serial=…), serial "
                                           "number or label (repeatable)."), "token");
    const QCommandLineOption module(QStringLiteral("module"),
                                    QCoreApplication::translate("main", "Use only this PKCS#11 module (repeatable)."),
                                    QStringLiteral("path"));
    const QCommandLineOption demoIfEmpty(QStringLiteral("demo-if-empty"),
                                         QCoreApplication::translate("main", "Open the demo SoftHSM token when no token is found."));
    const QCommandLineOption demo(QStringLiteral("demo"), QCoreApplication::translate("main", "Open the demo SoftHSM token."));
    const QCommandLineOption timeout(
        QStringLiteral("timeout"),
        QCoreApplication::translate("main", "With --list: give up on a module that does not answer within this many "
                                            "seconds (default 30)."),
        QStringLiteral("seconds"), QStringLiteral("30"));
    const QCommandLineOption retryCrashed(
        QStringLiteral("retry-crashed"),
        QCoreApplication::translate("main", "Load the modules that crashed or hung TokenDesk before again."));
    const QCommandLineOption isolate(
        QStringLiteral("isolate"),
        QCoreApplication::translate("main", "Run every module in a separate process, so that a module that crashes "
                                            "or hangs cannot take TokenDesk down (slower; see the manual)."));
    const QCommandLineOption trace(
        QStringLiteral("trace"),
        QCoreApplication::translate("main", "Record a support trace of every PKCS#11 call to this file (no PINs, "
                                            "passwords, labels or key material)."),
        QStringLiteral("file"));
    QCommandLineOption probe(QStringLiteral("probe-module"), QStringLiteral("internal"), QStringLiteral("path"));
    probe.setFlags(QCommandLineOption::HiddenFromHelp);
    QCommandLineOption probeRecord(QStringLiteral("probe-record"), QStringLiteral("internal"), QStringLiteral("dir"));
    probeRecord.setFlags(QCommandLineOption::HiddenFromHelp);
    p.addOptions({list, json, format, expiring, warning, login, pinFd, token, module, demoIfEmpty, demo, timeout,
                  retryCrashed, isolate, trace, probe, probeRecord});
    CommandLine c;
    if (!p.parse(args)) {
        *error = p.errorText();
        return c;
    }
    if (p.isSet(QStringLiteral("help")))
        *helpText = p.helpText();
    if (p.isSet(QStringLiteral("version")))
        *helpText = QCoreApplication::applicationName() + QLatin1Char(' ') + QCoreApplication::applicationVersion() + QLatin1Char('\n');
    c.list = p.isSet(list);
    c.login = p.isSet(login);
    c.tokens = p.values(token);
    c.modules = p.values(module);
    c.demoIfEmpty = p.isSet(demoIfEmpty);
    c.demo = p.isSet(demo);
    c.retryCrashed = p.isSet(retryCrashed);
    c.isolateAll = p.isSet(isolate);
    c.traceFile = p.value(trace);
    c.probeModule = p.value(probe);
    c.probeRecordDir = p.value(probeRecord);
    bool ok = false;
    c.timeoutSeconds = p.value(timeout).toInt(&ok);
    if (!ok || c.timeoutSeconds < 1 || c.timeoutSeconds > 24 * 3600)
        *error = QCoreApplication::translate("main", "--timeout takes a number of seconds between 1 and 86400.");
    parseListOptions(p, c, error);
    return c;
}

QList<ModuleSpec> CommandLine::moduleSpecs() const
{
    return CrashedModules::withoutCrashed(requestedModules(), CrashedModules::list(QSettings()));
}

QList<ModuleSpec> CommandLine::requestedModules() const
{
    const QSettings settings;
    if (modules.isEmpty())
        return Discovery::withIsolation(Discovery::allModules(settings), settings, isolateAll);
    // "Added by you" means the same with --module as without: the module is in the
    // user's list (File → Add module…); a p11-kit module keeps p11-kit's name.
    // p11-kit's name from its config files: loading every registered module to learn it
    // would cost a `--list --module` more than the listing (OpenSC's module alone brings GIO).
    const QList<ModuleSpec> user = Discovery::userModules(settings);
    QList<ModuleSpec> specs;
    for (const QString &p : modules) {
        ModuleSpec spec{p, QFileInfo(p).completeBaseName(), false};
        const QString canonical = ModuleRegistry::canonicalPath(p);
        spec.userAdded = std::any_of(user.begin(), user.end(),
                                     [&](const ModuleSpec &u) { return ModuleRegistry::canonicalPath(u.path) == canonical; });
        if (const QString name = Discovery::p11KitModuleName(p); !name.isEmpty())
            spec.name = name;
        specs << spec;
    }
    return Discovery::withIsolation(specs, settings, isolateAll);
}

QList<ModuleSpec> CommandLine::withDemoModule(QList<ModuleSpec> specs)
{
    const QString softhsm = ModuleRegistry::canonicalPath(DemoToken::softhsmModulePath());
    for (const ModuleSpec &s : specs)
        if (ModuleRegistry::canonicalPath(s.path) == softhsm)
            return specs;
    specs << ModuleSpec{softhsm, QStringLiteral("softhsm2"), false};
    return specs;
}
