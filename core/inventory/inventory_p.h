// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to Inventory: the per-token state that lives on the token's executor.

#include "exec/failedfuture.h"
#include "exec/tokenexecutor.h"
#include "inventory/objectdecoder.h"
#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QMetaObject>

#include <memory>
#include <optional>

struct TokenContext {
    TokenExecutor *executor = nullptr;          // the token's own or its module's (quirk); owned by Inventory
    // Everything below is touched only by jobs on `executor`, inside the module's
    // gate; and by a re-initialization of the module while the gate is closed.
    std::shared_ptr<Module> module;             // null once retired
    CK_SLOT_ID slot = 0;
    TokenIdentity id;
    CK_TOKEN_INFO info{};
    std::optional<Session> session;
    ObjectDecoder decoder; // the decoded objects of the last snapshot, reused by the next

    // Checks that the slot still holds this token (follows it to another slot
    // if the module renumbered them), refreshes `info`, opens the session.
    Session &prepare();
    void dropSession() { session.reset(); }
    // The token is gone or its module removed: close the session and let go of
    // the module (the last reference finalizes it here, on a worker). Jobs that
    // come later fail with CKR_TOKEN_NOT_PRESENT without calling the module.
    void retire()
    {
        session.reset();
        module.reset();
    }
};

// A job failure that means the token or session is gone.
inline bool isLossOfToken(CK_RV rv)
{
    return rv == CKR_DEVICE_REMOVED || rv == CKR_TOKEN_NOT_PRESENT || rv == CKR_SESSION_HANDLE_INVALID
        || rv == CKR_SESSION_CLOSED || rv == CKR_SLOT_ID_INVALID || rv == CKR_TOKEN_NOT_RECOGNIZED;
}

template <typename T, typename Job>
QFuture<T> Inventory::onToken(const TokenRef &token, Job job)
{
    std::shared_ptr<TokenContext> ctx;
    try {
        ctx = context(token);
    } catch (...) {
        return failedFuture<T>(std::current_exception());
    }
    const QString modulePath = token.modulePath;
    return ctx->executor->template submit<T>(
        [this, ctx, modulePath, job = std::move(job)](QPromise<T> &p) mutable {
            if (!ctx->module)
                throw Pkcs11Error("C_GetTokenInfo", CKR_TOKEN_NOT_PRESENT); // retired: the token is gone
            // Waits here while the module is being re-initialized (Inventory::rescanReaders).
            ModuleGate::Pass pass(ctx->module->gate());
            try {
                job(p, *ctx);
            } catch (const Pkcs11Error &e) {
                if (const ModuleHelper *h = ctx->module->helper(); h && h->stopped()) {
                    // Its separate process crashed or hung: the module's scan says so and starts a new one.
                    QMetaObject::invokeMethod(this, [this, modulePath] { Q_EMIT tokenLost(modulePath); },
                                              Qt::QueuedConnection);
                    throw TokenDeskError(h->problem());
                }
                if (isLossOfToken(e.rv())) {
                    ctx->dropSession();
                    QMetaObject::invokeMethod(this, [this, modulePath] { Q_EMIT tokenLost(modulePath); },
                                              Qt::QueuedConnection);
                }
                throw;
            }
        });
}

template <typename T, typename Job>
QFuture<T> Inventory::withSession(const TokenRef &token, Job job)
{
    return onToken<T>(token, [job = std::move(job)](QPromise<T> &p, TokenContext &ctx) mutable {
        Session &s = ctx.prepare();
        job(p, s, ctx.info);
    });
}

template <typename T, typename Job>
QFuture<T> Inventory::withoutSession(const TokenRef &token, Job job)
{
    return onToken<T>(token, [job = std::move(job)](QPromise<T> &p, TokenContext &ctx) mutable {
        ctx.prepare();
        ctx.dropSession();
        job(p, *ctx.module, ctx.slot, ctx.info);
    });
}
