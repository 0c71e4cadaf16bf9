// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"
#include "schsm/keyblob.h"
#include "x509/publickey.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

class RandomSource;
typedef struct evp_pkey_st EVP_PKEY;

// What the PKCS#15 private key description (PrKD) in a backup says about its key.
struct PrivateKeyDescription {
    enum class Kind { Rsa, Ec, Other };
    QByteArray der;       // exactly as in the file, for writing back to a device
    Kind kind = Kind::Other;
    QString label;        // CKA_LABEL as OpenSC shows it; empty when absent
    QByteArray id;        // the iD, OpenSC's CKA_ID
    QStringList usage;    // PKCS#15 key usage flag names: "sign", "decrypt", …
    int keyBits = 0;      // RSA modulusLength / EC key size; 0 when not stated
    int keyReference = -1; // the device's key reference; -1 when not stated
};

// A SmartCard-HSM key backup exactly as `sc-hsm-tool --wrap-key` writes it: a DER
// SEQUENCE of an OCTET STRING (the device's key blob), the PKCS#15 private key
// description, and the key's certificate file when the device had one (an X.509
// certificate, or the CV certificate request the device made for a generated key).
// The whole file is untrusted input: every length is checked by OpenSSL's DER
// reader against the bytes that are there. Holds no secret (the blob is ciphertext).
class KeyBackupFile {
public:
    enum class Certificate { None, X509, CvRequest, Other };
    static constexpr qsizetype kMaxSize = 64 * 1024; // an RSA-4096 backup with a large certificate is < 8 KiB

    // Throws KeyBackupError(NotABackup) with the reason.
    static KeyBackupFile parse(const QByteArray &file);
    // Reads (size-capped) and parses. Throws KeyBackupError (ReadFailed, NotABackup).
    static KeyBackupFile read(const QString &path);

    const KeyBlob &blob() const { return m_blob; }
    const PrivateKeyDescription &description() const { return m_description; }
    Certificate certificateKind() const { return m_certificateKind; }
    const QByteArray &certificate() const { return m_certificate; } // empty when none
    QString certificateSubject() const { return m_subject; }         // X.509 only, RFC 4514
    // The public key the file states beside the blob: the X.509 certificate's key,
    // or (CV request) its RSA modulus / EC point as raw bytes in cvPublicKey().
    const PublicKey &certificateKey() const { return m_certificateKey; }
    const QByteArray &cvPublicKey() const { return m_cvPublicKey; }

    // A PKCS#15 private key description (the first DER element of der) as the device holds
    // it in EF C4xx. Throws KeyBackupError(NotABackup).
    static PrivateKeyDescription parseDescription(const QByteArray &der);
    // The first DER element of data (header and content, its length checked against data),
    // as sc-hsm-tool cuts a device file to the element it holds. Throws KeyBackupError(NotABackup).
    static QByteArray firstElement(const QByteArray &data, const QString &what);
    // The file's bytes, the three parts in sc-hsm-tool's order.
    static QByteArray compose(const QByteArray &blob, const QByteArray &description, const QByteArray &certificate);
    // A PrKD as OpenSC writes one for a device key (private, authId 01, the key reference).
    static QByteArray describeKey(const PublicKey &key, const QString &label, const QByteArray &id, int keyReference,
                                  const QByteArray &subjectDer = {});
    // The host-side builder ("import a software key into the device"): the backup file
    // the device would write for this key under this DKEK, with the certificate (DER,
    // optional). The private key is encoded into wiping memory only.
    static QByteArray build(const SecureBytes &dkek, EVP_PKEY *key, const QString &label, const QByteArray &id,
                            const QByteArray &certificateDer = {}, int keyReference = 1, RandomSource *rng = nullptr);

private:
    KeyBlob m_blob;
    PrivateKeyDescription m_description;
    Certificate m_certificateKind = Certificate::None;
    QByteArray m_certificate;
    QString m_subject;
    PublicKey m_certificateKey;
    QByteArray m_cvPublicKey;
};
