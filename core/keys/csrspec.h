// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/signaturescheme.h"
#include "keys/subjectname.h"
#include "keys/usagepreset.h"
#include "x509/certificateinfo.h"

#include <QList>

// What the CSR wizard collects. Checked by CsrValidator, carried out by createCsr().
struct CsrSpec {
    SubjectName subject;
    // Dns, Email, IpAddress and Uri entries (SubjectAltName from x509/certificateinfo.h).
    QList<SubjectAltName> altNames;
    UsagePreset usage = UsagePreset::TlsClient;
    UsageExtensions customUsage;   // used when usage == Custom
    SignatureScheme signature;     // digest SHA-256/384/512; RSA-PSS for RSA keys

    // The key usage / extended key usage that go into the request for this key.
    UsageExtensions usageFor(PublicKey::Algorithm algorithm) const
    {
        return usage == UsagePreset::Custom ? customUsage : UsageExtensions::forPreset(usage, algorithm);
    }
};
