// SPDX-License-Identifier: GPL-3.0-or-later
// Built into tokendesk only in the sanitizer tree (-DTOKENDESK_SANITIZE=ON; tests/sanitizers/README.md).
//
// The full unwinder for every allocation this program makes: libcrypto has no frame pointers, so
// the fast unwinder stops inside it and a leak SoftHSM makes through OpenSSL while `tokendesk --list`
// runs loses the libsofthsm2.so frame that tests/sanitizers/lsan.supp matches; the listing then
// ends with LeakSanitizer's status instead of its own. The test programs that start tokendesk keep
// the fast unwinder for themselves (some decode thousands of certificates or derive keys over
// millions of rounds). ASAN_OPTIONS in the environment still overrides this default.

extern "C" const char *__asan_default_options();
extern "C" const char *__asan_default_options()
{
    return "fast_unwind_on_malloc=0";
}
