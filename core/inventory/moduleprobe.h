// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>
#include <QProcess>
#include <QTimer>

#include <memory>

class QTemporaryDir;

// "Add module…" tries a module in a child process before it is saved: a module
// that crashes or hangs in its constructor, C_Initialize or C_GetTokenInfo takes
// the child down, not TokenDesk, and is never written to the settings. The child
// is this program started with --probe-module; it loads the module, scans it like
// the inventory does and finalizes it. Its crash record (ModuleActivity, in a
// temporary directory) says which call it died in.
class ModuleProbe : public QObject {
    Q_OBJECT
public:
    explicit ModuleProbe(QObject *parent = nullptr);
    ~ModuleProbe() override; // kills a child still running

    // The executable that understands --probe-module (the application sets it at
    // start; tests point it at the built tokendesk). Default: this program.
    static void setProgram(const QString &program);
    static QString program();

    void start(const QString &modulePath, int timeoutMs = 30000);
    void cancel(); // kills the child; no finished()
    bool isRunning() const;

    // The child side: returns the process's exit status (0 usable, 2 failed).
    static int runChild(const QString &modulePath, const QString &recordDir);

Q_SIGNALS:
    // message: the module's description and tokens when ok, else why it was refused.
    void finished(bool ok, const QString &message);

private:
    void childFinished(int exitCode, QProcess::ExitStatus status);
    void timedOut();
    QString callsInFlight() const;

    QProcess *m_process = nullptr;
    QTimer m_timer;
    std::unique_ptr<QTemporaryDir> m_recordDir;
    QString m_path;
    int m_timeoutMs = 0;
};
