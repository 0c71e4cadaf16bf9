// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/modulehelper.h"

#include "p11/pkcs11error.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <set>

#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

namespace {
using Clock = std::chrono::steady_clock;

const char kAddressVariable[] = "P11_KIT_SERVER_ADDRESS";

// Every helper alive, for stopAll().
std::mutex &helpersMutex()
{
    static std::mutex m;
    return m;
}
std::set<ModuleHelper *> &helpers() // guarded by helpersMutex()
{
    static std::set<ModuleHelper *> s;
    return s;
}

QString clientModulePath()
{
    // p11-kit's module directory, from its pkg-config file at build time; the usual
    // places as a fallback (a binary built on another distribution).
    const QStringList candidates{QStringLiteral(TOKENDESK_P11KIT_MODULE_DIR "/p11-kit-client.so"),
                                 QStringLiteral("/usr/lib/x86_64-linux-gnu/pkcs11/p11-kit-client.so"),
                                 QStringLiteral("/usr/lib64/pkcs11/p11-kit-client.so"),
                                 QStringLiteral("/usr/lib/pkcs11/p11-kit-client.so")};
    for (const QString &c : candidates)
        if (QFileInfo::exists(c))
            return c;
    return {};
}

// p11-kit splits the command line itself (quotes, no escapes that work): a path with a
// quote, a backslash or a control character cannot be passed.
bool passable(const QString &path)
{
    return !path.isEmpty()
        && std::none_of(path.begin(), path.end(), [](QChar c) { return c == u'"' || c == u'\\' || c.unicode() < 0x20; });
}

// A small file the child's shell writes: "<numbers>\n". False while absent or incomplete.
bool readNumbers(const QString &file, long *a, long *b = nullptr)
{
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return false;
    char buf[64] = {};
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0 || buf[n - 1] != '\n')
        return false;
    return b ? std::sscanf(buf, "%ld %ld", a, b) == 2 : std::sscanf(buf, "%ld", a) == 1;
}

// The parent process id of pid, or -1 when it does not exist.
long parentOf(long pid)
{
    char path[64];
    std::snprintf(path, sizeof path, "/proc/%ld/stat", pid);
    const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    char buf[512];
    const ssize_t n = ::read(fd, buf, sizeof buf - 1);
    ::close(fd);
    if (n <= 0)
        return -1;
    buf[n] = 0;
    // "pid (comm) state ppid …": comm may hold anything, so start after the last ')'.
    const char *p = std::strrchr(buf, ')');
    char state = 0;
    long ppid = -1;
    if (!p || std::sscanf(p + 1, " %c %ld", &state, &ppid) != 2 || state == 'Z' || state == 'X')
        return -1;
    return ppid;
}

QString signalName(int sig)
{
    const char *abbrev = sigabbrev_np(sig);
    return abbrev ? QStringLiteral("%1, SIG%2").arg(sig).arg(QString::fromLatin1(abbrev)) : QString::number(sig);
}
} // namespace

std::chrono::milliseconds ModuleHelper::limitFor(const char *function, std::chrono::milliseconds callLimit) noexcept
{
    // Waits for a person (PIN pad) or slow by nature on a smart card (RSA key generation).
    static const char *const kSlow[] = {"C_Login", "C_InitToken", "C_InitPIN", "C_SetPIN", "C_GenerateKeyPair",
                                        "C_GenerateKey", "C_WaitForSlotEvent"};
    for (const char *s : kSlow)
        if (std::strcmp(s, function) == 0)
            return callLimit * 10;
    return callLimit;
}

QString ModuleHelper::costText()
{
    // Figures from tests/bench/isolation (SoftHSM, see the README); a card is slower by
    // itself, so the difference matters less there.
    return tr("In a separate process every call to the module takes about 0.06 ms longer: about 7,000 attribute "
              "reads per second instead of 12,000 (measured with SoftHSM). Listing a token with many objects takes "
              "up to a few times longer; signing and logging in are hardly slower. A module that crashes or hangs "
              "then ends only that process, never TokenDesk.");
}

ModuleHelper::ModuleHelper(QString modulePath, std::chrono::milliseconds callLimit)
    : m_modulePath(std::move(modulePath)), m_callLimit(callLimit), m_dir(QDir::tempPath() + QStringLiteral("/tokendesk-helper-XXXXXX")),
      m_watchUntil(Clock::time_point::max())
{
}

std::unique_ptr<ModuleHelper> ModuleHelper::create(const QString &modulePath, std::chrono::milliseconds callLimit,
                                                   CK_FUNCTION_LIST_PTR *fn)
{
    const QString client = clientModulePath();
    const QString program = QStandardPaths::findExecutable(QStringLiteral("p11-kit"));
    if (client.isEmpty() || program.isEmpty())
        throw TokenDeskError(tr("The module %1 cannot run in a separate process: p11-kit's client module or its "
                                "p11-kit program is missing. Install the packages p11-kit and p11-kit-modules.")
                                 .arg(modulePath));
    std::unique_ptr<ModuleHelper> h(new ModuleHelper(modulePath, callLimit));
    const QString base = h->m_dir.filePath(QStringLiteral("child"));
    if (!h->m_dir.isValid() || !passable(modulePath) || !passable(base) || !passable(program))
        throw TokenDeskError(tr("The module %1 cannot run in a separate process: its path contains a quote, a "
                                "backslash or a control character.")
                                 .arg(modulePath));
    // The shell p11-kit starts runs `p11-kit remote MODULE` on the same socket (stdin and
    // stdout; through fd 3, as a background job's stdin is /dev/null before any redirection
    // in dash), writes its own and the child's process ids, waits, and writes the child's
    // exit status (128 + signal) before it exits. It holds the socket until then, so when a
    // call fails because the socket closed, the status is already there: p11-kit reaps the
    // shell, we need not race it for the child's status.
    const QByteArray address = "|/bin/sh -c 'exec 3<&0; \"$1\" remote \"$2\" <&3 3<&- & echo $$ $! >\"$0.pid\"; "
                               "wait $!; echo $? >\"$0.status\"' \""
        + QFile::encodeName(base) + "\" \"" + QFile::encodeName(program) + "\" \"" + QFile::encodeName(modulePath) + '"';

    h->m_client = dlopen(QFile::encodeName(client).constData(), RTLD_NOW | RTLD_LOCAL);
    auto getList = h->m_client ? reinterpret_cast<CK_C_GetFunctionList>(dlsym(h->m_client, "C_GetFunctionList")) : nullptr;
    if (!getList)
        throw TokenDeskError(tr("The module %1 cannot run in a separate process: %2 could not be loaded.").arg(modulePath, client));
    CK_RV rv = CKR_OK;
    {
        // The variable exists from the first use on and only its value changes (glibc then
        // replaces one pointer; adding or removing a variable could move the array under
        // a concurrent getenv). It holds the user's own value except during this call.
        static std::mutex envMutex;
        static const QByteArray userValue = qgetenv(kAddressVariable);
        std::lock_guard lock(envMutex);
        ::setenv(kAddressVariable, address.constData(), 1);
        rv = getList(fn);
        ::setenv(kAddressVariable, userValue.constData(), 1);
    }
    if (rv != CKR_OK || !*fn)
        throw Pkcs11Error("C_GetFunctionList", rv != CKR_OK ? rv : CKR_GENERAL_ERROR);
    // A child that dies must not take us down with SIGPIPE when the client writes to its socket.
    ::signal(SIGPIPE, SIG_IGN);
    h->m_watcher = std::thread([raw = h.get()] { raw->watch(); });
    {
        std::lock_guard lock(helpersMutex());
        helpers().insert(h.get());
    }
    return h;
}

ModuleHelper::~ModuleHelper()
{
    {
        std::lock_guard lock(helpersMutex());
        helpers().erase(this);
    }
    std::unique_lock lock(m_mutex);
    m_quit = true;
    m_changed.notify_all();
    lock.unlock();
    if (m_watcher.joinable())
        m_watcher.join();
    lock.lock();
    // Not finalized (C_Initialize failed, or we give up on it): end the child and reap it
    // here, so it cannot stay behind until p11-kit's client module is unloaded.
    if (!m_finalized) {
        endChild(lock);
        if (knownPids() && parentOf(m_shellPid) == long(::getpid()))
            ::waitpid(pid_t(m_shellPid), nullptr, 0); // it exits once the child is gone
    }
    lock.unlock();
    if (m_client)
        dlclose(m_client);
}

bool ModuleHelper::knownPids() const noexcept
{
    if (m_childPid <= 0)
        readNumbers(m_dir.filePath(QStringLiteral("child.pid")), &m_shellPid, &m_childPid);
    return m_childPid > 0;
}

bool ModuleHelper::childEnded(int *status) const noexcept
{
    long code = -1;
    if (!readNumbers(m_dir.filePath(QStringLiteral("child.status")), &code))
        return false;
    *status = int(code);
    return true;
}

pid_t ModuleHelper::pid() const
{
    std::lock_guard lock(m_mutex);
    return knownPids() ? pid_t(m_childPid) : 0;
}

int ModuleHelper::enter(const char *function) noexcept
{
    const Clock::time_point now = Clock::now();
    std::lock_guard lock(m_mutex);
    for (int i = 0; i < kCalls; ++i) {
        if (m_calls[i].function)
            continue;
        m_calls[i] = Call{function, now};
        if (now + limitFor(function, m_callLimit) < m_watchUntil)
            m_changed.notify_all();
        return i;
    }
    return -1; // more calls at once than we time: this one is not timed
}

void ModuleHelper::leave(int entry) noexcept
{
    if (entry < 0)
        return;
    std::lock_guard lock(m_mutex);
    m_calls[entry].function = nullptr;
}

void ModuleHelper::watch()
{
    std::unique_lock lock(m_mutex);
    while (!m_quit) {
        const Clock::time_point now = Clock::now();
        Clock::time_point until = Clock::time_point::max();
        for (const Call &c : m_calls) {
            if (!c.function || m_stop != Stop::None)
                continue;
            const Clock::time_point deadline = c.started + limitFor(c.function, m_callLimit);
            if (deadline <= now) {
                m_stop = Stop::Hung;
                m_stopCall = QString::fromLatin1(c.function);
                m_stopSeconds = std::chrono::duration_cast<std::chrono::seconds>(now - c.started).count();
                endChild(lock);
                until = Clock::time_point::max();
                break;
            }
            until = std::min(until, deadline);
        }
        m_watchUntil = until;
        if (until == Clock::time_point::max())
            m_changed.wait(lock);
        else
            m_changed.wait_until(lock, until);
    }
}

void ModuleHelper::endChild(std::unique_lock<std::mutex> &) noexcept
{
    // Only while the shell still waits for it: then the id cannot belong to another process.
    int status = -1;
    if (!m_finalized && knownPids() && !childEnded(&status) && parentOf(m_childPid) == m_shellPid)
        ::kill(pid_t(m_childPid), SIGKILL);
}

void ModuleHelper::noteFailure(const char *function) noexcept
{
    std::lock_guard lock(m_mutex);
    int status = -1;
    if (m_stop != Stop::None || m_finalized || !childEnded(&status))
        return;
    m_stop = Stop::Crashed;
    m_stopCall = QString::fromLatin1(function);
    m_exitStatus = status;
}

void ModuleHelper::stop() noexcept
{
    std::unique_lock lock(m_mutex);
    if (m_stop == Stop::None) {
        // Named after the call that has run longest.
        const Call *longest = nullptr;
        for (const Call &c : m_calls)
            if (c.function && (!longest || c.started < longest->started))
                longest = &c;
        m_stop = Stop::Hung;
        m_stopCall = longest ? QString::fromLatin1(longest->function) : QString();
        m_stopSeconds = longest ? std::chrono::duration_cast<std::chrono::seconds>(Clock::now() - longest->started).count() : 0;
    }
    endChild(lock);
}

void ModuleHelper::finalized() noexcept
{
    std::lock_guard lock(m_mutex);
    m_finalized = true;
}

bool ModuleHelper::stopped() const
{
    std::lock_guard lock(m_mutex);
    return m_stop != Stop::None;
}

QString ModuleHelper::problem() const
{
    std::lock_guard lock(m_mutex);
    const QString call = m_stopCall.isEmpty() ? QStringLiteral("?") : m_stopCall;
    switch (m_stop) {
    case Stop::None: return {};
    case Stop::Hung:
        return tr("The module %1 stopped responding in its separate process: it was in %2 for %n second(s). "
                  "TokenDesk ended that process; the other modules go on. Refresh to start it again.",
                  nullptr, int(m_stopSeconds))
            .arg(m_modulePath, call);
    case Stop::Crashed:
        if (m_exitStatus > 128) // the shell's $?: 128 + signal
            return tr("The module %1 crashed in its separate process (signal %2) while in %3. TokenDesk and the "
                      "other modules go on; refresh to start it again.")
                .arg(m_modulePath, signalName(m_exitStatus - 128), call);
        if (m_exitStatus >= 0)
            return tr("The module %1 ended its separate process (exit status %2) while in %3. TokenDesk and the "
                      "other modules go on; refresh to start it again.")
                .arg(m_modulePath, QString::number(m_exitStatus), call);
        return tr("The module %1 ended its separate process unexpectedly while in %2. TokenDesk and the other "
                  "modules go on; refresh to start it again.")
            .arg(m_modulePath, call);
    }
    return {};
}

void ModuleHelper::stopAll() noexcept
{
    std::lock_guard lock(helpersMutex());
    for (ModuleHelper *h : helpers())
        h->stop();
}

bool ModuleHelper::stopAll(const QString &modulePath) noexcept
{
    bool found = false;
    std::lock_guard lock(helpersMutex());
    for (ModuleHelper *h : helpers()) {
        if (h->m_modulePath == modulePath) {
            h->stop();
            found = true;
        }
    }
    return found;
}
