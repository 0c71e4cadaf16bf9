// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/modulespec.h"

#include <QList>
#include <QStringList>

#include <initializer_list>
#include <optional>

// What the command line asked for.
struct CommandLine {
    enum class Format { Text, Json, Csv };
    bool list = false;          // --list: print the inventory and exit
    Format format = Format::Text; // --format text|json|csv (--json: json)
    std::optional<int> expiringWithin; // --expiring-within DAYS: only certificates expiring within DAYS
    int warningDays = 30;       // --warning-days DAYS: certificates expiring within DAYS are marked
    bool login = false;         // --login: log in to list private objects too
    int pinFd = -1;             // --pin-fd N: read the PIN from this file descriptor, not the terminal
    QStringList tokens;         // --token SELECTOR (repeatable): only these tokens (URI, serial or label)
    QStringList modules;        // --module PATH (repeatable): only these modules
    bool demoIfEmpty = false;   // --demo-if-empty: open the demo token when no token is found
    bool demo = false;          // --demo: always use the demo token store
    int timeoutSeconds = 30;    // --timeout: how long --list waits for one module
    bool retryCrashed = false;  // --retry-crashed: load modules that crashed or hung before again
    bool isolateAll = false;    // --isolate: run every module in a separate process (ModuleHelper)
    QString traceFile;          // --trace FILE: record a support trace of every PKCS#11 call (TraceRecorder)
    QString probeModule;        // --probe-module PATH: internal, the child process of "Add module…"
    QString probeRecordDir;     // --probe-record DIR: internal, where that child keeps its crash record
    // --module paths if given, else p11-kit's modules plus the user's (settings);
    // modules that crashed before are not in it (see CrashedModules).
    QList<ModuleSpec> moduleSpecs() const;
    // Before the crashed ones are left out. userAdded is what the settings say, with or
    // without --module.
    QList<ModuleSpec> requestedModules() const;
    // specs plus SoftHSM (the demo token's module) unless it is listed already.
    static QList<ModuleSpec> withDemoModule(QList<ModuleSpec> specs);
    static CommandLine parse(const QStringList &args, QString *error, QString *helpText);
    // Whether argv names one of these options, alone or as "--option=value". Decides which
    // command line runs before an application object exists (a window needs a display).
    static bool mentions(int argc, char **argv, std::initializer_list<const char *> options);
};
