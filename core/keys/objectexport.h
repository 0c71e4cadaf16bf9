// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "x509/publickey.h"

#include <QByteArray>
#include <QString>

// Export of public material (pure; the UI already holds the objects from
// Inventory::readObjects). Private keys are never exported.
namespace ObjectExport {
enum class Format { Pem, Der };

// The certificate object's value, without padding some tokens add. Throws
// KeyOperationError(InvalidInput) if the object is not a readable X.509 certificate.
QByteArray certificate(const ObjectInfo &certificate, Format format);
// "-----BEGIN PUBLIC KEY-----" (SubjectPublicKeyInfo, as `openssl pkey -pubout`).
QByteArray publicKeyPem(const PublicKey &key);
// The public key of a key object (private or public) or certificate, taking it from
// the key's partners by CKA_ID where the object itself lacks it (an EC private key).
// Throws KeyOperationError(InvalidInput) when the token holds no public half for it.
QByteArray publicKeyPem(const TokenContents &contents, const ObjectInfo &object);
// A file name from the object's label: "Web server.pem", "Web server.pub.pem".
QString suggestedFileName(const ObjectInfo &object, Format format, bool publicKey = false);
} // namespace ObjectExport
