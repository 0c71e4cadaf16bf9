// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "x509/publickey.h"

#include <QString>

#include <vector>

// A private key the CSR wizard can sign with, as the tree knows it.
struct CsrKeyChoice {
    QByteArray id;
    QString label;
    QString description;               // "RSA 2048 bits"
    PublicKey::Algorithm algorithm = PublicKey::Algorithm::Rsa;
    bool alwaysAuthenticate = false;   // needs the PIN again for the signature

    static std::vector<CsrKeyChoice> fromObjects(const std::vector<ObjectInfo> &objects);
};
