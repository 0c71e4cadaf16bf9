// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "dkek/randomsource.h"

// OpenSSL's private DRBG (RAND_priv_bytes): the default source for shares,
// salts and generated passwords.
class OpenSslRandomSource : public RandomSource {
public:
    void fill(unsigned char *out, std::size_t n) override;
};
