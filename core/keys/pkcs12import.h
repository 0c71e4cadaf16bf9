// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/certificateimport.h"
#include "p11/pkcs11.h"
#include "p11/securebytes.h"
#include "x509/publickey.h"

#include <QByteArray>
#include <QString>

class Session;

struct Pkcs12ImportOptions {
    QString label;   // empty: the file's friendly name, else the certificate's CN
    QString idHex;   // empty: derived from the public key (OpenSC style), like generated keys
};

struct Pkcs12ImportResult {
    QByteArray id;
    QString label;
    PublicKey publicKey;
    QString privateKeyUri;
    CertificateImportPlan certificates;  // the key's certificate and the chain, as written
    // Always set: the key was made outside the token. The wizard shows it as is.
    QString outsideTokenNote;
};

// Imports a PKCS#12 (.p12/.pfx) file: the private key (RSA or EC) as a
// sensitive, non-extractable token object, its public-key object, its
// certificate under the same CKA_ID and label, and the chain as CA
// certificates — all in one transaction. The password is used for this call
// only and never leaves SecureBytes except for the NUL-terminated copy OpenSSL
// needs, which is wiped too. The token marks imported keys CKA_LOCAL = false
// (it did not generate them) and never ALWAYS_SENSITIVE; the result says so.
// Refusals leave the token untouched: wrong password (KeyOperationError
// WrongPassword), not a PKCS#12 / no key / unsupported key type (InvalidInput,
// Unsupported), key already on the token (AlreadyOnToken), ID taken (IdCollision).
// Blocking: executor only, logged-in read-write session.
Pkcs12ImportResult importPkcs12(Session &session, const CK_TOKEN_INFO &token, const QByteArray &fileContents,
                                SecureBytes password, const Pkcs12ImportOptions &options = {});

// The token-free half of importPkcs12: decodes and decrypts the file, checks the key
// type and picks the key's certificate, with the same refusals (KeyOperationError).
// What the file holds, for a preview; fuzz_pkcs12 drives it with hostile files.
struct Pkcs12Summary {
    PublicKey publicKey;
    int certificates = 0;  // the key's certificate and the chain
    QString friendlyName;  // empty when the file names none
};
Pkcs12Summary inspectPkcs12(const QByteArray &fileContents, SecureBytes password);
