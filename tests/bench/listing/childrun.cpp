// SPDX-License-Identifier: GPL-3.0-or-later
#include "childrun.h"

#include <QDir>
#include <QFile>

#include <spawn.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <time.h>

#include <cstring>
#include <stdexcept>
#include <vector>

extern char **environ;

qint64 ChildRun::monotonicNs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

ChildRun ChildRun::run(const QString &program, const QStringList &args, const std::map<QByteArray, QByteArray> &env,
                       const QString &scratchDir)
{
    std::vector<QByteArray> argStore{QFile::encodeName(program)};
    for (const QString &a : args)
        argStore.push_back(a.toLocal8Bit());
    std::vector<char *> argv;
    for (QByteArray &a : argStore)
        argv.push_back(a.data());
    argv.push_back(nullptr);

    std::vector<QByteArray> envStore;
    for (char **e = environ; *e; ++e) {
        const QByteArray entry(*e);
        if (!env.count(entry.left(entry.indexOf('='))))
            envStore.push_back(entry);
    }
    for (const auto &[name, value] : env)
        envStore.push_back(name + '=' + value);
    std::vector<char *> envp;
    for (QByteArray &e : envStore)
        envp.push_back(e.data());
    envp.push_back(nullptr);

    const QByteArray outPath = QFile::encodeName(QDir(scratchDir).filePath(QStringLiteral("child.out")));
    const QByteArray errPath = QFile::encodeName(QDir(scratchDir).filePath(QStringLiteral("child.err")));
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, outPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    posix_spawn_file_actions_addopen(&fa, 2, errPath.constData(), O_WRONLY | O_CREAT | O_TRUNC, 0600);

    ChildRun r;
    pid_t pid = 0;
    r.startNs = monotonicNs();
    const int rc = posix_spawnp(&pid, argv[0], &fa, nullptr, argv.data(), envp.data());
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0)
        throw std::runtime_error("posix_spawn " + program.toStdString() + ": " + std::strerror(rc));
    int status = 0;
    rusage ru{};
    while (wait4(pid, &status, 0, &ru) < 0)
        if (errno != EINTR)
            throw std::runtime_error(std::string("wait4: ") + std::strerror(errno));
    r.wallNs = monotonicNs() - r.startNs;
    r.maxRssKb = ru.ru_maxrss;
    r.cpuNs = (qint64(ru.ru_utime.tv_sec) + ru.ru_stime.tv_sec) * 1000000000
        + (qint64(ru.ru_utime.tv_usec) + ru.ru_stime.tv_usec) * 1000;
    r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    QFile out(QFile::decodeName(outPath)), err(QFile::decodeName(errPath));
    if (out.open(QIODevice::ReadOnly))
        r.out = out.readAll();
    if (err.open(QIODevice::ReadOnly))
        r.err = err.readAll();
    return r;
}
