// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/session.h"

#include "p11/modulecontract.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>

Session::Session(std::shared_ptr<Module> module, CK_SLOT_ID slot, bool readWrite)
    : m_module(std::move(module)), m_slot(slot)
{
    CK_FLAGS flags = CKF_SERIAL_SESSION | (readWrite ? CKF_RW_SESSION : 0);
    check(P11CALL(*m_module, C_OpenSession, slot, flags, nullptr, nullptr, &m_handle), "C_OpenSession");
}

Session::~Session() { close(); }

Session::Session(Session &&o) noexcept
    : m_module(std::move(o.m_module)), m_slot(o.m_slot), m_handle(std::exchange(o.m_handle, CK_INVALID_HANDLE))
{
}

Session &Session::operator=(Session &&o) noexcept
{
    if (this != &o) {
        close();
        m_module = std::move(o.m_module);
        m_slot = o.m_slot;
        m_handle = std::exchange(o.m_handle, CK_INVALID_HANDLE);
    }
    return *this;
}

void Session::close() noexcept
{
    if (m_module && m_handle != CK_INVALID_HANDLE) {
        // Unguarded: destructors may run during shutdown on any thread, and must not abort.
        const CK_RV rv = P11CALL_UNGUARDED(*m_module, C_CloseSession, m_handle);
        if (rv != CKR_OK && rv != CKR_SESSION_HANDLE_INVALID && rv != CKR_SESSION_CLOSED
            && rv != CKR_DEVICE_REMOVED && rv != CKR_TOKEN_NOT_PRESENT)
            qCWarning(lcP11) << "C_CloseSession" << ckrName(rv);
    }
    m_handle = CK_INVALID_HANDLE;
}

CK_SESSION_INFO Session::info() const
{
    CK_SESSION_INFO si{};
    check(P11CALL(*m_module, C_GetSessionInfo, m_handle, &si), "C_GetSessionInfo");
    return si;
}

void Session::login(CK_USER_TYPE user, const std::optional<SecureBytes> &pin)
{
    // C_Login takes a non-const pointer; the module does not write through it.
    CK_UTF8CHAR_PTR p = pin ? const_cast<CK_UTF8CHAR_PTR>(pin->data()) : nullptr;
    const CK_ULONG len = pin ? pin->size() : 0;
    const CK_RV rv = P11CALL(*m_module, C_Login, m_handle, user, p, len);
    if (rv == CKR_USER_ALREADY_LOGGED_IN)
        return;
    check(rv, "C_Login");
}

void Session::logout()
{
    const CK_RV rv = P11CALL(*m_module, C_Logout, m_handle);
    if (rv == CKR_USER_NOT_LOGGED_IN)
        return;
    check(rv, "C_Logout");
}

std::vector<CK_OBJECT_HANDLE> Session::findObjects(std::vector<CK_ATTRIBUTE> tmpl, CK_ULONG batch)
{
    check(P11CALL(*m_module, C_FindObjectsInit, m_handle, tmpl.empty() ? nullptr : tmpl.data(), CK_ULONG(tmpl.size())),
          "C_FindObjectsInit");
    std::vector<CK_OBJECT_HANDLE> all;
    std::vector<CK_OBJECT_HANDLE> chunk(batch);
    CK_RV rv = CKR_OK;
    QString violation; // the module's answer cannot be used: say why after C_FindObjectsFinal
    for (;;) {
        CK_ULONG n = 0;
        rv = P11CALL(*m_module, C_FindObjects, m_handle, chunk.data(), batch, &n);
        if (rv != CKR_OK || n == 0)
            break;
        if (n > batch) {
            violation = QCoreApplication::translate("Session", "it reported %1 handles for room for %2").arg(n).arg(batch);
            break;
        }
        if (all.size() + n > ModuleLimits::kMaxObjectsPerFind) {
            violation = QCoreApplication::translate("Session", "one search kept returning objects past %1")
                            .arg(ModuleLimits::kMaxObjectsPerFind);
            break;
        }
        // A short batch does not promise the end (the spec allows partial batches): ask again.
        all.insert(all.end(), chunk.begin(), chunk.begin() + std::ptrdiff_t(n));
    }
    const CK_RV frv = P11CALL(*m_module, C_FindObjectsFinal, m_handle);
    if (!violation.isEmpty())
        throw ModuleContractError(*m_module, "C_FindObjects", violation);
    check(rv, "C_FindObjects");
    check(frv, "C_FindObjectsFinal");
    return all;
}
