// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/pinchanger.h"

#include "lifecycle/lifecyclelog.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

namespace {
CK_UTF8CHAR_PTR pinData(std::optional<SecureBytes> &pin) { return pin ? pin->data() : nullptr; }
CK_ULONG pinSize(const std::optional<SecureBytes> &pin) { return pin ? pin->size() : 0; }

// Logs the SO out however the operation ends; an SO login is never kept.
class SoLogin {
public:
    SoLogin(Session &s, const std::optional<SecureBytes> &pin) : m_session(s)
    {
        m_session.login(CKU_SO, pin);
    }
    ~SoLogin()
    {
        try {
            m_session.logout();
        } catch (const Pkcs11Error &e) {
            qCWarning(lcLifecycle) << "C_Logout after SO operation:" << e.name();
        }
    }
    SoLogin(const SoLogin &) = delete;
    SoLogin &operator=(const SoLogin &) = delete;

private:
    Session &m_session;
};

void changeUserPin(Session &s, PinChangeRequest &r)
{
    Module &m = s.module();
    const CK_STATE state = s.info().state;
    if (isSoState(state))
        s.logout();
    const bool wasUser = isUserState(state);
    const bool pinPad = !r.currentPin;
    if (!wasUser && !pinPad)
        s.login(CKU_USER, r.currentPin);
    try {
        check(P11CALL(m, C_SetPIN, s.handle(), pinData(r.currentPin), pinSize(r.currentPin), pinData(r.newPin),
                      pinSize(r.newPin)),
              "C_SetPIN");
    } catch (...) {
        if (!wasUser && !pinPad && !r.stayLoggedIn) {
            try {
                s.logout();
            } catch (const Pkcs11Error &) { // the C_SetPIN failure is what the user needs to see
            }
        }
        throw;
    }
    if (!wasUser && !r.stayLoggedIn && !pinPad)
        s.logout();
    else if (!wasUser && r.stayLoggedIn && pinPad)
        s.login(CKU_USER, std::nullopt); // the PIN pad asks once more
}
} // namespace

void PinChanger::run(Session &s, PinChangeRequest &r)
{
    Module &m = s.module();
    try {
        switch (r.mode) {
        case PinChangeMode::User:
            qCInfo(lcLifecycle) << "changing the user PIN on slot" << s.slot();
            changeUserPin(s, r);
            break;
        case PinChangeMode::So: {
            qCInfo(lcLifecycle) << "changing the SO-PIN on slot" << s.slot();
            if (s.info().state != CKS_RO_PUBLIC_SESSION && s.info().state != CKS_RW_PUBLIC_SESSION)
                s.logout();
            SoLogin so(s, r.currentPin);
            check(P11CALL(m, C_SetPIN, s.handle(), pinData(r.currentPin), pinSize(r.currentPin), pinData(r.newPin),
                          pinSize(r.newPin)),
                  "C_SetPIN");
            break;
        }
        case PinChangeMode::Unblock: {
            qCInfo(lcLifecycle) << "setting a new user PIN with the SO-PIN on slot" << s.slot();
            if (s.info().state != CKS_RO_PUBLIC_SESSION && s.info().state != CKS_RW_PUBLIC_SESSION)
                s.logout();
            SoLogin so(s, r.currentPin);
            check(P11CALL(m, C_InitPIN, s.handle(), pinData(r.newPin), pinSize(r.newPin)), "C_InitPIN");
            break;
        }
        }
    } catch (const Pkcs11Error &e) {
        qCInfo(lcLifecycle) << e.function() << "failed:" << e.name();
        r.wipeSecrets();
        throw;
    }
    r.wipeSecrets();
    qCInfo(lcLifecycle) << "PIN operation done";
}
