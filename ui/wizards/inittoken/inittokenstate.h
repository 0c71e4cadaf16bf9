// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "lifecycle/inittokenparams.h"
#include "lifecycle/objectcount.h"
#include "lifecycle/tokeninitializer.h"

#include <exception>
#include <optional>

// A token the wizard offers: where it is and what it looked like when listed.
struct InitTokenCandidate {
    TokenRef ref;
    QString moduleName;
    QString slotDescription;
    TokenSnapshot token;
};

// What the Initialize Token wizard's pages share. Owned by the wizard; the
// pages hold a pointer. The PINs live only in params (SecureBytes) and are
// moved into the job when it starts; the wizard wipes them when it closes.
struct InitTokenState {
    enum class Count {
        NotRead,
        Reading,
        Read,
        Failed,
        NotInitialized, // a blank token: nothing on it, and SoftHSM cannot even open a session to look
    };

    std::optional<InitTokenCandidate> chosen;
    InitTokenParams params;
    Count countState = Count::NotRead;
    ObjectCount count;    // read before anything is erased
    QString countError;
    std::optional<InitTokenOutcome> outcome;
    std::exception_ptr failure;   // C_InitToken (or the check before it) failed: nothing was changed
    CK_TOKEN_INFO tokenAfterFailure{};

    void wipeSecrets() { params.wipeSecrets(); }
};
