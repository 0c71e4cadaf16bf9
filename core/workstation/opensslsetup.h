// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/keyfacts.h"
#include "workstation/setuptext.h"

// OpenSSL 3 with libp11's pkcs11 engine (Debian 12: libengine-pkcs11-openssl):
// an openssl.cnf that loads the engine for the key's module, read through
// OPENSSL_CONF (openssl's -config option does not load engines), and commands
// that name the key by its full URI (token=, serial=, id=), which stays right
// when several tokens are present. No PIN in the file: openssl asks, or takes
// -passin file:… .
struct OpensslSetupOptions {
    QString dir;
    QString enginePath; // the engine's pkcs11.so
};

namespace OpensslSetup {
// <OpenSSL's ENGINESDIR>/pkcs11.so for the OpenSSL TokenDesk runs with.
QString defaultEnginePath();
QString configPath(const KeyFacts &key, const OpensslSetupOptions &options);
QByteArray config(const KeyFacts &key, const QString &enginePath);
SetupText generate(const KeyFacts &key, const OpensslSetupOptions &options);
} // namespace OpensslSetup
