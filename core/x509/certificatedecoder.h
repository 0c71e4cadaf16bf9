// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/certificateinfo.h"

#include <QByteArray>

// Decodes a DER X.509 certificate (a CKO_CERTIFICATE's CKA_VALUE, or one entry
// of readCertificates()). Throws X509Error(InvalidCertificate) with the sentence
// "This is not a valid X.509 certificate (DER)." Bytes after the DER (padding, a
// known token quirk, or something appended) are not part of CertificateInfo::der
// but are counted in trailingBytes so callers can flag them; the fingerprints are
// always of derBytes exactly as given (the stored value), trailing bytes included.
// Pure function of its input: safe on any thread.
CertificateInfo decodeCertificate(const QByteArray &der);
