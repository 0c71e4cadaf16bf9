// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

// The TLS client "Test it" runs for Java (ConsumerProof): a single-file Java program started
// with `java JsseClient.java HOST PORT PINFILE` and the JSSE system properties a user would set
// (javax.net.ssl.keyStore=NONE, keyStoreType=PKCS11, the java.security override that installs
// SunPKCS11 with TokenDesk's configuration). It reads the PIN from the owner-only file (never an
// argument), hands it to JSSE as javax.net.ssl.keyStorePassword, connects with the default
// SSLContext and prints the handshake and the client certificate it sent:
//   JSSE HANDSHAKE OK <protocol> <cipher suite>
//   CLIENT CERTIFICATE SHA-256 AB:CD:…
namespace JsseClient {
QByteArray source();
}
