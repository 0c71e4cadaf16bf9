// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"
#include "p11/pkcs11error.h"

#include <QString>

#include <cstddef>

class Module;

// What a module returns is untrusted input: lengths, counts and handle arrays are
// checked against what was asked and against these caps before anything is used.
// No real token comes near them; a module that does is broken or hostile.
namespace ModuleLimits {
inline constexpr CK_ULONG kMaxAttributeValue = 1024 * 1024;   // one attribute value (a certificate is a few KiB)
inline constexpr std::size_t kMaxObjectsPerFind = 65536;      // handles one C_FindObjects search may yield
inline constexpr CK_ULONG kMaxSlots = 4096;                   // C_GetSlotList
inline constexpr CK_ULONG kMaxMechanisms = 4096;              // C_GetMechanismList
inline constexpr CK_ULONG kMaxSignature = 64 * 1024;          // C_Sign (RSA-16384 needs 2 KiB)
} // namespace ModuleLimits

// A module broke the PKCS#11 contract (a length larger than the buffer it was
// given, more handles than asked for, a search that never ends, a value over a
// cap). Carries a sentence naming the module and the call; TokenDesk stops
// reading rather than over-read, allocate without bound or guess.
class ModuleContractError : public TokenDeskError {
public:
    ModuleContractError(const Module &module, const char *function, const QString &what);
    const char *function() const noexcept { return m_function; }

private:
    const char *m_function;
};

// A count the module returned for a list (slots, mechanisms): at most `limit`, which is
// either the room it was given or the cap for a size query. Throws ModuleContractError.
void checkCount(const Module &module, const char *function, CK_ULONG count, CK_ULONG limit);
