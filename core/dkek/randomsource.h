// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>

// Where salts, shares and generated passwords come from. OpenSslRandomSource
// today; a token's RNG (C_GenerateRandom through its TokenExecutor) can be
// plugged in later without touching the DKEK code. Implementations throw on failure.
class RandomSource {
public:
    virtual ~RandomSource() = default;
    virtual void fill(unsigned char *out, std::size_t n) = 0;
};
