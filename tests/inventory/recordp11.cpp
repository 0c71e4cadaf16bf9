// SPDX-License-Identifier: GPL-3.0-or-later
// A PKCS#11 module that forwards to SoftHSM and records what the threads calling
// it do (the idea of OpenSC's pkcs11-spy): which thread finalizes, whether any
// call overlaps C_Finalize/C_Initialize, which sessions are open. On request it
// holds chosen calls until the test releases them (a slow token, without
// sleeping) and hides slots (a card pulled out). SoftHSM does the real work.
//   TOKENDESK_RECORD_TARGET   module to forward to (read once, at C_GetFunctionList)
#include "recorder.h"

#include <dlfcn.h>

#include <cstdlib>
#include <vector>

namespace {
Recorder g_recorder;
CK_FUNCTION_LIST g_list;
CK_FUNCTION_LIST_PTR g_target = nullptr;

class Scope {
public:
    Scope(const char *function, bool lifecycle = false) : m_lifecycle(lifecycle) { g_recorder.enter(function, lifecycle); }
    ~Scope() { g_recorder.leave(m_lifecycle); }
    Scope(const Scope &) = delete;
    Scope &operator=(const Scope &) = delete;

private:
    bool m_lifecycle;
};

#define RECORD(fn) const Scope scope(#fn)
#define UNLESS_HIDDEN_SLOT(slot)                                                                                      \
    if (g_recorder.hidden(slot))                                                                                      \
    return CKR_TOKEN_NOT_PRESENT
#define UNLESS_HIDDEN_SESSION(s)                                                                                      \
    if (g_recorder.sessionHidden(s))                                                                                  \
    return CKR_DEVICE_REMOVED

CK_RV Initialize(CK_VOID_PTR args)
{
    const Scope scope("C_Initialize", true);
    return g_target->C_Initialize(args);
}

CK_RV Finalize(CK_VOID_PTR reserved)
{
    const Scope scope("C_Finalize", true);
    g_recorder.finalized();
    return g_target->C_Finalize(reserved);
}

CK_RV GetInfo(CK_INFO_PTR info)
{
    RECORD(C_GetInfo);
    return g_target->C_GetInfo(info);
}

CK_RV GetSlotList(CK_BBOOL present, CK_SLOT_ID_PTR list, CK_ULONG_PTR count)
{
    RECORD(C_GetSlotList);
    if (!count)
        return CKR_ARGUMENTS_BAD;
    CK_ULONG n = 0;
    CK_RV rv = g_target->C_GetSlotList(present, nullptr, &n);
    if (rv != CKR_OK)
        return rv;
    std::vector<CK_SLOT_ID> ids(n + 1);
    rv = g_target->C_GetSlotList(present, ids.data(), &n);
    if (rv != CKR_OK)
        return rv;
    ids.resize(n);
    if (present)
        std::erase_if(ids, [](CK_SLOT_ID id) { return g_recorder.hidden(id); });
    const CK_ULONG room = *count;
    *count = CK_ULONG(ids.size());
    if (!list)
        return CKR_OK;
    if (room < ids.size())
        return CKR_BUFFER_TOO_SMALL;
    std::copy(ids.begin(), ids.end(), list);
    return CKR_OK;
}

CK_RV GetSlotInfo(CK_SLOT_ID slot, CK_SLOT_INFO_PTR info)
{
    RECORD(C_GetSlotInfo);
    const CK_RV rv = g_target->C_GetSlotInfo(slot, info);
    if (rv == CKR_OK && g_recorder.hidden(slot))
        info->flags &= ~CKF_TOKEN_PRESENT;
    return rv;
}

CK_RV GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info)
{
    RECORD(C_GetTokenInfo);
    UNLESS_HIDDEN_SLOT(slot);
    return g_target->C_GetTokenInfo(slot, info);
}

// Not recorded as a call inside the module: a wait lasts until an event, C_Finalize included.
CK_RV WaitForSlotEvent(CK_FLAGS flags, CK_SLOT_ID_PTR slot, CK_VOID_PTR reserved)
{
    if (!slot || reserved)
        return CKR_ARGUMENTS_BAD;
    return g_recorder.waitForSlotEvent((flags & CKF_DONT_BLOCK) != 0, slot);
}

CK_RV GetMechanismList(CK_SLOT_ID slot, CK_MECHANISM_TYPE_PTR list, CK_ULONG_PTR count)
{
    RECORD(C_GetMechanismList);
    g_recorder.onSlot("C_GetMechanismList", slot);
    UNLESS_HIDDEN_SLOT(slot);
    return g_target->C_GetMechanismList(slot, list, count);
}

CK_RV GetMechanismInfo(CK_SLOT_ID slot, CK_MECHANISM_TYPE type, CK_MECHANISM_INFO_PTR info)
{
    RECORD(C_GetMechanismInfo);
    UNLESS_HIDDEN_SLOT(slot);
    return g_target->C_GetMechanismInfo(slot, type, info);
}

CK_RV OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR app, CK_NOTIFY notify, CK_SESSION_HANDLE_PTR s)
{
    RECORD(C_OpenSession);
    UNLESS_HIDDEN_SLOT(slot);
    const CK_RV rv = g_target->C_OpenSession(slot, flags, app, notify, s);
    if (rv == CKR_OK)
        g_recorder.opened(*s, slot);
    return rv;
}

CK_RV CloseSession(CK_SESSION_HANDLE s)
{
    RECORD(C_CloseSession);
    g_recorder.closed(s);
    return g_target->C_CloseSession(s);
}

CK_RV CloseAllSessions(CK_SLOT_ID slot)
{
    RECORD(C_CloseAllSessions);
    g_recorder.closedAll(slot);
    return g_target->C_CloseAllSessions(slot);
}

CK_RV GetSessionInfo(CK_SESSION_HANDLE s, CK_SESSION_INFO_PTR info)
{
    RECORD(C_GetSessionInfo);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_GetSessionInfo(s, info);
}

CK_RV Login(CK_SESSION_HANDLE s, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG len)
{
    RECORD(C_Login);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_Login(s, user, pin, len);
}

CK_RV Logout(CK_SESSION_HANDLE s)
{
    RECORD(C_Logout);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_Logout(s);
}

CK_RV FindObjectsInit(CK_SESSION_HANDLE s, CK_ATTRIBUTE_PTR tmpl, CK_ULONG n)
{
    RECORD(C_FindObjectsInit);
    g_recorder.onSession("C_FindObjectsInit", s);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_FindObjectsInit(s, tmpl, n);
}

CK_RV FindObjects(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE_PTR objects, CK_ULONG max, CK_ULONG_PTR count)
{
    RECORD(C_FindObjects);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_FindObjects(s, objects, max, count);
}

CK_RV FindObjectsFinal(CK_SESSION_HANDLE s)
{
    RECORD(C_FindObjectsFinal);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_FindObjectsFinal(s);
}

CK_RV GetAttributeValue(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR tmpl, CK_ULONG n)
{
    RECORD(C_GetAttributeValue);
    UNLESS_HIDDEN_SESSION(s);
    return g_target->C_GetAttributeValue(s, o, tmpl, n);
}
} // namespace

extern "C" __attribute__((visibility("default"))) Recorder *recp11_recorder() { return &g_recorder; }

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR list)
{
    if (!list)
        return CKR_ARGUMENTS_BAD;
    if (!g_target) {
        const char *path = std::getenv("TOKENDESK_RECORD_TARGET");
        void *h = path ? dlopen(path, RTLD_NOW | RTLD_LOCAL) : nullptr;
        auto get = h ? reinterpret_cast<CK_C_GetFunctionList>(dlsym(h, "C_GetFunctionList")) : nullptr;
        if (!get || get(&g_target) != CKR_OK || !g_target)
            return CKR_GENERAL_ERROR;
        g_list = *g_target;
        g_list.C_GetFunctionList = C_GetFunctionList;
        g_list.C_Initialize = Initialize;
        g_list.C_Finalize = Finalize;
        g_list.C_GetInfo = GetInfo;
        g_list.C_GetSlotList = GetSlotList;
        g_list.C_GetSlotInfo = GetSlotInfo;
        g_list.C_GetTokenInfo = GetTokenInfo;
        g_list.C_GetMechanismList = GetMechanismList;
        g_list.C_WaitForSlotEvent = WaitForSlotEvent;
        g_list.C_GetMechanismInfo = GetMechanismInfo;
        g_list.C_OpenSession = OpenSession;
        g_list.C_CloseSession = CloseSession;
        g_list.C_CloseAllSessions = CloseAllSessions;
        g_list.C_GetSessionInfo = GetSessionInfo;
        g_list.C_Login = Login;
        g_list.C_Logout = Logout;
        g_list.C_FindObjectsInit = FindObjectsInit;
        g_list.C_FindObjects = FindObjects;
        g_list.C_FindObjectsFinal = FindObjectsFinal;
        g_list.C_GetAttributeValue = GetAttributeValue;
    }
    *list = &g_list;
    return CKR_OK;
}
