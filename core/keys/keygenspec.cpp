// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/keygenspec.h"

KeyGenSpec KeyGenSpec::defaultsFor(const KeyAlgorithm &algorithm)
{
    KeyGenSpec s;
    s.algorithm = algorithm;
    s.sign = true;
    // RSA keys sign and decrypt (TLS client auth, S/MIME); EC keys sign and agree on
    // keys (ECDH for S/MIME and TLS); Ed25519 can only sign. Unwrap stays off: it lets
    // a key import other keys, which a user key rarely needs.
    s.decrypt = algorithm.family == KeyAlgorithm::Family::Rsa;
    s.derive = algorithm.family == KeyAlgorithm::Family::Ec;
    return s;
}
