// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/moduleactivity.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMutex>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <set>

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

namespace {
constexpr char kMagic[] = "TokenDesk module activity 1\n";
constexpr int kStuckOffset = 32;
constexpr int kPathOffset = 64;
constexpr int kEntriesOffset = kPathOffset + ModuleActivity::kPathSize;
static_assert(kEntriesOffset + ModuleActivity::kEntries * ModuleActivity::kNameSize <= ModuleActivity::kFileSize);
static_assert(sizeof kMagic <= kStuckOffset);

QMutex g_openMutex;
std::set<ModuleActivity *> g_open; // guarded by g_openMutex

bool processAlive(qint64 pid)
{
    return pid > 0 && (::kill(pid_t(pid), 0) == 0 || errno == EPERM);
}

void copyField(char *dst, const QByteArray &src, int size)
{
    std::memset(dst, 0, size_t(size));
    std::memcpy(dst, src.constData(), size_t(std::min<qsizetype>(src.size(), size - 1)));
}

QString field(const QByteArray &file, int offset, int size)
{
    const QByteArray f = file.mid(offset, size);
    return QString::fromUtf8(f.left(f.indexOf('\0') < 0 ? size : f.indexOf('\0')));
}
} // namespace

ModuleActivity::ModuleActivity(QString file, char *map) : m_file(std::move(file)), m_map(map)
{
    QMutexLocker lock(&g_openMutex);
    g_open.insert(this);
}

ModuleActivity::~ModuleActivity()
{
    {
        QMutexLocker lock(&g_openMutex);
        g_open.erase(this);
    }
    ::munmap(m_map, kFileSize);
    QFile::remove(m_file);
}

std::unique_ptr<ModuleActivity> ModuleActivity::create(const QString &dir, const QString &modulePath)
{
    if (dir.isEmpty() || !QDir().mkpath(dir))
        return nullptr;
    const QByteArray hash = QCryptographicHash::hash(modulePath.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    const QString file = QStringLiteral("%1/%2-%3.rec").arg(dir).arg(::getpid()).arg(QString::fromLatin1(hash));
    const int fd = ::open(QFile::encodeName(file).constData(), O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0)
        return nullptr;
    void *map = MAP_FAILED;
    if (::ftruncate(fd, kFileSize) == 0)
        map = ::mmap(nullptr, kFileSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    ::close(fd);
    if (map == MAP_FAILED) {
        QFile::remove(file);
        return nullptr;
    }
    char *m = static_cast<char *>(map);
    std::memcpy(m, kMagic, sizeof kMagic);
    m[kStuckOffset] = '0';
    copyField(m + kPathOffset, modulePath.toUtf8(), kPathSize);
    return std::unique_ptr<ModuleActivity>(new ModuleActivity(file, m));
}

char *ModuleActivity::entryAt(int i) const { return m_map + kEntriesOffset + i * kNameSize; }

int ModuleActivity::enter(const char *function) noexcept
{
    unsigned used = m_used.load(std::memory_order_relaxed);
    for (;;) {
        const unsigned free = ~used & ((1u << kEntries) - 1);
        if (!free)
            return -1; // more calls at once than entries: the others still show what runs
        const int i = __builtin_ctz(free);
        if (m_used.compare_exchange_weak(used, used | (1u << i), std::memory_order_acquire)) {
            char *e = entryAt(i);
            std::strncpy(e, function, kNameSize - 1);
            e[kNameSize - 1] = '\0';
            return i;
        }
    }
}

void ModuleActivity::leave(int entry) noexcept
{
    if (entry < 0)
        return;
    std::memset(entryAt(entry), 0, kNameSize);
    m_used.fetch_and(~(1u << entry), std::memory_order_release);
}

void ModuleActivity::markAllStuck() noexcept
{
    // Called from the quit watchdog while a worker may be anywhere: never wait long for the lock.
    if (!g_openMutex.tryLock(100))
        return;
    for (ModuleActivity *a : g_open)
        if (a->m_used.load())
            a->m_map[kStuckOffset] = '1';
    g_openMutex.unlock();
}

void ModuleActivity::discardAll() noexcept
{
    if (!g_openMutex.tryLock(100))
        return;
    for (ModuleActivity *a : g_open)
        QFile::remove(a->m_file);
    g_openMutex.unlock();
}

QStringList ModuleActivity::runningCalls(const QString &modulePath)
{
    QStringList out;
    QMutexLocker lock(&g_openMutex);
    for (ModuleActivity *a : g_open) {
        if (QString::fromUtf8(a->m_map + kPathOffset) != modulePath)
            continue;
        for (int i = 0; i < kEntries; ++i)
            if (a->m_used.load() & (1u << i))
                out << QString::fromUtf8(a->entryAt(i), qstrnlen(a->entryAt(i), kNameSize));
    }
    return out;
}

QList<ModuleActivity::Record> ModuleActivity::harvest(const QString &dir)
{
    QList<Record> out;
    const QFileInfoList files = QDir(dir).entryInfoList({QStringLiteral("*.rec")}, QDir::Files, QDir::Time | QDir::Reversed);
    for (const QFileInfo &fi : files) {
        bool ok = false;
        const qint64 pid = fi.fileName().section(QLatin1Char('-'), 0, 0).toLongLong(&ok);
        if (ok && (pid == ::getpid() || processAlive(pid)))
            continue; // another TokenDesk that is running now
        QFile f(fi.filePath());
        QByteArray data;
        if (f.open(QIODevice::ReadOnly))
            data = f.read(kFileSize);
        f.close();
        QFile::remove(fi.filePath());
        if (data.size() != kFileSize || !data.startsWith(kMagic))
            continue;
        Record r;
        r.modulePath = field(data, kPathOffset, kPathSize);
        for (int i = 0; i < kEntries; ++i)
            if (const QString fn = field(data, kEntriesOffset + i * kNameSize, kNameSize); !fn.isEmpty())
                r.calls << fn;
        r.when = fi.lastModified();
        r.stuck = data.at(kStuckOffset) == '1';
        if (!r.calls.isEmpty() && !r.modulePath.isEmpty())
            out << r;
    }
    return out;
}
