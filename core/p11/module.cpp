// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/module.h"

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "p11/modulecontract.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QScopeGuard>

#include <dlfcn.h>

Q_LOGGING_CATEGORY(lcP11, "tokendesk.p11", QtWarningMsg)

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(Module) };

QString missingFile(const QString &path)
{
    return Tr::tr("The module file %1 does not exist. Check the path, or install the package that provides it.").arg(path);
}

// dlopen + C_Initialize and C_Finalize + dlclose of one library never overlap: a
// module dropped by one owner may be loaded again at once by another (removed and
// added back), and the new C_Initialize must not meet the old C_Finalize. One lock
// per file, so a module hanging in either keeps no other module from loading.
std::shared_ptr<QMutex> libraryLock(const QString &path)
{
    static QMutex mapMutex;
    static std::map<QString, std::shared_ptr<QMutex>> locks; // guarded by mapMutex
    QMutexLocker lock(&mapMutex);
    std::shared_ptr<QMutex> &l = locks[path];
    if (!l)
        l = std::make_shared<QMutex>();
    return l;
}

// AddressSanitizer builds only (tests/sanitizers): a module stays mapped after dlclose, so
// LeakSanitizer can name the library in the stack of a leak inside it and lsan.supp can tell
// a module's own leaks from ours; frames of an unmapped library are anonymous at exit.
#ifdef __SANITIZE_ADDRESS__
constexpr int kKeepMappedForLeakReports = RTLD_NODELETE;
#else
constexpr int kKeepMappedForLeakReports = 0;
#endif
} // namespace

Module::Module(QString path, void *handle, CK_FUNCTION_LIST_PTR fn, std::unique_ptr<ModuleActivity> activity,
               std::shared_ptr<TraceRecorder> trace, std::unique_ptr<ModuleHelper> helper)
    : m_path(std::move(path)), m_handle(handle), m_fn(fn), m_activity(std::move(activity)), m_trace(std::move(trace)),
      m_helper(std::move(helper))
{
    if (m_trace)
        m_trace->moduleLoaded(m_path);
}

// The waiting thread's side of watchSlotEvents: shared with the thread, which must not touch
// the Module (a thread that does not end is left behind when the Module goes).
struct Module::EventWaiter {
    CK_FUNCTION_LIST_PTR fn;
    std::function<void(CK_RV)> onEvent;
    std::mutex mutex;
    std::condition_variable changed;
    bool stop = false;  // guarded by mutex
    bool ended = false; // guarded by mutex
    std::thread thread;

    void run()
    {
        for (;;) {
            {
                std::lock_guard lock(mutex);
                if (stop)
                    break;
            }
            CK_SLOT_ID slot = 0;
            // Not through P11CALL: a wait that lasts for hours is no call in progress for the crash
            // record (it would name this module after any crash), nor a line of the support trace.
            const CK_RV rv = fn->C_WaitForSlotEvent(0, &slot, nullptr);
            std::unique_lock lock(mutex);
            if (stop)
                break; // woken by our own C_Finalize
            if (rv != CKR_OK) {
                lock.unlock();
                onEvent(rv);
                lock.lock();
                break;
            }
            lock.unlock();
            onEvent(CKR_OK);
            lock.lock();
            // A module that reports events without pause (a reader that flaps) is asked again
            // only after 200 ms: the owner rereads the slots on each event.
            if (changed.wait_for(lock, std::chrono::milliseconds(200), [this] { return stop; }))
                break;
        }
        std::lock_guard lock(mutex);
        ended = true;
        changed.notify_all();
    }
};

bool Module::watchSlotEvents(std::function<void(CK_RV)> onEvent)
{
    if (m_waiter || m_helper || m_borrowed || m_serialCalls || !m_initialized || !m_fn->C_WaitForSlotEvent)
        return false;
    m_waiter = std::make_shared<EventWaiter>();
    m_waiter->fn = m_fn;
    m_waiter->onEvent = std::move(onEvent);
    startWaiting();
    return true;
}

void Module::startWaiting()
{
    const std::shared_ptr<EventWaiter> w = m_waiter;
    {
        std::lock_guard lock(w->mutex);
        w->stop = false;
        w->ended = false;
    }
    w->thread = std::thread([w] { w->run(); });
}

void Module::willStopWaiting()
{
    std::lock_guard lock(m_waiter->mutex);
    m_waiter->stop = true; // before C_Finalize: what the woken wait returns then is no failure
    m_waiter->changed.notify_all();
}

bool Module::stopWaiting()
{
    const std::shared_ptr<EventWaiter> w = m_waiter;
    std::unique_lock lock(w->mutex);
    // C_Finalize has woken the wait; a module that ignores that gets two seconds.
    const bool ended = w->changed.wait_for(lock, std::chrono::seconds(2), [&w] { return w->ended; });
    lock.unlock();
    if (ended) {
        w->thread.join();
        return true;
    }
    qCWarning(lcP11) << m_path << "did not end C_WaitForSlotEvent on C_Finalize; the library stays loaded";
    w->thread.detach();
    m_keepMapped = true;
    w->onEvent(CKR_CRYPTOKI_NOT_INITIALIZED); // the owner watches by polling from now on
    return false;
}

Module::~Module()
{
    const std::shared_ptr<QMutex> library = libraryLock(m_path);
    QMutexLocker lock(library.get());
    if (m_waiter)
        willStopWaiting();
    if (m_initialized && !m_borrowed) {
        // Through the guard (never on the GUI thread: Inventory lets go on workers) and
        // the crash record (a module may crash in C_Finalize).
        const CK_RV rv = P11CALL(*this, C_Finalize, nullptr);
        if (rv != CKR_OK)
            qCWarning(lcP11) << "C_Finalize" << m_path << ckrName(rv);
        if (m_helper)
            m_helper->finalized(); // p11-kit has ended and reaped the child
    }
    if (m_waiter)
        stopWaiting();
    if (m_handle && !m_keepMapped) {
        ThreadGuard::check("dlclose");
        const ModuleCall call(m_activity.get(), "dlclose"); // library destructors run here
        dlclose(m_handle);
    }
    if (m_trace)
        m_trace->moduleUnloaded(m_path);
}

void Module::initialize()
{
    CK_C_INITIALIZE_ARGS args{};
    // We call from several threads (one executor per token): let the module use OS locking.
    args.flags = CKF_OS_LOCKING_OK;
    CK_RV rv = P11CALL(*this, C_Initialize, &args);
    if (rv == CKR_CANT_LOCK) {
        qCInfo(lcP11) << m_path << "cannot use OS locking; calls to all its tokens will be serialized";
        m_serialCalls = true;
        rv = P11CALL(*this, C_Initialize, nullptr);
    }
    if (rv == CKR_CRYPTOKI_ALREADY_INITIALIZED) {
        qCInfo(lcP11) << m_path << "was already initialized in this process; it will not be finalized by us";
        m_borrowed = true;
    } else {
        check(rv, "C_Initialize");
    }
    m_initialized = true;
}

void Module::reinitialize(const std::function<void()> &whileClosed)
{
    m_gate.close();
    const auto reopen = qScopeGuard([this] { m_gate.open(); });
    if (whileClosed)
        whileClosed();
    if (m_initialized && !m_borrowed) {
        if (m_waiter)
            willStopWaiting();
        const CK_RV rv = P11CALL(*this, C_Finalize, nullptr);
        const bool waiterEnded = !m_waiter || stopWaiting();
        if (rv != CKR_OK && rv != CKR_CRYPTOKI_NOT_INITIALIZED)
            check(rv, "C_Finalize");
        m_initialized = false;
        if (!waiterEnded)
            m_waiter.reset(); // left behind: the slot monitor polls from now on
    }
    m_borrowed = false;
    initialize();
    if (m_waiter)
        startWaiting();
}

CK_INFO Module::info() const
{
    CK_INFO info{};
    check(P11CALL(*this, C_GetInfo, &info), "C_GetInfo");
    if (m_trace)
        m_trace->moduleInfo(m_path, info); // for the header of a trace started later
    return info;
}

QString ModuleRegistry::canonicalPath(const QString &path)
{
    const QFileInfo fi(path);
    const QString c = fi.canonicalFilePath();
    return c.isEmpty() ? fi.absoluteFilePath() : c;
}

void ModuleRegistry::setActivityDir(const QString &dir)
{
    QMutexLocker lock(&m_mutex);
    m_activityDir = dir;
}

namespace {
// Map key of a module loaded in a separate process (a path never starts with it).
const QString kIsolatedKey = QStringLiteral("isolated:");
} // namespace

void ModuleRegistry::setCallLimit(std::chrono::milliseconds limit)
{
    QMutexLocker lock(&m_mutex);
    m_callLimit = limit;
}

std::shared_ptr<Module> ModuleRegistry::loadIsolated(const QString &key)
{
    const QString mapKey = kIsolatedKey + key;
    std::chrono::milliseconds limit;
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_loaded.find(mapKey); it != m_loaded.end())
            if (auto m = it->second.lock())
                return m;
        limit = m_callLimit;
    }
    // No library lock: nothing is loaded into this process but p11-kit's client module,
    // and each load has its own client instance and child. No crash record either: the
    // module cannot take TokenDesk down, and a hang is ended by the helper.
    CK_FUNCTION_LIST_PTR fn = nullptr;
    std::unique_ptr<ModuleHelper> helper = ModuleHelper::create(key, limit, &fn);
    ModuleHelper *h = helper.get();
    std::shared_ptr<Module> m(new Module(key, nullptr, fn, nullptr, m_trace, std::move(helper)));
    try {
        m->initialize();
    } catch (const Pkcs11Error &) {
        if (h->stopped())
            throw TokenDeskError(h->problem()); // it crashed or hung in C_Initialize: say so
        throw;
    }
    QMutexLocker lock(&m_mutex);
    if (auto it = m_loaded.find(mapKey); it != m_loaded.end())
        if (auto other = it->second.lock())
            return other; // loaded meanwhile by another job: ours is finalized when dropped here
    m_loaded[mapKey] = m;
    qCInfo(lcP11) << "loaded in a separate process" << key;
    return m;
}

std::shared_ptr<Module> ModuleRegistry::load(const QString &path, bool isolated)
{
    const QString key = canonicalPath(path);
    if (isolated) {
        if (!QFileInfo::exists(key))
            throw TokenDeskError(missingFile(path));
        return loadIsolated(key);
    }
    QString activityDir;
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_loaded.find(key); it != m_loaded.end())
            if (auto m = it->second.lock())
                return m;
        activityDir = m_activityDir;
    }
    // Only loads and unloads of the same file wait for each other: a module that hangs in
    // its constructor or C_Initialize must not keep the other modules from loading.
    const std::shared_ptr<QMutex> library = libraryLock(key);
    QMutexLocker loading(library.get());
    {
        QMutexLocker lock(&m_mutex);
        if (auto it = m_loaded.find(key); it != m_loaded.end())
            if (auto m = it->second.lock())
                return m;
    }

    if (!QFileInfo::exists(key))
        throw TokenDeskError(missingFile(path));
    std::unique_ptr<ModuleActivity> activity = ModuleActivity::create(activityDir, key);
    void *handle = nullptr;
    {
        const ModuleCall call(activity.get(), "dlopen"); // library constructors run here
        handle = dlopen(QFile::encodeName(key).constData(), RTLD_NOW | RTLD_LOCAL | kKeepMappedForLeakReports);
    }
    if (!handle)
        throw TokenDeskError(Tr::tr("%1 could not be loaded as a library: %2").arg(path, QString::fromLocal8Bit(dlerror())));
    auto getList = reinterpret_cast<CK_C_GetFunctionList>(dlsym(handle, "C_GetFunctionList"));
    if (!getList) {
        dlclose(handle);
        throw TokenDeskError(Tr::tr("%1 is a library but not a PKCS#11 module (it has no C_GetFunctionList).").arg(path));
    }
    CK_FUNCTION_LIST_PTR fn = nullptr;
    CK_RV rv = CKR_OK;
    {
        const ModuleCall call(activity.get(), "C_GetFunctionList");
        rv = getList(&fn);
    }
    if (rv != CKR_OK || !fn) {
        dlclose(handle);
        throw Pkcs11Error("C_GetFunctionList", rv != CKR_OK ? rv : CKR_GENERAL_ERROR);
    }
    std::shared_ptr<Module> m(new Module(key, handle, fn, std::move(activity), m_trace));
    try {
        m->initialize();
    } catch (...) {
        loading.unlock(); // the Module destructor takes it to unload the library
        throw;
    }
    {
        QMutexLocker lock(&m_mutex);
        m_loaded[key] = m;
    }
    qCInfo(lcP11) << "loaded" << key;
    return m;
}

std::vector<CK_SLOT_ID> slotList(Module &m, bool tokenPresent)
{
    const CK_BBOOL present = tokenPresent ? CK_TRUE : CK_FALSE;
    std::vector<CK_SLOT_ID> ids;
    for (int attempt = 0; attempt < 3; ++attempt) {
        CK_ULONG n = 0;
        check(P11CALL(m, C_GetSlotList, present, nullptr, &n), "C_GetSlotList");
        checkCount(m, "C_GetSlotList", n, ModuleLimits::kMaxSlots);
        ids.resize(n);
        const CK_ULONG room = n;
        const CK_RV rv = n ? P11CALL(m, C_GetSlotList, present, ids.data(), &n) : CKR_OK;
        if (rv == CKR_BUFFER_TOO_SMALL)
            continue;
        check(rv, "C_GetSlotList");
        checkCount(m, "C_GetSlotList", n, room);
        ids.resize(n);
        return ids;
    }
    throw Pkcs11Error("C_GetSlotList", CKR_BUFFER_TOO_SMALL);
}
