// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/lifecyclejobs.h"

#include "inventory/inventory.h"
#include "p11/module.h"

#include <memory>

namespace {
// Wipes the request as soon as the job is over, not when the last copy of the
// job's closure goes away (futures may keep it alive a while).
template <typename Request>
struct Wiped {
    explicit Wiped(Request r) : request(std::move(r)) {}
    ~Wiped() { request.wipeSecrets(); }
    Request request;
};
} // namespace

QFuture<void> LifecycleJobs::checkSoPin(Inventory &inventory, const TokenRef &token, std::optional<SecureBytes> soPin)
{
    auto pin = std::make_shared<std::optional<SecureBytes>>(std::move(soPin));
    return inventory.withoutSession<void>(token, [pin](QPromise<void> &, Module &m, CK_SLOT_ID slot, const CK_TOKEN_INFO &) {
        struct Wipe {
            std::optional<SecureBytes> &pin;
            ~Wipe() { if (pin) pin->wipe(); }
        } wipe{*pin};
        TokenInitializer::checkSoPin(m, slot, *pin);
    });
}

QFuture<InitTokenOutcome> LifecycleJobs::initToken(Inventory &inventory, ModuleRegistry &registry,
                                                   InitTokenRequest request)
{
    auto shared = std::make_shared<Wiped<InitTokenRequest>>(std::move(request));
    const TokenRef ref = shared->request.token;
    if (shared->request.wasInitialized) {
        return inventory.withoutSession<InitTokenOutcome>(
            ref, [shared](QPromise<InitTokenOutcome> &p, Module &m, CK_SLOT_ID slot, const CK_TOKEN_INFO &) {
                try {
                    p.addResult(TokenInitializer::run(m, slot, shared->request, &p));
                } catch (...) {
                    shared->request.wipeSecrets();
                    throw;
                }
            });
    }
    ModuleRegistry *reg = &registry;
    return inventory.moduleExecutor(ref.modulePath)
        ->submit<InitTokenOutcome>([shared, reg, ref](QPromise<InitTokenOutcome> &p) {
            try {
                // Already loaded by the scan that listed the token: the same instance Inventory uses.
                const std::shared_ptr<Module> m = reg->load(ref.modulePath);
                p.addResult(TokenInitializer::run(*m, ref.slot, shared->request, &p));
            } catch (...) {
                shared->request.wipeSecrets();
                throw;
            }
        });
}

QFuture<void> LifecycleJobs::changePin(Inventory &inventory, const TokenRef &token, PinChangeRequest request)
{
    auto shared = std::make_shared<Wiped<PinChangeRequest>>(std::move(request));
    return inventory.withSession<void>(token, [shared](QPromise<void> &, Session &s, const CK_TOKEN_INFO &) {
        PinChanger::run(s, shared->request); // wipes the request on every path
    });
}
