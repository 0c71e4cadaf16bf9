// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/moduleprobe.h"

#include "inventory/scanner.h"
#include "p11/errortext.h"
#include "p11/module.h"
#include "p11/moduleactivity.h"

#include <QCoreApplication>
#include <QTemporaryDir>

#include <cstdio>

namespace {
QString g_program; // set once at start, before any probe
} // namespace

ModuleProbe::ModuleProbe(QObject *parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &ModuleProbe::timedOut);
}

ModuleProbe::~ModuleProbe() { cancel(); }

void ModuleProbe::setProgram(const QString &program) { g_program = program; }

QString ModuleProbe::program() { return g_program.isEmpty() ? QCoreApplication::applicationFilePath() : g_program; }

bool ModuleProbe::isRunning() const { return m_process != nullptr; }

void ModuleProbe::start(const QString &modulePath, int timeoutMs)
{
    cancel();
    m_path = modulePath;
    m_timeoutMs = timeoutMs;
    m_recordDir = std::make_unique<QTemporaryDir>();
    m_process = new QProcess(this);
    m_process->setProgram(program());
    m_process->setArguments({QStringLiteral("--probe-module"), modulePath, QStringLiteral("--probe-record"),
                             m_recordDir->path()});
    connect(m_process, &QProcess::finished, this, &ModuleProbe::childFinished);
    connect(m_process, &QProcess::errorOccurred, this, [this](QProcess::ProcessError e) {
        if (e != QProcess::FailedToStart)
            return;
        const QString why = m_process->errorString();
        cancel();
        Q_EMIT finished(false, tr("The module could not be tried: %1").arg(why));
    });
    m_process->start();
    m_timer.start(timeoutMs);
}

void ModuleProbe::cancel()
{
    m_timer.stop();
    if (!m_process)
        return;
    QProcess *p = std::exchange(m_process, nullptr);
    p->disconnect(this);
    if (p->state() != QProcess::NotRunning) {
        p->kill();
        p->waitForFinished(2000); // SIGKILL: returns at once
    }
    p->deleteLater();
}

QString ModuleProbe::callsInFlight() const
{
    QStringList calls;
    for (const ModuleActivity::Record &r : ModuleActivity::harvest(m_recordDir->path()))
        calls << r.calls;
    return calls.join(QStringLiteral(", "));
}

void ModuleProbe::childFinished(int exitCode, QProcess::ExitStatus status)
{
    m_timer.stop();
    const QString out = QString::fromUtf8(m_process->readAllStandardOutput()).trimmed();
    const QString err = QString::fromUtf8(m_process->readAllStandardError()).trimmed();
    const QString calls = callsInFlight();
    cancel();
    if (status == QProcess::CrashExit) {
        Q_EMIT finished(false, calls.isEmpty()
                                   ? tr("The module crashed the test process.")
                                   : tr("The module crashed the test process in %1.").arg(calls));
    } else if (exitCode != 0) {
        Q_EMIT finished(false, err.isEmpty() ? tr("The module could not be used (exit status %1).").arg(exitCode) : err);
    } else {
        Q_EMIT finished(true, out);
    }
}

void ModuleProbe::timedOut()
{
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->kill();
    m_process->waitForFinished(2000);
    const QString calls = callsInFlight();
    const int seconds = m_timeoutMs / 1000;
    cancel();
    Q_EMIT finished(false, calls.isEmpty()
                               ? tr("The module did not answer within %n second(s).", nullptr, seconds)
                               : tr("The module did not answer within %n second(s); it was in %1.", nullptr,
                                    seconds)
                                     .arg(calls));
}

int ModuleProbe::runChild(const QString &modulePath, const QString &recordDir)
{
    ModuleRegistry registry;
    registry.setActivityDir(recordDir);
    try {
        const std::shared_ptr<Module> m = registry.load(modulePath);
        const ModuleSnapshot snap = Scanner::scanModule(m);
        int tokens = 0;
        for (const SlotSnapshot &s : snap.slots)
            tokens += s.token ? 1 : 0;
        const QString summary =
            tr("%1 (%2): %n token(s) found.", nullptr, tokens).arg(snap.description.trimmed(), snap.manufacturer.trimmed());
        std::printf("%s\n", qPrintable(summary));
        std::fflush(stdout);
        // m goes now: C_Finalize and dlclose run, and a crash there fails the probe too.
    } catch (...) {
        std::fprintf(stderr, "%s\n", qPrintable(userError(std::current_exception()).text()));
        return 2;
    }
    return 0;
}
