// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/module.h"
#include "p11/securebytes.h"

#include <QByteArray>

#include <memory>
#include <optional>
#include <vector>

// Who a session state (CK_SESSION_INFO::state) says is logged in; one rule for every reader of it.
inline bool isUserState(CK_STATE s) { return s == CKS_RO_USER_FUNCTIONS || s == CKS_RW_USER_FUNCTIONS; }
inline bool isSoState(CK_STATE s) { return s == CKS_RW_SO_FUNCTIONS; }
inline bool isLoggedInState(CK_STATE s) { return isUserState(s) || isSoState(s); }

// An open PKCS#11 session (move-only RAII). Lives on the token's executor thread.
class Session {
public:
    Session(std::shared_ptr<Module> module, CK_SLOT_ID slot, bool readWrite);
    ~Session();
    Session(Session &&o) noexcept;
    Session &operator=(Session &&o) noexcept;
    Session(const Session &) = delete;
    Session &operator=(const Session &) = delete;

    CK_SESSION_HANDLE handle() const { return m_handle; }
    CK_SLOT_ID slot() const { return m_slot; }
    Module &module() const { return *m_module; }
    CK_SESSION_INFO info() const;

    // pin == nullopt: protected authentication path (the PIN is entered on the reader).
    // CKR_USER_ALREADY_LOGGED_IN counts as success. Exactly one C_Login per call:
    // a PIN is never retried.
    void login(CK_USER_TYPE user, const std::optional<SecureBytes> &pin);
    void logout();

    // All objects matching the template (C_FindObjectsInit/C_FindObjects in batches/Final).
    std::vector<CK_OBJECT_HANDLE> findObjects(std::vector<CK_ATTRIBUTE> tmpl = {}, CK_ULONG batch = 256);

private:
    void close() noexcept;
    std::shared_ptr<Module> m_module;
    CK_SLOT_ID m_slot = 0;
    CK_SESSION_HANDLE m_handle = CK_INVALID_HANDLE;
};
