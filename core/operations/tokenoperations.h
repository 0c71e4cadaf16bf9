// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "inventory/tokenref.h"
#include "keys/certificateimport.h"
#include "keys/csrbuilder.h"
#include "keys/csrspec.h"
#include "keys/healthfinding.h"
#include "keys/keygenerator.h"
#include "keys/keygenspec.h"
#include "keys/keyrename.h"
#include "keys/objectdeletion.h"
#include "keys/pkcs12import.h"
#include "keys/selfsignedcert.h"
#include "p11/securebytes.h"

#include <QByteArray>
#include <QFuture>
#include <QList>

#include <optional>
#include <vector>

class Inventory;

// The asynchronous face of the key and object operations for the UI: a dialog or
// wizard builds a plain request, starts the operation and shows its result; it
// never sees a PKCS#11 session. Each entry point returns at once and runs on the
// token's executor with its session (logged in if the user is), through
// Inventory, so its bookkeeping holds as for every token job: a lost token or
// session makes the tree refresh (Inventory::tokenLost), a module that is being
// re-initialized is waited for, and a call that cannot start returns a failed
// future. Failures arrive in the future as the core function threw them
// (Pkcs11Error with its CKR_ code, KeyOperationError, TokenDeskError); none of
// these can be interrupted once they run, so a cancel only stops a job still
// queued. Secrets in a request (context PIN, file password) are used for the one
// call and wiped when the job ends, however it ends, or when it never runs.
namespace TokenOperations {

// Whether our session on the token is logged in, and as whom (the scan's
// snapshot does not know; the session does).
struct LoginState {
    bool loggedIn = false;
    CK_USER_TYPE as = CKU_USER; // meaningful when loggedIn
};
QFuture<LoginState> loginState(Inventory &inventory, const TokenRef &token);

// C_GenerateKeyPair with every usage spelled out, re-read and rolled back when
// the token made something else (generateKeyPair).
QFuture<GeneratedKey> generateKeyPair(Inventory &inventory, const TokenRef &token, KeyGenSpec spec);

// A certificate request signed on the token by the key with keyId (createCsr).
struct CsrRequest {
    QByteArray keyId;
    CsrSpec spec;
    std::optional<SecureBytes> contextPin; // CKA_ALWAYS_AUTHENTICATE: for this one signature
};
QFuture<CsrResult> createCsr(Inventory &inventory, const TokenRef &token, CsrRequest request);

// A self-signed certificate made with the key with keyId, stored next to it
// (createSelfSignedCertificate).
struct SelfSignedCertificateRequest {
    QByteArray keyId;
    SelfSignedRequest certificate;
    std::optional<SecureBytes> contextPin; // CKA_ALWAYS_AUTHENTICATE: for this one signature
};
QFuture<SelfSignedResult> createSelfSignedCertificate(Inventory &inventory, const TokenRef &token,
                                                      SelfSignedCertificateRequest request);

// Certificates (DER) written in one transaction (importCertificates).
struct CertificateImportRequest {
    QList<QByteArray> certificates;
    CertificateImportOptions options;
};
QFuture<CertificateImportPlan> importCertificates(Inventory &inventory, const TokenRef &token,
                                                  CertificateImportRequest request);

// A PKCS#12 file's key, certificate and chain in one transaction (importPkcs12).
struct Pkcs12ImportRequest {
    QByteArray fileContents;
    SecureBytes password;
    Pkcs12ImportOptions options;
};
QFuture<Pkcs12ImportResult> importPkcs12(Inventory &inventory, const TokenRef &token, Pkcs12ImportRequest request);

// Deletes the plan's objects (deleteObjects); the result is how many.
QFuture<int> deleteObjects(Inventory &inventory, const TokenRef &token, DeletionPlan plan);

// New label and/or CKA_ID for a key pair and its certificates (renameKeyPair);
// the result is the renamed objects as the token now holds them.
QFuture<std::vector<ObjectInfo>> renameKeyPair(Inventory &inventory, const TokenRef &token, KeyRename rename);

// Carries out one health finding's repair (HealthCheck::repair); the result is
// the findings that remain.
struct HealthRepairRequest {
    HealthFinding finding;
    std::optional<SecureBytes> contextPin; // a CKA_ALWAYS_AUTHENTICATE key's test signature
};
QFuture<std::vector<HealthFinding>> repairHealthFinding(Inventory &inventory, const TokenRef &token,
                                                        HealthRepairRequest request);

} // namespace TokenOperations
