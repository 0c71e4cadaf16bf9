// SPDX-License-Identifier: GPL-3.0-or-later
// A PKCS#11 module that forwards every call to SoftHSM and can hold chosen calls
// until the test lets them go: a "slow token" on which a dialog's job is still
// running while the test presses Escape, the close button or Cancel. Holding on a
// gate instead of sleeping for a while keeps the tests free of timing guesses.
// Configured through the environment, read at every call:
//   TOKENDESK_HOLD_TARGET  module to forward to (default: SoftHSM)
//   TOKENDESK_HOLD         "C_CreateObject,C_DestroyObject": calls to hold (empty: none)
//   TOKENDESK_HOLD_DIR     directory of the gate: a held call creates "<fn>.held" there,
//                          then waits until a file named "release" exists (at most 60 s,
//                          so a failed test cannot hang), then forwards.
#include <p11-kit/pkcs11.h>

#include <dlfcn.h>
#include <sys/stat.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

namespace {
CK_FUNCTION_LIST g_list;
CK_FUNCTION_LIST_PTR g_target = nullptr;

std::string env(const char *name)
{
    const char *v = std::getenv(name);
    return v ? v : "";
}

bool exists(const std::string &path)
{
    struct stat st;
    return ::stat(path.c_str(), &st) == 0;
}

void hold(const char *function)
{
    const std::string list = "," + env("TOKENDESK_HOLD") + ",";
    const std::string dir = env("TOKENDESK_HOLD_DIR");
    if (dir.empty() || list.find("," + std::string(function) + ",") == std::string::npos)
        return;
    if (FILE *f = std::fopen((dir + "/" + function + ".held").c_str(), "w"))
        std::fclose(f);
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!exists(dir + "/release") && std::chrono::steady_clock::now() < until)
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
}

CK_RV CreateObject(CK_SESSION_HANDLE s, CK_ATTRIBUTE_PTR t, CK_ULONG n, CK_OBJECT_HANDLE_PTR h)
{
    hold("C_CreateObject");
    return g_target->C_CreateObject(s, t, n, h);
}

CK_RV DestroyObject(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE h)
{
    hold("C_DestroyObject");
    return g_target->C_DestroyObject(s, h);
}

CK_RV SetAttributeValue(CK_SESSION_HANDLE s, CK_OBJECT_HANDLE h, CK_ATTRIBUTE_PTR t, CK_ULONG n)
{
    hold("C_SetAttributeValue");
    return g_target->C_SetAttributeValue(s, h, t, n);
}
} // namespace

extern "C" __attribute__((visibility("default"))) CK_RV C_GetFunctionList(CK_FUNCTION_LIST_PTR_PTR out)
{
    if (!out)
        return CKR_ARGUMENTS_BAD;
    if (!g_target) {
        const std::string path = env("TOKENDESK_HOLD_TARGET");
        void *h = dlopen(path.empty() ? "/usr/lib/softhsm/libsofthsm2.so" : path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (!h)
            return CKR_GENERAL_ERROR;
        auto get = reinterpret_cast<CK_C_GetFunctionList>(dlsym(h, "C_GetFunctionList"));
        if (!get || get(&g_target) != CKR_OK)
            return CKR_GENERAL_ERROR;
        g_list = *g_target;
        g_list.C_GetFunctionList = C_GetFunctionList;
        g_list.C_CreateObject = CreateObject;
        g_list.C_DestroyObject = DestroyObject;
        g_list.C_SetAttributeValue = SetAttributeValue;
    }
    *out = &g_list;
    return CKR_OK;
}
