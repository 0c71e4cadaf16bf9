// SPDX-License-Identifier: GPL-3.0-or-later
// A PKCS#11 module that forwards every call to SoftHSM and can hold one call at a
// gate, for tests that act while a token job runs (Escape, close, Back, Cancel
// during a key generation). Holding the call until the test opens the gate makes
// "slow" deterministic: no guess of how long an RSA key takes, no sleep in the test.
// It can also play a module that ignores false usage attributes and applies its
// own defaults (SoftHSM's are true), for the check after key generation.
// Configured through the environment, read at every call (tests change it only
// while no job runs):
//   TOKENDESK_GATE_TARGET   module to forward to (default: SoftHSM)
//   TOKENDESK_GATE_DIR      a directory; with it set, C_GenerateKeyPair and C_SignInit
//                           create <dir>/entered, then wait until <dir>/open exists
//                           (polled; at most two minutes) before they forward
//   TOKENDESK_GATE_DROP_FALSE  "1": C_GenerateKeyPair leaves out every CK_FALSE
//                           usage attribute of both templates before forwarding
#include <p11-kit/pkcs11.h>

#include <dlfcn.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

namespace {
CK_FUNCTION_LIST g_list;
CK_FUNCTION_LIST_PTR g_target = nullptr;

const char *env(const char *name)
{
    const char *v = std::getenv(name);
    return v ? v : "";
}

bool exists(const std::string &path) { return access(path.c_str(), F_OK) == 0; }

// Blocks the calling (worker) thread until the test opens the gate.
void gate()
{
    const std::string dir = env("TOKENDESK_GATE_DIR");
    if (dir.empty())
        return;
    if (FILE *f = std::fopen((dir + "/entered").c_str(), "w"))
        std::fclose(f);
    for (int i = 0; i < 120 * 200 && !exists(dir + "/open"); ++i)
        usleep(5000);
}

bool isUsage(CK_ATTRIBUTE_TYPE t)
{
    switch (t) {
    case CKA_SIGN: case CKA_VERIFY: case CKA_DECRYPT: case CKA_ENCRYPT: case CKA_UNWRAP: case CKA_WRAP:
    case CKA_DERIVE: case CKA_SIGN_RECOVER: case CKA_VERIFY_RECOVER:
        return true;
    default:
        return false;
    }
}

std::vector<CK_ATTRIBUTE> dropFalseUsages(CK_ATTRIBUTE_PTR t, CK_ULONG n)
{
    std::vector<CK_ATTRIBUTE> out;
    for (CK_ULONG i = 0; i < n; ++i) {
        const bool isFalse = t[i].pValue && t[i].ulValueLen == sizeof(CK_BBOOL)
            && *static_cast<const CK_BBOOL *>(t[i].pValue) == CK_FALSE;
        if (!(isUsage(t[i].type) && isFalse))
            out.push_back(t[i]);
    }
    return out;
}

CK_RV GenerateKeyPair(CK_SESSION_HANDLE s, CK_MECHANISM_PTR mech, CK_ATTRIBUTE_PTR pub, CK_ULONG npub,
                      CK_ATTRIBUTE_PTR priv, CK_ULONG npriv, CK_OBJECT_HANDLE_PTR hPub, CK_OBJECT_HANDLE_PTR hPriv)
{
    gate();
    if (std::strcmp(env("TOKENDESK_GATE_DROP_FALSE"), "1") == 0) {
        std::vector<CK_ATTRIBUTE> p = dropFalseUsages(pub, npub), q = dropFalseUsages(priv, npriv);
        return g_target->C_GenerateKeyPair(s, mech, p.data(), CK_ULONG(p.size()), q.data(), CK_ULONG(q.size()), hPub,
                                           hPriv);
    }
    return g_target->C_GenerateKeyPair(s, mech, pub, npub, priv, npriv, hPub, hPriv);
}

CK_RV SignInit(CK_SESSION_HANDLE s, CK_MECHANISM_PTR mech, CK_OBJECT_HANDLE key)
{
    gate();
    return g_target->C_SignInit(s, mech, key);
}
} // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR out)
{
    if (!out)
        return CKR_ARGUMENTS_BAD;
    if (!g_target) {
        const char *path = env("TOKENDESK_GATE_TARGET");
        void *h = dlopen(*path ? path : "/usr/lib/softhsm/libsofthsm2.so", RTLD_NOW | RTLD_LOCAL);
        if (!h)
            return CKR_GENERAL_ERROR;
        auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(h, "C_GetFunctionList"));
        if (!get || get(&g_target) != CKR_OK)
            return CKR_GENERAL_ERROR;
        g_list = *g_target;
        g_list.C_GetFunctionList = C_GetFunctionList;
        g_list.C_GenerateKeyPair = GenerateKeyPair;
        g_list.C_SignInit = SignInit;
    }
    *out = &g_list;
    return CKR_OK;
}
