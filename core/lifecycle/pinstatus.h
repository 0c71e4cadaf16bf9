// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "lifecycle/pinrules.h"
#include "p11/pkcs11.h"

#include <QString>

// The state of one PIN as the token reports it in CK_TOKEN_INFO.flags: what
// every PIN dialog shows before anything is typed.
struct PinStatus {
    enum class State {
        NotSet,   // user PIN never set (CKF_USER_PIN_INITIALIZED clear) or token not initialized
        Ok,
        CountLow, // CKF_*_PIN_COUNT_LOW: a wrong PIN was entered since the last successful login.
                  // It says nothing about how many tries are left (SoftHSM sets it after one
                  // wrong PIN and never locks).
        FinalTry, // CKF_*_PIN_FINAL_TRY: the next wrong PIN locks it
        Locked,
    };
    State state = State::Ok;
    bool mustBeChanged = false; // CKF_*_PIN_TO_BE_CHANGED

    // An uninitialized token's SO flags mean nothing: SoftHSM 2.6 reports its free
    // slot with CKF_SO_PIN_LOCKED | CKF_SO_PIN_TO_BE_CHANGED, for example.
    static PinStatus of(const CK_TOKEN_INFO &token, PinRole role);

    bool locked() const { return state == State::Locked; }
    bool finalTry() const { return state == State::FinalTry; }
    // The tries left where the token tells them: PKCS#11 flags say only "one"
    // (FINAL_TRY) and "none" (LOCKED); -1 otherwise (unknown).
    int triesLeft() const;
    // "OK", "one try left", "a wrong PIN was entered since the last successful login" …
    QString stateText() const;
    // "User PIN: OK", "SO-PIN: one try left" …
    QString summary(PinRole role) const;
    // What it means for the user, one or two sentences; empty when nothing to say.
    QString advice(PinRole role) const;
};
