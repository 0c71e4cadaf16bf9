// SPDX-License-Identifier: GPL-3.0-or-later
#include "lifecycle/scopedsession.h"

#include "p11/pkcs11error.h"

ScopedSession::ScopedSession(Module &module, CK_SLOT_ID slot, bool readWrite) : m_module(module)
{
    const CK_FLAGS flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
    check(P11CALL(m_module, C_OpenSession, slot, flags, nullptr, nullptr, &m_handle), "C_OpenSession");
}

ScopedSession::~ScopedSession()
{
    if (m_handle == CK_INVALID_HANDLE)
        return;
    // Unguarded: destructors may run during unwinding on any thread and must not abort.
    if (m_loggedIn)
        P11CALL_UNGUARDED(m_module, C_Logout, m_handle);
    P11CALL_UNGUARDED(m_module, C_CloseSession, m_handle);
}

void ScopedSession::login(CK_USER_TYPE user, const std::optional<SecureBytes> &pin)
{
    // C_Login takes a non-const pointer; the module does not write through it.
    CK_UTF8CHAR_PTR p = pin ? const_cast<CK_UTF8CHAR_PTR>(pin->data()) : nullptr;
    const CK_RV rv = P11CALL(m_module, C_Login, m_handle, user, p, pin ? pin->size() : 0);
    if (rv != CKR_USER_ALREADY_LOGGED_IN)
        check(rv, "C_Login");
    m_loggedIn = true;
}

void ScopedSession::logout()
{
    const CK_RV rv = P11CALL(m_module, C_Logout, m_handle);
    m_loggedIn = false;
    if (rv != CKR_USER_NOT_LOGGED_IN)
        check(rv, "C_Logout");
}
