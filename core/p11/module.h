// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/modulegate.h"
#include "p11/moduleactivity.h"
#include "p11/modulehelper.h"
#include "p11/pkcs11.h"
#include "p11/threadguard.h"
#include "p11/tracecall.h"
#include "p11/tracerecorder.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QString>

#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <vector>

Q_DECLARE_LOGGING_CATEGORY(lcP11)

// Every call into a module goes through here so the GUI-thread guard sees it, the
// module's crash record (ModuleActivity) holds the function's name while it runs,
// and the support trace (TraceRecorder) sees it when one is recorded.
#define P11CALL(module, fn, ...) (ThreadGuard::check(#fn), p11Invoke((module), #fn, (module).functions()->fn, __VA_ARGS__))
// The same without the GUI-thread guard, for destructors (they may run during
// unwinding or shutdown on any thread and must not abort): the call is still
// recorded, so a module that crashes in C_CloseSession is named after a restart.
#define P11CALL_UNGUARDED(module, fn, ...) p11Invoke((module), #fn, (module).functions()->fn, __VA_ARGS__)

// One loaded PKCS#11 library (dlopen + C_GetFunctionList + C_Initialize).
// Obtain it from ModuleRegistry, which loads each file once per process and
// shares it with every user; the last owner finalizes it (C_Finalize, dlclose),
// so the last reference must be dropped on a worker thread, never the GUI
// thread: the destructor goes through the GUI-thread guard like every call.
// Move-only by being held in shared_ptr; the destructor never throws.
class Module {
public:
    ~Module();
    Module(const Module &) = delete;
    Module &operator=(const Module &) = delete;

    const QString &path() const { return m_path; }
    CK_FUNCTION_LIST_PTR functions() const { return m_fn; }
    // The crash record, or null when the registry keeps none (tests, the probe).
    ModuleActivity *activity() const { return m_activity.get(); }
    // The child process of a module run in a separate process; null for a module loaded here.
    ModuleHelper *helper() const { return m_helper.get(); }
    bool isolated() const { return m_helper != nullptr; }
    // The support trace of the registry that loaded it (null in a module loaded elsewhere).
    TraceRecorder *trace() const { return m_trace.get(); }
    // True when another component had already initialized the library in this
    // process (CKR_CRYPTOKI_ALREADY_INITIALIZED): then we must not finalize it.
    bool borrowedInitialization() const { return m_borrowed; }
    // Named quirk: the module answered C_Initialize(CKF_OS_LOCKING_OK) with
    // CKR_CANT_LOCK, i.e. it is not thread-safe. All its tokens then share one executor.
    bool serialCalls() const { return m_serialCalls; }

    // Token jobs hold a ModuleGate::Pass while they run (Inventory does this).
    ModuleGate &gate() const { return m_gate; }

    // C_Finalize + C_Initialize: makes modules that freeze their slot list at
    // C_Initialize (OpenSC with a newly attached reader) look again. Closes the
    // gate first, so it waits for the token jobs inside and admits none until it
    // is done; whileClosed runs then, before C_Finalize (to drop the sessions
    // C_Finalize invalidates). Calls that do not pass the gate (scans, the slot
    // monitor) must be kept out by the caller: Inventory runs them and this on
    // the module's executor.
    void reinitialize(const std::function<void()> &whileClosed = {});

    CK_INFO info() const;

    // Starts a thread of its own that blocks in C_WaitForSlotEvent and calls onEvent(CKR_OK)
    // for each slot event (at most five a second), and onEvent(rv) once when waiting ends for
    // good (rv: the module does not support it, or failed). Blocking is the point: an idle
    // module is asked nothing (OpenSC then waits in pcscd instead of being polled). Only a
    // blocked wait's own module can wake it, by C_Finalize (PKCS#11 2.40 §5.4), so this is
    // offered only for a module loaded here, initialized by us, with OS locking; the
    // destructor and reinitialize() finalize first and then end the thread (reinitialize()
    // starts it again). A module whose wait does not end on C_Finalize stays mapped (no
    // dlclose under a thread that is still inside it). Returns false when not offered or
    // already watched. Call it from a worker, like any call into the module.
    bool watchSlotEvents(std::function<void(CK_RV)> onEvent);

private:
    friend class ModuleRegistry;
    Module(QString path, void *handle, CK_FUNCTION_LIST_PTR fn, std::unique_ptr<ModuleActivity> activity,
           std::shared_ptr<TraceRecorder> trace, std::unique_ptr<ModuleHelper> helper = {});
    void initialize();
    struct EventWaiter;
    void startWaiting();
    // Before C_Finalize: the woken wait is to end. After it: ends the waiting thread; false
    // when it did not end in time.
    void willStopWaiting();
    bool stopWaiting();

    QString m_path;
    void *m_handle = nullptr;
    CK_FUNCTION_LIST_PTR m_fn = nullptr;
    bool m_borrowed = false;
    bool m_initialized = false;
    bool m_serialCalls = false;
    mutable ModuleGate m_gate;
    std::unique_ptr<ModuleActivity> m_activity; // outlives C_Finalize and dlclose: both can crash
    std::shared_ptr<TraceRecorder> m_trace;
    std::unique_ptr<ModuleHelper> m_helper; // outlives C_Finalize: it may have to end the child
    std::shared_ptr<EventWaiter> m_waiter;  // the thread's side; set by the executor that loads and unloads
    bool m_keepMapped = false;              // a waiting thread did not end: never dlclose
};

// The body of P11CALL: the crash record holds the call while it runs; the trace,
// when recording, gets one line once it returns.
template <typename F, typename... A>
CK_RV p11Invoke(const Module &module, const char *function, F fn, A... args)
{
    const ModuleCall call(module.activity(), function);
    ModuleHelper *helper = module.helper();
    const HelperCall timed(helper, function);
    TraceRecorder *trace = module.trace();
    CK_RV rv = CKR_OK;
    if (!trace || !trace->isRecording()) {
        rv = fn(args...);
    } else {
        TraceCall traced(*trace, module.path(), function, {TraceCall::word(args)...});
        rv = fn(args...);
        traced.finish(rv);
    }
    if (rv != CKR_OK && helper)
        helper->noteFailure(function); // did its process die in this call?
    return rv;
}

// C_GetSlotList, size pass then list, asked again if a slot appears in between.
std::vector<CK_SLOT_ID> slotList(Module &module, bool tokenPresent);

// Loads modules once per process. Owned by the application (or a test) and
// passed to whoever needs it; there is no global instance.
class ModuleRegistry {
public:
    ModuleRegistry() = default;
    ModuleRegistry(const ModuleRegistry &) = delete;
    ModuleRegistry &operator=(const ModuleRegistry &) = delete;

    // Throws TokenDeskError (file missing, not a PKCS#11 library) or Pkcs11Error (C_Initialize).
    // isolated: run it in a separate process (ModuleHelper); a module is loaded at most
    // once per process in each way.
    std::shared_ptr<Module> load(const QString &path, bool isolated = false);
    // The canonical form used as the module's key everywhere (symlinks resolved).
    static QString canonicalPath(const QString &path);
    // Where loaded modules keep their crash records (see ModuleActivity); empty: none.
    // The application sets it once at start, before loading anything.
    void setActivityDir(const QString &dir);
    // How long one call into a module run in a separate process may take before its
    // process is ended (slow calls: 10×). Set before loading. Default 30 s.
    void setCallLimit(std::chrono::milliseconds limit);
    // The support trace shared by every module this registry loads.
    TraceRecorder &trace() const { return *m_trace; }

private:
    std::shared_ptr<Module> loadIsolated(const QString &key);

    QMutex m_mutex;
    std::map<QString, std::weak_ptr<Module>> m_loaded;       // guarded by m_mutex; isolated ones under kIsolatedKey + path
    std::chrono::milliseconds m_callLimit{30000};            // guarded by m_mutex
    QString m_activityDir;                                   // guarded by m_mutex
    const std::shared_ptr<TraceRecorder> m_trace = std::make_shared<TraceRecorder>();
};
