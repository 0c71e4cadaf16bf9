// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/custodianshare.h"
#include "dkek/randomsource.h"
#include "p11/securebytes.h"

#include <QString>

#include <vector>

// A random DKEK share password split among key custodians, T of N needed.
struct SharedPassword {
    SecureBytes password; // 8 bytes, first byte 0x01-0x7f
    int threshold = 0;
    std::vector<CustodianShare> shares; // IDs 1..N, one prime
};

// Shamir's secret sharing over a 64-bit prime field, interoperable with
// sc-hsm-tool --pwd-shares-threshold T --pwd-shares-total N (OpenSC 0.23):
// - the password is 8 random bytes with the top bit cleared, read as a big-endian
//   number; we also refuse a zero first byte (see passwordCandidates());
// - the prime is a random 64-bit safe prime, larger than the secret;
// - the polynomial s + a1 x + … + a(T-1) x^(T-1) has coefficients uniform in [0, p);
//   custodian i gets (i, poly(i) mod p) for i = 1..N;
// - reconstruction is Lagrange interpolation at x = 0 with any T shares.
class PasswordSharing {
public:
    static constexpr int kPasswordSize = 8;
    static constexpr int kPrimeBits = 64;
    static constexpr int kMinThreshold = 2;
    static constexpr int kMinTotal = 3; // sc-hsm-tool refuses fewer
    // sc-hsm-tool prints share IDs in decimal and reads them back as hexadecimal;
    // both agree only for 1-9, so more custodians could not use sc-hsm-tool.
    static constexpr int kMaxTotal = 9;

    // An empty string when T-of-N is allowed, otherwise the reason.
    static QString checkCounts(int threshold, int total);

    // A new random password and its N shares. Throws DkekError.
    static SharedPassword generate(int threshold, int total, RandomSource &rng);
    // Splits a given secret (1-8 bytes, big-endian number). Throws DkekError.
    static std::vector<CustodianShare> split(const SecureBytes &secret, int threshold, int total, RandomSource &rng);
    // The secret from T or more shares, as sc-hsm-tool forms it: big-endian with no
    // leading zero bytes. Too few (or mistyped) shares give a wrong number, which the
    // share file then rejects. Throws DkekError for unusable sets (duplicate IDs,
    // different primes, fewer than two shares).
    static SecureBytes reconstruct(const std::vector<const CustodianShare *> &shares);
    // The passwords to try for a reconstructed secret. sc-hsm-tool creates an 8-byte
    // password but re-imports it without leading zero bytes, so a password whose first
    // byte is 0 was encrypted as 8 bytes: try that first, then the short form.
    static std::vector<SecureBytes> passwordCandidates(const SecureBytes &reconstructed);
};
