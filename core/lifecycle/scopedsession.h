// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/module.h"
#include "p11/securebytes.h"

#include <optional>

// A short-lived session for one lifecycle step, by Module reference: the jobs
// that run without the token's persistent session (Inventory::withoutSession)
// get a Module &, not the shared_ptr p11/Session wants. Logs out (if it logged
// in) and closes on destruction; the destructor never throws.
class ScopedSession {
public:
    ScopedSession(Module &module, CK_SLOT_ID slot, bool readWrite);
    ~ScopedSession();
    ScopedSession(const ScopedSession &) = delete;
    ScopedSession &operator=(const ScopedSession &) = delete;

    CK_SESSION_HANDLE handle() const { return m_handle; }
    // Exactly one C_Login; pin == nullopt: protected authentication path.
    void login(CK_USER_TYPE user, const std::optional<SecureBytes> &pin);
    void logout();

private:
    Module &m_module;
    CK_SESSION_HANDLE m_handle = CK_INVALID_HANDLE;
    bool m_loggedIn = false;
};
