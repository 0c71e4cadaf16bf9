// SPDX-License-Identifier: GPL-3.0-or-later
#include "operations/tokenoperations.h"

#include "inventory/inventory.h"
#include "keys/healthcheck.h"
#include "p11/session.h"

#include <memory>
#include <utility>

namespace {
// Runs fn(session, token info, request) on the token's executor and returns its
// result. A job must be copyable (QtConcurrent) and a request holding secrets is
// move-only, so the job shares it; the request is moved out when the job runs,
// and its secrets wiped as soon as fn returns or throws. A job that never runs
// (canceled, token gone) wipes them when its closure is destroyed.
template <typename T, typename Request, typename Fn>
QFuture<T> onSession(Inventory &inventory, const TokenRef &token, Request request, Fn fn)
{
    auto shared = std::make_shared<std::optional<Request>>(std::move(request));
    return inventory.withSession<T>(token, [shared, fn](QPromise<T> &p, Session &s, const CK_TOKEN_INFO &ti) {
        Request once = std::move(**shared);
        shared->reset();
        p.addResult(fn(s, ti, std::move(once)));
    });
}
} // namespace

QFuture<TokenOperations::LoginState> TokenOperations::loginState(Inventory &inventory, const TokenRef &token)
{
    return inventory.withSession<LoginState>(token, [](QPromise<LoginState> &p, Session &s, const CK_TOKEN_INFO &) {
        const CK_STATE state = s.info().state;
        LoginState result;
        result.loggedIn = isLoggedInState(state);
        result.as = isSoState(state) ? CKU_SO : CKU_USER;
        p.addResult(result);
    });
}

QFuture<GeneratedKey> TokenOperations::generateKeyPair(Inventory &inventory, const TokenRef &token, KeyGenSpec spec)
{
    return onSession<GeneratedKey>(inventory, token, std::move(spec),
                                   [](Session &s, const CK_TOKEN_INFO &ti, const KeyGenSpec &r) {
                                       return ::generateKeyPair(s, ti, r);
                                   });
}

QFuture<CsrResult> TokenOperations::createCsr(Inventory &inventory, const TokenRef &token, CsrRequest request)
{
    return onSession<CsrResult>(inventory, token, std::move(request), [](Session &s, const CK_TOKEN_INFO &ti, CsrRequest r) {
        return ::createCsr(s, ti, r.keyId, r.spec, std::move(r.contextPin));
    });
}

QFuture<SelfSignedResult> TokenOperations::createSelfSignedCertificate(Inventory &inventory, const TokenRef &token,
                                                                       SelfSignedCertificateRequest request)
{
    return onSession<SelfSignedResult>(inventory, token, std::move(request),
                                       [](Session &s, const CK_TOKEN_INFO &ti, SelfSignedCertificateRequest r) {
                                           return ::createSelfSignedCertificate(s, ti, r.keyId, r.certificate,
                                                                                std::move(r.contextPin));
                                       });
}

QFuture<CertificateImportPlan> TokenOperations::importCertificates(Inventory &inventory, const TokenRef &token,
                                                                   CertificateImportRequest request)
{
    return onSession<CertificateImportPlan>(inventory, token, std::move(request),
                                            [](Session &s, const CK_TOKEN_INFO &ti, const CertificateImportRequest &r) {
                                                return ::importCertificates(s, ti, r.certificates, r.options);
                                            });
}

QFuture<Pkcs12ImportResult> TokenOperations::importPkcs12(Inventory &inventory, const TokenRef &token,
                                                          Pkcs12ImportRequest request)
{
    return onSession<Pkcs12ImportResult>(inventory, token, std::move(request),
                                         [](Session &s, const CK_TOKEN_INFO &ti, Pkcs12ImportRequest r) {
                                             return ::importPkcs12(s, ti, r.fileContents, std::move(r.password),
                                                                   r.options);
                                         });
}

QFuture<int> TokenOperations::deleteObjects(Inventory &inventory, const TokenRef &token, DeletionPlan plan)
{
    return onSession<int>(inventory, token, std::move(plan), [](Session &s, const CK_TOKEN_INFO &ti, const DeletionPlan &r) {
        ::deleteObjects(s, ti, r);
        return int(r.objects.size());
    });
}

QFuture<std::vector<ObjectInfo>> TokenOperations::renameKeyPair(Inventory &inventory, const TokenRef &token,
                                                                KeyRename rename)
{
    return onSession<std::vector<ObjectInfo>>(inventory, token, std::move(rename),
                                              [](Session &s, const CK_TOKEN_INFO &ti, const KeyRename &r) {
                                                  return ::renameKeyPair(s, ti, r);
                                              });
}

QFuture<std::vector<HealthFinding>> TokenOperations::repairHealthFinding(Inventory &inventory, const TokenRef &token,
                                                                         HealthRepairRequest request)
{
    return onSession<std::vector<HealthFinding>>(inventory, token, std::move(request),
                                                 [](Session &s, const CK_TOKEN_INFO &ti, HealthRepairRequest r) {
                                                     return HealthCheck::repair(s, ti, r.finding,
                                                                                std::move(r.contextPin));
                                                 });
}
