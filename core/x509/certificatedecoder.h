// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/certificateinfo.h"
#include "x509/comparablekey.h"

#include <QByteArray>

#include <optional>

// Decodes a DER X.509 certificate (a CKO_CERTIFICATE's CKA_VALUE, or one entry
// of readCertificates()). Throws X509Error(InvalidCertificate) with the sentence
// "This is not a valid X.509 certificate (DER)." Bytes after the DER (padding, a
// known token quirk, or something appended) are not part of CertificateInfo::der
// but are counted in trailingBytes so callers can flag them; the fingerprints are
// always of derBytes exactly as given (the stored value), trailing bytes included.
// Pure function of its input: safe on any thread.
CertificateInfo decodeCertificate(const QByteArray &der);

// One decoding of a stored certificate value for the inventory: the facts, and
// the public key for pairing, from a single parse. Never throws: a value that is
// not a certificate gives error and a null key; one whose facts fail (unreadable
// dates) can still carry its key, as PublicKey::fromCertificate reads it.
struct CertificateDecoding {
    std::optional<CertificateInfo> info;
    QString error; // the X509Error sentence when info is empty
    ComparableKey key;
};
CertificateDecoding decodeCertificateAndKey(const QByteArray &der);

// Certificates parsed by this process so far (decodeCertificate and decodeCertificateAndKey),
// for tests that prove a refresh decodes nothing again.
quint64 certificateDecodeCount();
// Of those, the ones whose key OpenSSL's decoders read (every decodeCertificate, and a
// decodeCertificateAndKey of a self-issued certificate or of an unusual key), for tests
// that prove the common certificates take the fast way.
quint64 certificateKeyDecoderCount();
