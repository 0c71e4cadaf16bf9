// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/keyalgorithm.h"

#include <QString>

// What the key generation wizard collects. Checked by KeyGenValidator; carried
// out by generateKeyPair() (keygenerator.h). The defaults are the safe ones: a
// token object that is private, sensitive and never extractable, with the
// usages that fit the algorithm (defaultsFor()).
struct KeyGenSpec {
    KeyAlgorithm algorithm;
    QString label;
    // CKA_ID in hex; empty: derived from the public key after generation, the way
    // OpenSC does (SHA-1 of the RSA modulus / of the EC point's X coordinate).
    QString idHex;
    bool acceptLegacy = false;     // the user confirmed the RSA-1024 warning

    // The "advanced" page. Private-key attributes:
    bool privateObject = true;     // CKA_PRIVATE: hidden until login
    bool sensitive = true;         // CKA_SENSITIVE: the value never leaves in clear
    bool extractable = false;      // CKA_EXTRACTABLE: may not be wrapped out either
    bool alwaysAuthenticate = false; // CKA_ALWAYS_AUTHENTICATE: PIN for every signature
    bool sign = true;              // CKA_SIGN (and CKA_VERIFY on the public key)
    bool decrypt = false;          // CKA_DECRYPT (and CKA_ENCRYPT): RSA key transport, S/MIME
    bool unwrap = false;           // CKA_UNWRAP (and CKA_WRAP)
    bool derive = false;           // CKA_DERIVE: ECDH key agreement

    // Usage flags that fit the algorithm: RSA sign + decrypt, EC sign + derive, Ed25519 sign.
    static KeyGenSpec defaultsFor(const KeyAlgorithm &algorithm);
};
