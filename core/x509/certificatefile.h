// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

// Reads certificates for import: PEM (one or many, text around the blocks is
// ignored, "TRUSTED CERTIFICATE" accepted), DER (one or several concatenated),
// PKCS#7 / .p7b / .p7c (PEM or DER), and base64 DER/PKCS#7 without PEM armour
// (what some Windows exports produce). Returns each certificate's DER, in file
// order. Non-certificate PEM blocks (keys, CRLs) are skipped.
// Throws X509Error with a plain sentence: CorruptFile, NoCertificates,
// UnknownFormat, or FileUnreadable (path variant only).
QList<QByteArray> readCertificates(const QByteArray &fileContents);
QList<QByteArray> readCertificateFile(const QString &path);
