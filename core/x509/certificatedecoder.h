// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "x509/certificateinfo.h"

#include <QByteArray>

// Decodes a DER X.509 certificate (a CKO_CERTIFICATE's CKA_VALUE, or one entry
// of readCertificates()). Throws X509Error(InvalidCertificate) with the sentence
// "This is not a valid X.509 certificate (DER)." Padding after the DER (a
// known token quirk) is ignored and not part of CertificateInfo::der.
// Pure function of its input: safe on any thread.
CertificateInfo decodeCertificate(const QByteArray &der);
