// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/keymatch.h"

bool certificateMatchesKey(const QByteArray &certificateDer, const PublicKey &key)
{
    return PublicKey::fromCertificate(certificateDer).sameKeyAs(key);
}

bool certificateMatchesKey(const QByteArray &certificateDer, const PublicKeyAttributes &attributes)
{
    return certificateMatchesKey(certificateDer, PublicKey::fromAttributes(attributes));
}

bool certificateMatchesSpki(const QByteArray &certificateDer, const QByteArray &subjectPublicKeyInfo)
{
    return certificateMatchesKey(certificateDer, PublicKey::fromSubjectPublicKeyInfo(subjectPublicKeyInfo));
}
