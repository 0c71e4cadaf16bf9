// SPDX-License-Identifier: GPL-3.0-or-later
// `tokendesk-gui`: the window (see entry.h). `tokendesk` hands over to it; the command-line
// actions work here too, which is how the window's module probe (--probe-module) runs.
#include "entry.h"
#include "gui.h"

#include "inventory/moduleprobe.h"

#include <QApplication>

// Outside the anonymous namespace: Q_INIT_RESOURCE declares the initializer where it is used.
static void initResources()
{
    Q_INIT_RESOURCE(resources);
}

namespace {
int windowMain(int argc, char **argv)
{
    QApplication app(argc, argv);
    Entry::setUp(app);
    initResources();
    const std::optional<CommandLine> cl = Entry::parseArguments(QCoreApplication::arguments()); // checked by Entry::run already
    if (!cl)
        return 64;
    Entry::collectCrashedModules();
    ModuleProbe::setProgram(QCoreApplication::applicationFilePath());
    return runGui(*cl);
}
} // namespace

int main(int argc, char **argv)
{
    return Entry::run(argc, argv, windowMain);
}
