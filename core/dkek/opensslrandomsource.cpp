// SPDX-License-Identifier: GPL-3.0-or-later
#include "dkek/opensslrandomsource.h"

#include "dkek/dkekerror.h"

#include <openssl/rand.h>

#include <climits>

void OpenSslRandomSource::fill(unsigned char *out, std::size_t n)
{
    if (n > std::size_t(INT_MAX) || RAND_priv_bytes(out, int(n)) != 1)
        throw DkekError::cryptoFailure("RAND_priv_bytes");
}
