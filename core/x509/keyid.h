// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/publickey.h"

#include <QByteArray>

enum class KeyIdStyle {
    // What OpenSC writes when it chooses the ID itself (pkcs15init "mozilla"
    // id-style): RSA SHA-1(modulus), EC SHA-1(X coordinate only, see below).
    // Lets TokenDesk-generated keys pair up with certificates imported by OpenSC tools.
    OpenSc,
    // RFC 5280 4.2.1.2 method 1: SHA-1 of the subjectPublicKey BIT STRING value.
    // Equals the Subject Key Identifier that OpenSSL (`subjectKeyIdentifier=hash`)
    // and most CAs put into certificates for this key.
    SubjectKeyIdentifier,
};

// A 20-byte CKA_ID derived from the public key, for key generation and import.
// Empty for a null key.
//
// Research note (OpenSC source, src/pkcs15init/pkcs15-lib.c,
// sc_pkcs15init_select_intrinsic_id(); checked against the OpenSC tree):
//  * The generic src/pkcs15init/pkcs15.profile, loaded before every card profile,
//    sets pkcs15-id-style = mozilla; profile.c's built-in default is "native" (a
//    counter, not a hash) and a few card profiles switch back to it. So for
//    pkcs15-init and OpenSC's own C_GenerateKeyPair/C_CreateObject without a
//    CKA_ID, "mozilla" is the rule in practice.
//  * mozilla, RSA: SHA1(modulus), modulus as the unsigned big-endian integer
//    (OpenSC decodes it with SC_ASN1_UNSIGNED, so no leading 0x00).
//  * mozilla, EC: NOT the whole point. The code skips the 0x04 tag and hashes
//    (len - 1) / 2 bytes, i.e. only the X coordinate, citing PKCS#15 v1.1.
//  * mozilla, other algorithms (EdDSA included in the version read): no ID is
//    derived. TokenDesk uses SHA-1 of the raw 32/57-byte public key there, the
//    natural extension of OpenSC's "SHA1(pub)" rule for DSA.
//  * pkcs11-tool itself computes no default ID: write_object() and
//    --keypairgen add CKA_ID only when --id is given, leaving it to the module
//    otherwise (OpenSC's own module then applies the rule above).
QByteArray defaultKeyId(const PublicKey &key, KeyIdStyle style = KeyIdStyle::OpenSc);
