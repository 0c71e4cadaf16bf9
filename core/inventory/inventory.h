// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/slotmonitor.h"
#include "exec/tokenexecutor.h"
#include "inventory/modulespec.h"
#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/securebytes.h"

#include <QFuture>
#include <QMutex>
#include <QObject>
#include <QSet>

#include <functional>
#include <map>
#include <memory>
#include <optional>

class Module;
class ModuleRegistry;
struct TokenContext;

// The asynchronous face of core for the UI and the --list inventory. Every
// method returns at once; the PKCS#11 work runs on one executor per module
// (loading, slot lists, monitoring) and one per token (sessions, login,
// objects), so a slow token never blocks another, nor the caller. A method that
// cannot even start its job (unknown module, module removed) returns a failed
// future; none throws.
//
// Lifetimes: the Inventory owns every executor and is
// the only owner of Module references besides the jobs themselves. Those
// references are dropped on workers, so C_Finalize and dlclose never run on the
// GUI thread. A token's executor and session live while scans still list the
// token; a module's entry lives until removeModule().
class Inventory : public QObject {
    Q_OBJECT
public:
    explicit Inventory(ModuleRegistry &registry, QObject *parent = nullptr);
    // Waits for the jobs already started (not for those still queued on the event loop).
    ~Inventory() override;

    // Loads the module if needed and reads its slots and tokens. A module that
    // cannot be loaded gives a snapshot with error set (not an exception), so
    // callers list it with its reason next to the modules that work. Canceled
    // when the module is removed before the scan ends: a late result would
    // otherwise bring a removed module back. Tokens this scan no longer finds
    // lose their executor and session.
    QFuture<ModuleSnapshot> scan(const ModuleSpec &spec);
    // Reads every object visible on the token (public ones unless logged in).
    QFuture<TokenContents> readObjects(const TokenRef &token);
    // pin == nullopt: protected authentication path; the user enters the PIN on the reader.
    // Exactly one C_Login: never retried.
    QFuture<void> login(const TokenRef &token, CK_USER_TYPE user, std::optional<SecureBytes> pin);
    QFuture<void> logout(const TokenRef &token);
    // Fresh token info (after a failed login, to show the tries left).
    QFuture<TokenSnapshot> tokenInfo(const TokenRef &token);
    // C_Finalize + C_Initialize, for modules that freeze their reader list. Token
    // jobs submitted meanwhile wait until it is done; every session (and login) ends.
    QFuture<void> rescanReaders(const QString &modulePath);
    // Forget a module: stop monitoring, cancel its scans, close its sessions and end
    // its token threads; unloaded (on a worker) once nobody holds it.
    void removeModule(const QString &modulePath);

    // intervalMs > 0: after each good scan, the module's slots are watched (SlotMonitor, on the
    // module's executor); when a token comes or goes or a reader is added or removed, the module
    // is rescanned there and slotsChanged carries the new snapshot. 0 (the default, as for
    // --list): no monitoring; monitors running stop.
    void setMonitoring(int intervalMs);

    // For the few core operations outside this class (wizards, demo token): run a
    // job on the token's executor with its open session (logged in if the user is).
    template <typename T, typename Job> // Job: void(QPromise<T> &, Session &, const CK_TOKEN_INFO &)
    QFuture<T> withSession(const TokenRef &token, Job job);

    // For operations that must run with no session of ours open on the token
    // (C_InitToken fails with CKR_SESSION_EXISTS otherwise): closes the token's
    // session, which also ends its login, then runs the job on the token's executor.
    template <typename T, typename Job> // Job: void(QPromise<T> &, Module &, CK_SLOT_ID, const CK_TOKEN_INFO &)
    QFuture<T> withoutSession(const TokenRef &token, Job job);

    TokenExecutor *moduleExecutor(const QString &modulePath);
    ModuleRegistry &registry() const { return m_registry; }

    // For tests and diagnostics. Token executors alive (one thread each), those
    // still finishing their retirement included; token jobs of a module now
    // waiting for its re-initialization to end.
    int tokenExecutorCount() const;
    int tokenJobsWaiting(const QString &modulePath) const;
    // The module's slot monitor waits for its slot events instead of polling (GUI thread).
    bool waitsForSlotEvents(const QString &modulePath) const;

Q_SIGNALS:
    // From the slot monitor: the module rescanned after a token came or went. Tokens the
    // snapshot no longer lists were retired before this arrives.
    void slotsChanged(const QString &modulePath, const ModuleSnapshot &snapshot);
    // A job found the token gone or its session invalid: the view should refresh.
    void tokenLost(const QString &modulePath);

private:
    struct ModuleEntry;
    struct TokenEntry {
        std::shared_ptr<TokenContext> context;
        std::unique_ptr<TokenExecutor> executor; // null when the module's executor serves its tokens (quirk)
    };
    ModuleEntry &entry(const QString &modulePath); // GUI thread only
    std::shared_ptr<TokenContext> context(const TokenRef &token);
    template <typename T, typename Job>
    QFuture<T> onToken(const TokenRef &token, Job job);
    // Takes the module's tokens out of m_tokens; m_mutex must be held.
    std::vector<TokenEntry> takeTokens(const QString &modulePath, const std::function<bool(const QString &)> &which);
    std::vector<std::shared_ptr<TokenContext>> contextsOf(const QString &modulePath);
    // Ends tokens taken out of m_tokens: each closes its session and lets go of the
    // module on its own executor; the executor is destroyed here once that has run.
    void retire(std::vector<TokenEntry> tokens);
    void retireGoneTokens(const QString &modulePath, const QSet<QString> &presentKeys);
    // The work of a scan, on the module's executor (loads the module when m is null). nullopt
    // when the module was removed before or meanwhile.
    std::optional<ModuleSnapshot> scanOnWorker(ModuleEntry *ep, std::shared_ptr<Module> m);
    // Starts the module's monitor or gives it a new baseline (this object's thread).
    void watch(const QString &modulePath, std::vector<SlotMonitor::SlotState> baseline);
    int m_monitorIntervalMs = 0; // this object's thread only

    ModuleRegistry &m_registry;
    mutable QMutex m_mutex;
    std::map<QString, std::unique_ptr<ModuleEntry>> m_modules;        // guarded by m_mutex
    std::map<QString, TokenEntry> m_tokens;                           // guarded by m_mutex; key: module|identity
    // Taken out of m_tokens, their retirement not yet run; their executors are
    // destroyed on this object's thread once it has.
    std::vector<TokenEntry> m_retiring;                               // this object's thread only
    std::vector<std::unique_ptr<ModuleEntry>> m_removedModules;       // this object's thread only
};

#include "inventory/inventory_p.h"
