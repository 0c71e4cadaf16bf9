// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Private to core/keys: the extensions a CSR requests, built once for the
// request (X509_REQ_add_extensions) and the self-signed certificate (X509_add_ext).

#include "keys/ossl_p.h"
#include "keys/usagepreset.h"
#include "x509/certificateinfo.h"

#include <QList>

namespace keysdetail {

// subjectAltName (not critical: the subject is not empty, or the caller marks
// it critical for an empty subject), keyUsage, extendedKeyUsage. Throws
// TokenDeskError for a value OpenSSL refuses (the validator catches these first).
Owned<STACK_OF(X509_EXTENSION)> requestExtensions(const QList<SubjectAltName> &altNames, const UsageExtensions &usage,
                                                  bool altNamesCritical);

} // namespace keysdetail
