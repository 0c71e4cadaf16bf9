// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/inventory.h"

#include "exec/slotmonitor.h"
#include "inventory/scanner.h"
#include "p11/module.h"
#include "p11/errortext.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>
#include <QFileInfo>

struct Inventory::ModuleEntry {
    ModuleSpec spec;
    std::unique_ptr<TokenExecutor> executor;
    std::shared_ptr<Module> module;      // guarded by Inventory::m_mutex; set by the first successful scan
    std::unique_ptr<SlotMonitor> monitor; // GUI thread only
};

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
    // Sessions close and modules finalize only once no job is running.
    for (auto &[key, m] : m_modules)
        if (m->monitor)
            m->monitor->stop();
    for (auto &[key, t] : m_tokens)
        if (t->ownExecutor)
            t->ownExecutor->waitForIdle();
    for (auto &[key, m] : m_modules)
        m->executor->waitForIdle();
    m_tokens.clear();
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

std::shared_ptr<Module> Inventory::loadedModule(const QString &modulePath)
{
    const QString key = ModuleRegistry::canonicalPath(modulePath);
    QMutexLocker lock(&m_mutex);
    auto it = m_modules.find(key);
    return it == m_modules.end() ? nullptr : it->second->module;
}

QFuture<ModuleSnapshot> Inventory::scan(const ModuleSpec &spec)
{
    ModuleEntry &e = entry(spec.path);
    e.spec.userAdded = spec.userAdded;
    if (!spec.name.isEmpty())
        e.spec.name = spec.name;
    const ModuleSpec s = e.spec;
    ModuleEntry *ep = &e;
    return e.executor->submit<ModuleSnapshot>([this, s, ep](QPromise<ModuleSnapshot> &p) {
        ModuleSnapshot snap;
        try {
            std::shared_ptr<Module> m;
            {
                QMutexLocker lock(&m_mutex);
                m = ep->module;
            }
            if (!m) {
                m = m_registry.load(s.path);
                QMutexLocker lock(&m_mutex);
                ep->module = m;
            }
            snap = Scanner::scanModule(m);
            if (m->serialCalls())
                snap.quirk = QCoreApplication::translate(
                    "Inventory", "This module cannot use OS locking; all its tokens share one worker.");
        } catch (...) {
            const UserError ue = userError(std::current_exception());
            snap.error = ue.text();
        }
        snap.path = s.path;
        snap.name = s.name;
        snap.userAdded = s.userAdded;
        p.addResult(std::move(snap));
    });
}

std::shared_ptr<TokenContext> Inventory::context(const TokenRef &token)
{
    std::shared_ptr<Module> module = loadedModule(token.modulePath);
    if (!module)
        throw TokenDeskError(QCoreApplication::translate("Inventory", "The module %1 is not loaded.").arg(token.modulePath));
    const QString key = module->path() + QLatin1Char('|') + token.id.key();
    QMutexLocker lock(&m_mutex);
    auto &ctx = m_tokens[key];
    if (!ctx) {
        ctx = std::make_shared<TokenContext>();
        if (module->serialCalls()) {
            ctx->executor = m_modules.at(module->path())->executor.get();
        } else {
            ctx->ownExecutor = std::make_unique<TokenExecutor>(QStringLiteral("token:") + token.id.serial);
            ctx->executor = ctx->ownExecutor.get();
        }
        ctx->module = module;
        ctx->slot = token.slot;
        ctx->id = token.id;
    }
    return ctx;
}

QFuture<TokenContents> Inventory::readObjects(const TokenRef &token)
{
    return onToken<TokenContents>(token, [](QPromise<TokenContents> &p, TokenContext &ctx) {
        Session &s = ctx.prepare();
        p.addResult(Scanner::readObjects(s, ctx.info));
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
    ModuleEntry &e = entry(modulePath);
    const QString key = e.spec.path;
    // Close every session of this module on its token's executor first: C_Finalize
    // invalidates them, and must not run while another thread is inside the module.
    std::vector<std::shared_ptr<TokenContext>> contexts;
    {
        QMutexLocker lock(&m_mutex);
        for (auto it = m_tokens.begin(); it != m_tokens.end();) {
            if (it->first.startsWith(key + QLatin1Char('|'))) {
                contexts.push_back(it->second);
                it = m_tokens.erase(it);
            } else {
                ++it;
            }
        }
    }
    ModuleEntry *ep = &e;
    return e.executor->submit<void>([this, ep, contexts](QPromise<void> &) {
        for (const auto &c : contexts) {
            if (c->ownExecutor) {
                c->ownExecutor->submit<void>([c](QPromise<void> &) { c->dropSession(); });
                c->ownExecutor->waitForIdle();
            } else {
                c->dropSession(); // shares this executor: we are on its thread
            }
        }
        std::shared_ptr<Module> m;
        {
            QMutexLocker lock(&m_mutex);
            m = ep->module;
        }
        if (m)
            m->reinitialize();
    });
}

void Inventory::removeModule(const QString &modulePath)
{
    const QString key = ModuleRegistry::canonicalPath(modulePath);
    std::unique_ptr<ModuleEntry> gone;
    std::vector<std::shared_ptr<TokenContext>> contexts;
    {
        QMutexLocker lock(&m_mutex);
        auto it = m_modules.find(key);
        if (it == m_modules.end())
            return;
        gone = std::move(it->second);
        m_modules.erase(it);
        for (auto t = m_tokens.begin(); t != m_tokens.end();) {
            if (t->first.startsWith(key + QLatin1Char('|'))) {
                contexts.push_back(t->second);
                t = m_tokens.erase(t);
            } else {
                ++t;
            }
        }
    }
    if (gone->monitor)
        gone->monitor->stop();
    // Close sessions and drop the module reference on the workers; the entry (and its
    // executor thread) is released from the module's own executor once that is done.
    auto holder = std::make_shared<std::unique_ptr<ModuleEntry>>(std::move(gone));
    for (const auto &c : contexts)
        c->executor->submit<void>([c](QPromise<void> &) { c->dropSession(); });
    TokenExecutor *exec = (*holder)->executor.get();
    exec->submit<void>([holder, contexts](QPromise<void> &) mutable {
        for (const auto &c : contexts)
            if (c->ownExecutor)
                c->ownExecutor->waitForIdle();
        contexts.clear();
        (*holder)->module.reset();
    })
        .then(this, [holder](QFuture<void>) mutable {
            // Back on the GUI thread: now the executor is idle and may be destroyed.
            holder->reset();
        });
}

void Inventory::startMonitoring(const ModuleSnapshot &scanned, int intervalMs)
{
    ModuleEntry &e = entry(scanned.path);
    std::shared_ptr<Module> m = loadedModule(scanned.path);
    if (!m)
        return;
    if (!e.monitor) {
        e.monitor = std::make_unique<SlotMonitor>(m, e.executor.get());
        const QString key = e.spec.path;
        connect(e.monitor.get(), &SlotMonitor::changed, this, [this, key] { Q_EMIT slotsChanged(key); });
    }
    std::vector<SlotMonitor::SlotState> baseline;
    for (const SlotSnapshot &s : scanned.slots)
        baseline.push_back({s.id, (s.flags & CKF_TOKEN_PRESENT) != 0});
    e.monitor->start(intervalMs, std::move(baseline));
}
