// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/inventory.h"

#include "exec/slotmonitor.h"
#include "inventory/scanner.h"
#include "p11/module.h"
#include "p11/errortext.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>
#include <QFileInfo>

#include <algorithm>

struct Inventory::ModuleEntry {
    ModuleSpec spec;
    std::unique_ptr<TokenExecutor> executor;
    // Set by the first successful load; dropped only by a job on `executor`.
    std::shared_ptr<Module> module;       // guarded by Inventory::m_mutex
    bool removed = false;                 // guarded by Inventory::m_mutex; its jobs then do nothing
    MechanismCache mechanisms;            // jobs on `executor` only (scans)
    std::unique_ptr<SlotMonitor> monitor; // GUI thread only
};

namespace {
QString tokenKey(const QString &modulePath, const TokenIdentity &id) { return modulePath + QLatin1Char('|') + id.key(); }

QString notLoaded(const QString &modulePath)
{
    return QCoreApplication::translate("Inventory", "The module %1 is not loaded.").arg(modulePath);
}
} // namespace

Session &TokenContext::prepare()
{
    CK_TOKEN_INFO ti{};
    CK_RV rv = P11CALL(*module, C_GetTokenInfo, slot, &ti);
    if (rv != CKR_OK || !id.matches(ti, slot)) {
        // The module renumbered its slots (SoftHSM does after C_InitToken) or the
        // token moved to another reader: find it again by identity.
        session.reset();
        bool found = false;
        for (CK_SLOT_ID s : slotList(*module, true)) {
            if (P11CALL(*module, C_GetTokenInfo, s, &ti) == CKR_OK && id.matches(ti, s)) {
                slot = s;
                found = true;
                break;
            }
        }
        if (!found)
            throw Pkcs11Error("C_GetTokenInfo", CKR_TOKEN_NOT_PRESENT);
    }
    info = ti;
    if (!session) {
        try {
            session.emplace(module, slot, true);
        } catch (const Pkcs11Error &e) {
            if (e.rv() != CKR_TOKEN_WRITE_PROTECTED)
                throw;
            session.emplace(module, slot, false); // read-only token: a read-only session still browses
        }
    }
    return *session;
}

Inventory::Inventory(ModuleRegistry &registry, QObject *parent) : QObject(parent), m_registry(registry)
{
    qRegisterMetaType<ModuleSnapshot>();
    qRegisterMetaType<TokenContents>();
}

Inventory::~Inventory()
{
    // Runs on the GUI thread in the application: every Module reference is let go
    // of on a worker (started at once, not from the event loop, which no longer
    // runs), after the jobs already started; whoever drops the last one finalizes.
    std::vector<std::unique_ptr<ModuleEntry>> modules = std::move(m_removedModules);
    std::vector<TokenEntry> tokens = std::move(m_retiring);
    {
        QMutexLocker lock(&m_mutex);
        for (auto &[key, m] : m_modules)
            modules.push_back(std::move(m));
        m_modules.clear();
        for (auto &[key, t] : m_tokens)
            tokens.push_back(std::move(t));
        m_tokens.clear();
    }
    for (const auto &m : modules)
        m->monitor.reset();
    for (const TokenEntry &t : tokens) {
        const std::shared_ptr<TokenContext> ctx = t.context;
        ctx->executor->startNow([ctx] { ctx->retire(); });
    }
    // Every session is closed before any module is finalized: two modules may share one
    // library instance (a forwarding module such as p11-kit's proxy next to the library
    // itself), and one's C_Finalize would pull the state from under the other's C_CloseSession.
    for (const TokenEntry &t : tokens)
        if (t.executor)
            t.executor->waitForIdle();
    for (const auto &m : modules) {
        ModuleEntry *ep = m.get();
        ep->executor->startNow([this, ep] {
            std::shared_ptr<Module> last;
            QMutexLocker lock(&m_mutex);
            last.swap(ep->module);
        });
    }
    for (const auto &m : modules)
        m->executor->waitForIdle();
}

Inventory::ModuleEntry &Inventory::entry(const QString &modulePath)
{
    const QString key = ModuleRegistry::canonicalPath(modulePath);
    QMutexLocker lock(&m_mutex);
    auto &e = m_modules[key];
    if (!e) {
        e = std::make_unique<ModuleEntry>();
        e->spec.path = key;
        e->spec.name = QFileInfo(key).completeBaseName();
        e->executor = std::make_unique<TokenExecutor>(QStringLiteral("module:") + QFileInfo(key).fileName());
    }
    return *e;
}

TokenExecutor *Inventory::moduleExecutor(const QString &modulePath) { return entry(modulePath).executor.get(); }

QFuture<ModuleSnapshot> Inventory::scan(const ModuleSpec &spec)
{
    ModuleEntry &e = entry(spec.path);
    ModuleEntry *ep = &e; // lives until the jobs queued before its removal have run
    {
        QMutexLocker lock(&m_mutex); // a monitor's rescan reads the spec on the worker
        e.spec.userAdded = spec.userAdded;
        e.spec.isolated = spec.isolated;
        if (!spec.name.isEmpty())
            e.spec.name = spec.name;
    }
    return e.executor->submit<ModuleSnapshot>([this, ep](QPromise<ModuleSnapshot> &p) {
        std::shared_ptr<Module> m;
        {
            QMutexLocker lock(&m_mutex);
            m = ep->module;
        }
        if (std::optional<ModuleSnapshot> snap = scanOnWorker(ep, std::move(m)))
            p.addResult(std::move(*snap));
        else
            p.future().cancel(); // removed before or while we scanned: the result must not bring it back
    });
}

std::optional<ModuleSnapshot> Inventory::scanOnWorker(ModuleEntry *ep, std::shared_ptr<Module> m)
{
    ModuleSpec s;
    {
        QMutexLocker lock(&m_mutex);
        if (ep->removed)
            return std::nullopt;
        s = ep->spec;
    }
    ModuleSnapshot snap;
    try {
        if (!m) {
            m = m_registry.load(s.path, s.isolated);
            QMutexLocker lock(&m_mutex);
            if (!ep->removed)
                ep->module = m;
        }
        snap = Scanner::scanModule(m, &ep->mechanisms);
        if (m->serialCalls())
            snap.quirk = QCoreApplication::translate(
                "Inventory", "This module cannot use OS locking; all its tokens share one worker.");
    } catch (...) {
        const UserError ue = userError(std::current_exception());
        snap.error = ue.text();
    }
    if (m && m->helper() && m->helper()->stopped()) {
        // Its separate process crashed or hung: say so for the whole module (what was
        // read before is stale), and start a new process, with new sessions, next time.
        snap = ModuleSnapshot{};
        snap.error = m->helper()->problem();
        {
            QMutexLocker lock(&m_mutex);
            if (ep->module == m)
                ep->module.reset();
        }
        QMetaObject::invokeMethod(
            this,
            [this, path = s.path] {
                retireGoneTokens(path, {});
                // The monitor watches the module that is gone; the next scan starts one for the new.
                QMutexLocker lock(&m_mutex);
                if (const auto it = m_modules.find(path); it != m_modules.end())
                    it->second->monitor.reset();
            },
            Qt::QueuedConnection);
    }
    {
        QMutexLocker lock(&m_mutex);
        if (ep->removed)
            return std::nullopt;
    }
    snap.path = s.path;
    snap.name = s.name;
    snap.userAdded = s.userAdded;
    // Tokens this scan no longer finds give up their thread and session. Only after a
    // scan that saw every present token: a token whose info could not be read may still be there.
    const bool complete = snap.error.isEmpty()
        && std::none_of(snap.slots.begin(), snap.slots.end(), [](const SlotSnapshot &sl) { return !sl.tokenError.isEmpty(); });
    if (complete) {
        QSet<QString> present;
        for (const SlotSnapshot &sl : snap.slots)
            if (sl.token)
                present.insert(tokenKey(s.path, sl.token->id));
        // Posted before the result: contexts made for what this scan lists come later.
        QMetaObject::invokeMethod(
            this, [this, path = s.path, present] { retireGoneTokens(path, present); }, Qt::QueuedConnection);
    }
    if (snap.error.isEmpty()) {
        // The monitor compares with what this scan saw (started on the first good scan).
        std::vector<SlotMonitor::SlotState> baseline;
        for (const SlotSnapshot &sl : snap.slots)
            baseline.push_back({sl.id, (sl.flags & CKF_TOKEN_PRESENT) != 0});
        QMetaObject::invokeMethod(
            this, [this, path = s.path, baseline = std::move(baseline)]() mutable { watch(path, std::move(baseline)); },
            Qt::QueuedConnection);
    }
    return snap;
}

std::shared_ptr<TokenContext> Inventory::context(const TokenRef &token)
{
    const QString path = ModuleRegistry::canonicalPath(token.modulePath);
    QMutexLocker lock(&m_mutex);
    const auto mod = m_modules.find(path);
    if (mod == m_modules.end() || !mod->second->module)
        throw TokenDeskError(notLoaded(token.modulePath));
    const std::shared_ptr<Module> &module = mod->second->module;
    TokenEntry &t = m_tokens[tokenKey(path, token.id)];
    if (!t.context) {
        auto ctx = std::make_shared<TokenContext>();
        if (module->serialCalls()) {
            ctx->executor = mod->second->executor.get();
        } else {
            t.executor = std::make_unique<TokenExecutor>(QStringLiteral("token:") + token.id.serial);
            ctx->executor = t.executor.get();
        }
        ctx->module = module;
        ctx->slot = token.slot;
        ctx->id = token.id;
        t.context = std::move(ctx);
    }
    return t.context;
}

std::vector<Inventory::TokenEntry> Inventory::takeTokens(const QString &modulePath,
                                                         const std::function<bool(const QString &)> &which)
{
    std::vector<TokenEntry> taken;
    const QString prefix = modulePath + QLatin1Char('|');
    for (auto it = m_tokens.begin(); it != m_tokens.end();) {
        if (it->first.startsWith(prefix) && which(it->first)) {
            taken.push_back(std::move(it->second));
            it = m_tokens.erase(it);
        } else {
            ++it;
        }
    }
    return taken;
}

std::vector<std::shared_ptr<TokenContext>> Inventory::contextsOf(const QString &modulePath)
{
    std::vector<std::shared_ptr<TokenContext>> out;
    const QString prefix = modulePath + QLatin1Char('|');
    QMutexLocker lock(&m_mutex);
    for (const auto &[key, t] : m_tokens)
        if (key.startsWith(prefix))
            out.push_back(t.context);
    return out;
}

void Inventory::retire(std::vector<TokenEntry> tokens)
{
    for (TokenEntry &t : tokens) {
        // No new job can reach this context (it left m_tokens). Once its retirement has
        // run, its own executor is idle, and its thread ends with it, on this object's thread.
        const std::shared_ptr<TokenContext> ctx = t.context;
        QFuture<void> retired = ctx->executor->submit<void>([ctx](QPromise<void> &) { ctx->retire(); });
        m_retiring.push_back(std::move(t));
        retired.then(this, [this, c = ctx.get()](QFuture<void>) {
            std::erase_if(m_retiring, [c](const TokenEntry &x) { return x.context.get() == c; });
        });
    }
}

void Inventory::retireGoneTokens(const QString &modulePath, const QSet<QString> &presentKeys)
{
    std::vector<TokenEntry> gone;
    {
        QMutexLocker lock(&m_mutex);
        gone = takeTokens(modulePath, [&presentKeys](const QString &key) { return !presentKeys.contains(key); });
    }
    retire(std::move(gone));
}

int Inventory::tokenExecutorCount() const
{
    const auto owned = [](const auto &t) { return t.executor != nullptr; };
    QMutexLocker lock(&m_mutex);
    return int(std::count_if(m_retiring.begin(), m_retiring.end(), owned))
        + int(std::count_if(m_tokens.begin(), m_tokens.end(), [&owned](const auto &t) { return owned(t.second); }));
}

int Inventory::tokenJobsWaiting(const QString &modulePath) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_modules.find(ModuleRegistry::canonicalPath(modulePath));
    return it == m_modules.end() || !it->second->module ? 0 : it->second->module->gate().waiting();
}

QFuture<TokenContents> Inventory::readObjects(const TokenRef &token)
{
    return onToken<TokenContents>(token, [](QPromise<TokenContents> &p, TokenContext &ctx) {
        Session &s = ctx.prepare();
        TokenContents c = Scanner::readObjects(s, ctx.info);
        // Decoded here, on the token's worker, so neither the tree nor --list decodes on its thread.
        ctx.decoder.decodeAll(c);
        p.addResult(std::move(c));
    });
}

QFuture<void> Inventory::login(const TokenRef &token, CK_USER_TYPE user, std::optional<SecureBytes> pin)
{
    auto shared = std::make_shared<std::optional<SecureBytes>>(std::move(pin));
    return onToken<void>(token, [user, shared](QPromise<void> &, TokenContext &ctx) {
        Session &s = ctx.prepare();
        try {
            s.login(user, *shared);
        } catch (...) {
            shared->reset(); // wipe now, not when the last copy of the job goes away
            throw;
        }
        shared->reset();
    });
}

QFuture<void> Inventory::logout(const TokenRef &token)
{
    return onToken<void>(token, [](QPromise<void> &, TokenContext &ctx) {
        if (ctx.session)
            ctx.prepare().logout();
    });
}

QFuture<TokenSnapshot> Inventory::tokenInfo(const TokenRef &token)
{
    return onToken<TokenSnapshot>(token, [](QPromise<TokenSnapshot> &p, TokenContext &ctx) {
        ctx.prepare();
        p.addResult(Scanner::readToken(*ctx.module, ctx.slot));
    });
}

QFuture<void> Inventory::rescanReaders(const QString &modulePath)
{
    const QString key = ModuleRegistry::canonicalPath(modulePath);
    ModuleEntry *ep = nullptr;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_modules.find(key);
        if (it == m_modules.end() || !it->second->module)
            return failedFuture<void>(std::make_exception_ptr(TokenDeskError(notLoaded(modulePath))));
        ep = it->second.get();
    }
    // On the module's executor, so no scan or slot poll runs meanwhile; the module's
    // gate keeps the token jobs out (those already inside end first, new ones wait).
    return ep->executor->submit<void>([this, ep, key](QPromise<void> &) {
        std::shared_ptr<Module> m;
        {
            QMutexLocker lock(&m_mutex);
            if (!ep->removed)
                m = ep->module;
        }
        if (!m)
            return;
        // C_Finalize invalidates every session: forget them while no job can use one.
        m->reinitialize([this, &key] {
            for (const auto &c : contextsOf(key))
                c->dropSession();
        });
    });
}

void Inventory::removeModule(const QString &modulePath)
{
    const QString key = ModuleRegistry::canonicalPath(modulePath);
    std::unique_ptr<ModuleEntry> gone;
    std::vector<TokenEntry> tokens;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_modules.find(key);
        if (it == m_modules.end())
            return;
        gone = std::move(it->second);
        gone->removed = true;
        m_modules.erase(it);
        tokens = takeTokens(key, [](const QString &) { return true; });
    }
    gone->monitor.reset(); // holds the module weakly: nothing is unloaded here
    retire(std::move(tokens));
    // The entry's reference goes on the module's executor, after the jobs queued
    // there (a scan in flight ends first, canceled). Whichever worker drops the
    // last reference (this job or a token's retirement) finalizes and unloads.
    ModuleEntry *ep = gone.get();
    m_removedModules.push_back(std::move(gone));
    ep->executor
        ->submit<void>([this, ep](QPromise<void> &) {
            std::shared_ptr<Module> last;
            QMutexLocker lock(&m_mutex);
            last.swap(ep->module);
        })
        .then(this, [this, ep](QFuture<void>) {
            // Back on this object's thread: the executor is idle and may go.
            std::erase_if(m_removedModules, [ep](const auto &x) { return x.get() == ep; });
        });
}

bool Inventory::waitsForSlotEvents(const QString &modulePath) const
{
    QMutexLocker lock(&m_mutex);
    const auto it = m_modules.find(ModuleRegistry::canonicalPath(modulePath));
    return it != m_modules.end() && it->second->monitor && it->second->monitor->waitsForEvents();
}

void Inventory::setMonitoring(int intervalMs)
{
    m_monitorIntervalMs = intervalMs;
    if (intervalMs > 0)
        return; // started by each module's next good scan
    QMutexLocker lock(&m_mutex);
    for (auto &[key, e] : m_modules)
        e->monitor.reset();
}

void Inventory::watch(const QString &key, std::vector<SlotMonitor::SlotState> baseline)
{
    if (m_monitorIntervalMs <= 0)
        return;
    ModuleEntry *e = nullptr;
    std::weak_ptr<Module> module;
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_modules.find(key);
        if (it == m_modules.end() || it->second->removed || !it->second->module)
            return; // removed, or never loaded: nothing to watch
        e = it->second.get();
        module = e->module;
    }
    if (!e->monitor) {
        // On a change the monitor's poll job rescans right there, on the module's executor,
        // and the snapshot crosses to this thread once: no second job, no settings read here.
        e->monitor = std::make_unique<SlotMonitor>(module, e->executor.get(), [this, e](const std::shared_ptr<Module> &m) {
            if (std::optional<ModuleSnapshot> snap = scanOnWorker(e, m))
                QMetaObject::invokeMethod(
                    this, [this, snap = std::move(*snap)] { Q_EMIT slotsChanged(snap.path, snap); }, Qt::QueuedConnection);
        });
    }
    e->monitor->start(m_monitorIntervalMs, std::move(baseline));
}