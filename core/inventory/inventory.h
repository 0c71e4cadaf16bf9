// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "exec/tokenexecutor.h"
#include "inventory/modulespec.h"
#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/securebytes.h"

#include <QFuture>
#include <QMutex>
#include <QObject>

#include <map>
#include <memory>
#include <optional>

class Module;
class ModuleRegistry;
class SlotMonitor;
struct TokenContext;

// The asynchronous face of core for the UI and the --list inventory. Every
// method returns at once; the PKCS#11 work runs on one executor per module
// (loading, slot lists, monitoring) and one per token (sessions, login,
// objects), so a slow token never blocks another, nor the caller.
class Inventory : public QObject {
    Q_OBJECT
public:
    explicit Inventory(ModuleRegistry &registry, QObject *parent = nullptr);
    ~Inventory() override;

    // Loads the module if needed and reads its slots and tokens. A module that
    // cannot be loaded gives a snapshot with error set (not an exception), so
    // callers list it with its reason next to the modules that work.
    QFuture<ModuleSnapshot> scan(const ModuleSpec &spec);
    // Reads every object visible on the token (public ones unless logged in).
    QFuture<TokenContents> readObjects(const TokenRef &token);
    // pin == nullopt: protected authentication path; the user enters the PIN on the reader.
    // Exactly one C_Login: never retried.
    QFuture<void> login(const TokenRef &token, CK_USER_TYPE user, std::optional<SecureBytes> pin);
    QFuture<void> logout(const TokenRef &token);
    // Fresh token info (after a failed login, to show the tries left).
    QFuture<TokenSnapshot> tokenInfo(const TokenRef &token);
    // C_Finalize + C_Initialize, for modules that freeze their reader list.
    QFuture<void> rescanReaders(const QString &modulePath);
    // Forget a module: stop monitoring, close its sessions; unloaded once nobody holds it.
    void removeModule(const QString &modulePath);

    // Watches the module's slots and emits slotsChanged when a token comes or goes
    // or a reader is added or removed, compared with what this scan saw.
    void startMonitoring(const ModuleSnapshot &scanned, int intervalMs = 1000);

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

Q_SIGNALS:
    void slotsChanged(const QString &modulePath);
    // A job found the token gone or its session invalid: the view should refresh.
    void tokenLost(const QString &modulePath);

private:
    struct ModuleEntry;
    ModuleEntry &entry(const QString &modulePath); // GUI thread only
    std::shared_ptr<TokenContext> context(const TokenRef &token);
    std::shared_ptr<Module> loadedModule(const QString &modulePath);
    template <typename T, typename Job>
    QFuture<T> onToken(const TokenRef &token, Job job);

    ModuleRegistry &m_registry;
    QMutex m_mutex;
    std::map<QString, std::unique_ptr<ModuleEntry>> m_modules;        // guarded by m_mutex
    std::map<QString, std::shared_ptr<TokenContext>> m_tokens;        // guarded by m_mutex; key: module|identity
};

#include "inventory/inventory_p.h"
