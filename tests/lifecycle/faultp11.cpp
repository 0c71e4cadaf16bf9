// SPDX-License-Identifier: GPL-3.0-or-later
// A PKCS#11 module that forwards every call to SoftHSM and can make chosen calls
// fail, for the errors SoftHSM never returns: a locked PIN, write protection, a
// token pulled out mid-way, a PIN pad. The same idea as OpenSC's pkcs11-spy:
// the real module does the work, so nothing here invents token behaviour
// beyond the one answer a test asks for. Configured through the environment,
// read at every call (tests change it only while no job runs):
//   TOKENDESK_FAULT_TARGET   module to forward to (default: SoftHSM)
//   TOKENDESK_FAULTS         "C_InitPIN=0xE0,C_Login=0xA4": answer with this CK_RV, without forwarding
//   TOKENDESK_FAULT_FLAGS    hex CK_TOKEN_INFO flags OR-ed into every C_GetTokenInfo answer
//   TOKENDESK_FAULT_MANUFACTURER  manufacturerID reported instead (a SmartCard-HSM's "www.CardContact.de")
//   TOKENDESK_FAULT_LABEL_SUFFIX  appended to every initialized token's label, as OpenSC reports a
//                            SmartCard-HSM's: " (UserPIN)" (cut at the label's 32 bytes)
//   TOKENDESK_FAULT_SERIAL_FILL   "<slot id>,<byte>": that slot's serialNumber is filled with the byte
//                            ("7,0x00": a card's serial of NUL bytes)
//   TOKENDESK_PINPAD_LOGIN / _OLD / _NEW   what a "PIN pad" enters when a NULL PIN is passed
//                            (with CKF_PROTECTED_AUTHENTICATION_PATH in TOKENDESK_FAULT_FLAGS)
// Lies (a broken or hostile module; see the "lies" block below). TOKENDESK_FAULTS also
// fails C_GetAttributeValue (CKR_DEVICE_ERROR = 0x30) and C_GetTokenInfo:
//   TOKENDESK_FAULT_HIDE_ATTRIBUTE   "0x100": C_GetAttributeValue reports this attribute as
//                            absent (CK_UNAVAILABLE_INFORMATION, CKR_ATTRIBUTE_TYPE_INVALID)
//   TOKENDESK_FAULT_HUGE_ATTRIBUTE   "0x11:5000000": the size query for this attribute
//                            answers this length (the value call then gets the real value)
//   TOKENDESK_FAULT_LYING_LENGTH     "0x3": after filling this attribute's buffer, report a
//                            ulValueLen 4096 bytes larger than the buffer it was given
//   TOKENDESK_FAULT_EXTRA_HANDLES    "5": C_FindObjects reports this many more handles than
//                            the room it was given (it writes only what fits)
//   TOKENDESK_FAULT_ENDLESS_FIND     "1": C_FindObjects never reports the end (one made-up
//                            handle per call once the real ones are done)
//   TOKENDESK_FAULT_EXTRA_MECHANISMS "7": C_GetMechanismList's list call reports this many
//                            more mechanisms than the room it was given
//   TOKENDESK_FAULT_SERIAL           every initialized token reports this serial number (two
//                            SoftHSM tokens then look like one)
//   TOKENDESK_FAULT_SERIAL_HEX       the same, given in hex, for bytes an environment variable
//                            cannot hold ("00000000…": a blank serial of NULs; "1b5b…": an ESC)
//   TOKENDESK_FAULT_ABORT_FINALIZE   "1": C_Finalize calls abort() (a module crashing at unload)
//   TOKENDESK_FAULT_SIGNATURE_EXTRA  "4096": C_Sign reports a signature this many bytes longer
//                            than the one it wrote
//   TOKENDESK_FAULT_ACTIONS  "C_Initialize=abort,C_GetTokenInfo=segv,C_FindObjects=sleep:60": what a
//                            crashing or hanging vendor module does, per function, before forwarding:
//                            abort (SIGABRT), segv (SIGSEGV), sleep:SECONDS (then forwards as usual).
//                            Applies to the functions listed in the "action layer" below.
//   TOKENDESK_FAULT_ACTION_MARK  file created (empty) just before an action runs, so a test can
//                            wait for "the module is now inside the call" without sleeping.
#include <p11-kit/pkcs11.h>

#include <dlfcn.h>

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include <time.h>

namespace {
CK_FUNCTION_LIST g_list;
CK_FUNCTION_LIST_PTR g_target = nullptr;

const char *env(const char *name)
{
    const char *v = std::getenv(name);
    return v ? v : "";
}

// The CK_RV configured for this function, or CKR_OK to forward.
CK_RV fault(const char *function)
{
    const std::string all = env("TOKENDESK_FAULTS");
    const std::string key = std::string(function) + "=";
    std::size_t at = 0;
    while ((at = all.find(key, at)) != std::string::npos) {
        if (at == 0 || all[at - 1] == ',')
            return CK_RV(std::strtoul(all.c_str() + at + key.size(), nullptr, 0));
        at += key.size();
    }
    return CKR_OK;
}

// A NULL PIN means "PIN pad": substitute what the test's "reader" enters.
void pinpad(CK_UTF8CHAR_PTR &pin, CK_ULONG &len, const char *var)
{
    if (pin)
        return;
    const char *v = env(var);
    pin = reinterpret_cast<CK_UTF8CHAR_PTR>(const_cast<char *>(v));
    len = CK_ULONG(std::strlen(v));
}

void lieAboutIdentity(CK_TOKEN_INFO &info);

#define FAULT(fn)                                                                                                     \
    if (const CK_RV injected = fault(#fn))                                                                            \
    return injected

CK_RV InitToken(CK_SLOT_ID slot, CK_UTF8CHAR_PTR pin, CK_ULONG len, CK_UTF8CHAR_PTR label)
{
    FAULT(C_InitToken);
    pinpad(pin, len, "TOKENDESK_PINPAD_LOGIN");
    return g_target->C_InitToken(slot, pin, len, label);
}

CK_RV InitPIN(CK_SESSION_HANDLE s, CK_UTF8CHAR_PTR pin, CK_ULONG len)
{
    FAULT(C_InitPIN);
    pinpad(pin, len, "TOKENDESK_PINPAD_NEW");
    return g_target->C_InitPIN(s, pin, len);
}

CK_RV SetPIN(CK_SESSION_HANDLE s, CK_UTF8CHAR_PTR oldPin, CK_ULONG oldLen, CK_UTF8CHAR_PTR newPin, CK_ULONG newLen)
{
    FAULT(C_SetPIN);
    pinpad(oldPin, oldLen, "TOKENDESK_PINPAD_OLD");
    pinpad(newPin, newLen, "TOKENDESK_PINPAD_NEW");
    return g_target->C_SetPIN(s, oldPin, oldLen, newPin, newLen);
}

CK_RV Login(CK_SESSION_HANDLE s, CK_USER_TYPE user, CK_UTF8CHAR_PTR pin, CK_ULONG len)
{
    FAULT(C_Login);
    pinpad(pin, len, "TOKENDESK_PINPAD_LOGIN");
    return g_target->C_Login(s, user, pin, len);
}

CK_RV GetTokenInfo(CK_SLOT_ID slot, CK_TOKEN_INFO_PTR info)
{
    FAULT(C_GetTokenInfo);
    const CK_RV rv = g_target->C_GetTokenInfo(slot, info);
    if (rv != CKR_OK || !info || !(info->flags & CKF_TOKEN_INITIALIZED))
        return rv;
    info->flags |= CK_FLAGS(std::strtoul(env("TOKENDESK_FAULT_FLAGS"), nullptr, 16));
    if (const char *m = env("TOKENDESK_FAULT_MANUFACTURER"); *m) {
        std::memset(info->manufacturerID, ' ', sizeof info->manufacturerID);
        std::memcpy(info->manufacturerID, m, std::min(std::strlen(m), sizeof info->manufacturerID));
    }
    lieAboutIdentity(*info);
    if (const char *suffix = env("TOKENDESK_FAULT_LABEL_SUFFIX"); *suffix) {
        std::size_t end = sizeof info->label;
        while (end > 0 && info->label[end - 1] == ' ')
            --end;
        const std::size_t n = std::min(std::strlen(suffix), sizeof info->label - end);
        std::memcpy(info->label + end, suffix, n);
    }
    if (const char *fill = env("TOKENDESK_FAULT_SERIAL_FILL"); *fill) {
        char *byte = nullptr;
        if (std::strtoul(fill, &byte, 0) == slot && *byte == ',')
            std::memset(info->serialNumber, int(std::strtoul(byte + 1, nullptr, 0)), sizeof info->serialNumber);
    }
    return rv;
}

CK_RV OpenSession(CK_SLOT_ID slot, CK_FLAGS flags, CK_VOID_PTR app, CK_NOTIFY notify, CK_SESSION_HANDLE_PTR s)
{
    FAULT(C_OpenSession);
    return g_target->C_OpenSession(slot, flags, app, notify, s);
}

// ---- lies: answers a broken or hostile module gives (lengths, counts, identities) ----

// "0x11:5000000" → type 0x11, number 5000000; "0x3" → type 3, number 0. False when unset.
bool typeAndNumber(const char *var, CK_ATTRIBUTE_TYPE &type, unsigned long &number)
{
    const char *v = env(var);
    if (!*v)
        return false;
    char *end = nullptr;
    type = CK_ATTRIBUTE_TYPE(std::strtoul(v, &end, 0));
    number = (end && *end == ':') ? std::strtoul(end + 1, nullptr, 0) : 0;
    return true;
}

CK_RV lieAboutAttributes(CK_ATTRIBUTE_PTR t, CK_ULONG n, CK_RV rv)
{
    CK_ATTRIBUTE_TYPE type = 0;
    unsigned long number = 0;
    for (CK_ULONG i = 0; t && i < n; ++i) {
        if (typeAndNumber("TOKENDESK_FAULT_HIDE_ATTRIBUTE", type, number) && t[i].type == type) {
            t[i].ulValueLen = CK_UNAVAILABLE_INFORMATION;
            if (rv == CKR_OK)
                rv = CKR_ATTRIBUTE_TYPE_INVALID;
        }
        if (typeAndNumber("TOKENDESK_FAULT_HUGE_ATTRIBUTE", type, number) && t[i].type == type && !t[i].pValue
            && t[i].ulValueLen != CK_UNAVAILABLE_INFORMATION)
            t[i].ulValueLen = number;
        if (typeAndNumber("TOKENDESK_FAULT_LYING_LENGTH", type, number) && t[i].type == type && t[i].pValue
            && t[i].ulValueLen != CK_UNAVAILABLE_INFORMATION)
            t[i].ulValueLen += 4096;
    }
    return rv;
}

CK_RV GetAttributeValue(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE o, CK_ATTRIBUTE_PTR t, CK_ULONG n)
{
    FAULT(C_GetAttributeValue);
    return lieAboutAttributes(t, n, g_target->C_GetAttributeValue(s, o, t, n));
}

CK_RV FindObjects(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE_PTR handles, CK_ULONG max, CK_ULONG_PTR count)
{
    FAULT(C_FindObjects);
    const CK_RV rv = g_target->C_FindObjects(s, handles, max, count);
    if (rv != CKR_OK || !count)
        return rv;
    if (const unsigned long extra = std::strtoul(env("TOKENDESK_FAULT_EXTRA_HANDLES"), nullptr, 0); extra && *count)
        *count = max + extra;
    if (*env("TOKENDESK_FAULT_ENDLESS_FIND") && *count == 0 && max > 0) {
        handles[0] = 0x7ffffff0;
        *count = 1;
    }
    return rv;
}

CK_RV GetMechanismList(CK_SLOT_ID slot, CK_MECHANISM_TYPE_PTR list, CK_ULONG_PTR count)
{
    FAULT(C_GetMechanismList);
    const CK_ULONG room = count ? *count : 0;
    const CK_RV rv = g_target->C_GetMechanismList(slot, list, count);
    if (rv == CKR_OK && list && count)
        if (const unsigned long extra = std::strtoul(env("TOKENDESK_FAULT_EXTRA_MECHANISMS"), nullptr, 0))
            *count = room + extra;
    return rv;
}

// Called by GetTokenInfo for initialized tokens.
void lieAboutIdentity(CK_TOKEN_INFO &info)
{
    if (const char *serial = env("TOKENDESK_FAULT_SERIAL"); *serial) {
        std::memset(info.serialNumber, ' ', sizeof info.serialNumber);
        std::memcpy(info.serialNumber, serial, std::min(std::strlen(serial), sizeof info.serialNumber));
    }
    if (const char *hex = env("TOKENDESK_FAULT_SERIAL_HEX"); *hex) {
        std::memset(info.serialNumber, ' ', sizeof info.serialNumber);
        for (std::size_t i = 0; i < sizeof info.serialNumber && hex[2 * i] && hex[2 * i + 1]; ++i) {
            const char byte[3] = {hex[2 * i], hex[2 * i + 1], 0};
            info.serialNumber[i] = CK_UTF8CHAR(std::strtoul(byte, nullptr, 16));
        }
    }
}

CK_RV Sign(CK_SESSION_HANDLE s, CK_BYTE_PTR data, CK_ULONG dataLen, CK_BYTE_PTR sig, CK_ULONG_PTR sigLen)
{
    FAULT(C_Sign);
    const CK_RV rv = g_target->C_Sign(s, data, dataLen, sig, sigLen);
    if (rv == CKR_OK && sig && sigLen)
        *sigLen += std::strtoul(env("TOKENDESK_FAULT_SIGNATURE_EXTRA"), nullptr, 0);
    return rv;
}

CK_RV Finalize(CK_VOID_PTR reserved)
{
    if (*env("TOKENDESK_FAULT_ABORT_FINALIZE"))
        std::abort();
    return g_target->C_Finalize(reserved);
}
} // namespace

// ---- Action layer (TOKENDESK_FAULT_ACTIONS): crashes and hangs. It wraps the finished
// forwarding table g_list, so it stays independent of the CK_RV faults above.
namespace {
CK_FUNCTION_LIST g_actions;

// The action configured for this function ("abort", "segv", "sleep:N"), or "".
std::string actionFor(const char *function)
{
    const std::string all = env("TOKENDESK_FAULT_ACTIONS");
    const std::string key = std::string(function) + "=";
    for (std::size_t at = 0; (at = all.find(key, at)) != std::string::npos; at += key.size())
        if (at == 0 || all[at - 1] == ',')
            return all.substr(at + key.size(), all.find(',', at) - at - key.size());
    return {};
}

void runAction(const char *function)
{
    const std::string a = actionFor(function);
    if (a.empty())
        return;
    if (const char *mark = env("TOKENDESK_FAULT_ACTION_MARK"); *mark)
        if (FILE *f = std::fopen(mark, "w"))
            std::fclose(f);
    if (a == "abort")
        std::abort();
    if (a == "segv") {
        std::signal(SIGSEGV, SIG_DFL); // a plain crash, also under AddressSanitizer's handler
        std::raise(SIGSEGV);
    }
    if (a.rfind("sleep:", 0) == 0) {
        timespec t{time_t(std::strtol(a.c_str() + 6, nullptr, 10)), 0};
        while (nanosleep(&t, &t) != 0) {
        }
    }
}

template <typename Fn> struct ActionLayer;
template <typename... Args> struct ActionLayer<CK_RV (*)(Args...)> {
    template <CK_RV (*CK_FUNCTION_LIST::*Member)(Args...), const char *Name>
    static CK_RV call(Args... args)
    {
        runAction(Name);
        return (g_list.*Member)(args...);
    }
};

#define ACTION_FUNCTIONS(X)                                                                                           \
    X(C_Initialize) X(C_Finalize) X(C_GetInfo) X(C_GetSlotList) X(C_GetSlotInfo) X(C_GetTokenInfo)                    \
    X(C_GetMechanismList) X(C_GetMechanismInfo) X(C_InitToken) X(C_InitPIN) X(C_SetPIN) X(C_OpenSession)              \
    X(C_CloseSession) X(C_CloseAllSessions) X(C_GetSessionInfo) X(C_Login) X(C_Logout) X(C_CreateObject)              \
    X(C_DestroyObject) X(C_GetAttributeValue) X(C_SetAttributeValue) X(C_FindObjectsInit) X(C_FindObjects)            \
    X(C_FindObjectsFinal) X(C_GenerateKey) X(C_GenerateKeyPair) X(C_SignInit) X(C_Sign) X(C_GenerateRandom)          \
    X(C_WaitForSlotEvent)
#define ACTION_NAME(fn) constexpr char kAction_##fn[] = #fn;
ACTION_FUNCTIONS(ACTION_NAME)

void installActions()
{
    g_actions = g_list;
#define ACTION_INSTALL(fn)                                                                                            \
    g_actions.fn = &ActionLayer<decltype(CK_FUNCTION_LIST::fn)>::call<&CK_FUNCTION_LIST::fn, kAction_##fn>;
    ACTION_FUNCTIONS(ACTION_INSTALL)
}
} // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR out)
{
    if (!out)
        return CKR_ARGUMENTS_BAD;
    if (!g_target) {
        const char *path = env("TOKENDESK_FAULT_TARGET");
        void *h = dlopen(*path ? path : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
        if (!h)
            return CKR_GENERAL_ERROR;
        auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(h, "C_GetFunctionList"));
        if (!get || get(&g_target) != CKR_OK)
            return CKR_GENERAL_ERROR;
        g_list = *g_target;
        g_list.C_GetFunctionList = C_GetFunctionList;
        g_list.C_InitToken = InitToken;
        g_list.C_InitPIN = InitPIN;
        g_list.C_SetPIN = SetPIN;
        g_list.C_Login = Login;
        g_list.C_GetTokenInfo = GetTokenInfo;
        g_list.C_OpenSession = OpenSession;
        // lies
        g_list.C_GetAttributeValue = GetAttributeValue;
        g_list.C_FindObjects = FindObjects;
        g_list.C_GetMechanismList = GetMechanismList;
        g_list.C_Finalize = Finalize;
        g_list.C_Sign = Sign;
        // crashes and hangs wrap everything above
        installActions();
    }
    *out = &g_actions;
    return CKR_OK;
}
