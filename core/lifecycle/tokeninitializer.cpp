// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/tokeninitializer.h"

#include "inventory/scanner.h"
#include "lifecycle/lifecyclelog.h"
#include "lifecycle/scopedsession.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(TokenInitializer)
};

bool tokenInfo(Module &module, CK_SLOT_ID slot, CK_TOKEN_INFO &ti)
{
    return P11CALL(module, C_GetTokenInfo, slot, &ti) == CKR_OK;
}

void report(QPromise<InitTokenOutcome> *progress, TokenInitializer::Step step)
{
    if (progress) // +1: QPromise ignores a progress value that does not grow, and Checking is 0
        progress->setProgressValueAndText(int(step) + 1, TokenInitializer::stepText(step));
}

CK_UTF8CHAR_PTR pinData(std::optional<SecureBytes> &pin) { return pin ? pin->data() : nullptr; }
CK_ULONG pinSize(const std::optional<SecureBytes> &pin) { return pin ? pin->size() : 0; }
} // namespace

QString TokenInitializer::stepText(Step step)
{
    switch (step) {
    case Checking: return Tr::tr("Checking that the token is still the one you chose…");
    case Initializing: return Tr::tr("Initializing the token: erasing everything on it and writing the new label…");
    case Finding: return Tr::tr("Finding the token again…");
    case SettingUserPin: return Tr::tr("Setting the user PIN (logged in as security officer)…");
    case Verifying: return Tr::tr("Reading the token back to check the result…");
    case Done: return Tr::tr("Done.");
    }
    return QString();
}

InitTokenOutcome TokenInitializer::run(Module &module, CK_SLOT_ID slot, InitTokenRequest &request,
                                       QPromise<InitTokenOutcome> *progress)
{
    if (progress)
        progress->setProgressRange(0, int(Done) + 1);
    report(progress, Checking);

    CK_TOKEN_INFO ti{};
    CK_SLOT_ID target = slot;
    if (tokenInfo(module, request.token.slot, ti) && request.token.id.matches(ti, request.token.slot))
        target = request.token.slot;
    else if (!tokenInfo(module, target, ti) || !request.token.id.matches(ti, target))
        throw Pkcs11Error("C_GetTokenInfo", CKR_TOKEN_NOT_PRESENT);
    if (bool(ti.flags & CKF_TOKEN_INITIALIZED) != request.wasInitialized)
        // Someone initialized (or reset) it since the wizard read it: what the user
        // confirmed no longer describes this token.
        throw TokenDeskError(QCoreApplication::translate(
            "TokenInitializer", "The token changed since you chose it. Close the wizard and start again."));

    std::vector<TokenIdentity> before;
    for (CK_SLOT_ID s : slotList(module, true)) {
        CK_TOKEN_INFO other{};
        if (tokenInfo(module, s, other) && (other.flags & CKF_TOKEN_INITIALIZED))
            before.push_back(TokenIdentity::from(other));
    }

    report(progress, Initializing);
    qCInfo(lcLifecycle) << "C_InitToken: slot" << target << "serial" << request.token.id.serial << "new label"
                        << QString::fromUtf8(request.label).trimmed();
    const CK_RV rv = P11CALL(module, C_InitToken, target, pinData(request.soPin), pinSize(request.soPin),
                             reinterpret_cast<CK_UTF8CHAR_PTR>(request.label.data()));
    if (rv != CKR_OK) {
        qCInfo(lcLifecycle) << "C_InitToken failed:" << ckrName(rv);
        throw Pkcs11Error("C_InitToken", rv);
    }

    // From here on the token is erased: report problems in the outcome, not as a failure.
    InitTokenOutcome out;
    out.previousSlot = target;
    out.token = request.token;
    try {
        report(progress, Finding);
        const std::optional<CK_SLOT_ID> now = findAgain(module, request, target, before);
        if (!now)
            throw TokenDeskError(QCoreApplication::translate(
                "TokenInitializer",
                "The token was initialized (erased, with its new label), but TokenDesk could not find it again "
                "afterwards: no token with its manufacturer, model and serial number, and no single new token, is "
                "listed now. So the user PIN was not set. To finish: refresh (F5), select the token and choose "
                "Unblock PIN… to set the user PIN with the SO-PIN."));
        out.found = true;
        out.snapshot = Scanner::readToken(module, *now);
        out.token = TokenRef{request.token.modulePath, *now, out.snapshot.id};
        if (*now != target)
            qCInfo(lcLifecycle) << "token moved from slot" << target << "to slot" << *now << "serial"
                                << out.snapshot.id.serial;

        report(progress, SettingUserPin);
        {
            ScopedSession s(module, *now, true);
            s.login(CKU_SO, request.soPin);
            check(P11CALL(module, C_InitPIN, s.handle(), pinData(request.userPin), pinSize(request.userPin)),
                  "C_InitPIN");
            s.logout();
        }
        out.userPinSet = true;
        qCInfo(lcLifecycle) << "user PIN set on serial" << out.snapshot.id.serial;
    } catch (const Pkcs11Error &e) {
        qCInfo(lcLifecycle) << "after C_InitToken:" << e.function() << e.name();
        out.followUpError = std::current_exception();
    } catch (...) {
        out.followUpError = std::current_exception();
    }
    request.wipeSecrets();

    if (out.found) {
        report(progress, Verifying);
        try {
            out.snapshot = Scanner::readToken(module, out.token.slot);
            const CK_FLAGS f = out.snapshot.info.flags;
            if (!(f & CKF_TOKEN_INITIALIZED))
                out.verificationProblems << Tr::tr("The token does not report itself as initialized.");
            if (!reportsLabel(out.snapshot.label, QString::fromUtf8(request.label).trimmed()))
                out.verificationProblems << Tr::tr("The token reports the label “%1”.").arg(out.snapshot.label);
            if (out.userPinSet && !(f & CKF_USER_PIN_INITIALIZED))
                out.verificationProblems << Tr::tr("The token does not report a user PIN as set.");
        } catch (...) {
            if (!out.followUpError)
                out.followUpError = std::current_exception();
        }
    }
    report(progress, Done);
    return out;
}

void TokenInitializer::checkSoPin(Module &module, CK_SLOT_ID slot, const std::optional<SecureBytes> &soPin)
{
    qCInfo(lcLifecycle) << "checking the SO-PIN on slot" << slot;
    ScopedSession s(module, slot, true);
    s.login(CKU_SO, soPin);
    s.logout();
}

std::optional<CK_SLOT_ID> TokenInitializer::findAgain(Module &module, const InitTokenRequest &request,
                                                      CK_SLOT_ID usedSlot, const std::vector<TokenIdentity> &before)
{
    // The reported fields only: a slot in the identity (twin tokens) is what the
    // slot preference below already expresses.
    TokenIdentity chosen = request.token.id;
    chosen.slot.reset();
    std::vector<std::pair<CK_SLOT_ID, TokenIdentity>> now;
    for (CK_SLOT_ID s : slotList(module, true)) {
        CK_TOKEN_INFO ti{};
        if (tokenInfo(module, s, ti) && (ti.flags & CKF_TOKEN_INITIALIZED))
            now.emplace_back(s, TokenIdentity::from(ti));
    }
    // The used slot first, then the only other one that qualifies.
    auto pick = [&](auto qualifies) -> std::optional<CK_SLOT_ID> {
        std::vector<CK_SLOT_ID> found;
        for (const auto &[slot, id] : now)
            if (qualifies(id)) {
                if (slot == usedSlot)
                    return slot;
                found.push_back(slot);
            }
        if (found.size() == 1)
            return found.front();
        return std::nullopt;
    };
    if (chosen.serial.isEmpty()) {
        // No serial tells such tokens apart: only the slot used counts.
        for (const auto &[slot, id] : now)
            if (slot == usedSlot && id == chosen)
                return slot;
    } else if (auto same = pick([&](const TokenIdentity &id) { return id == chosen; })) {
        return same;
    }
    return pick([&](const TokenIdentity &id) {
        return id.manufacturer == chosen.manufacturer && id.model == chosen.model
            && std::find(before.begin(), before.end(), id) == before.end();
    });
}

bool TokenInitializer::reportsLabel(const QString &reported, const QString &written)
{
    if (reported == written)
        return true;
    // OpenSC's decoration: "<label> (<PIN name>)".
    return reported.startsWith(written + QStringLiteral(" (")) && reported.endsWith(QLatin1Char(')'));
}
