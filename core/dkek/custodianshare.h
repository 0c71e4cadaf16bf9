// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QByteArray>
#include <QString>
#include <QStringView>

#include <vector>

// One key custodian's part of an n-of-m DKEK share password, in the form
// sc-hsm-tool --pwd-shares-threshold T --pwd-shares-total N prints it:
//
//   Prime       : ff:0e:2e:17:8f:74:6c:cb
//   Share ID    : 1
//   Share value : e6:fb:13:da:9e:fd:45:07
//
// The prime is public (the same on every custodian's sheet); the value is secret.
// sc-hsm-tool prints the ID in decimal but reads it back as hexadecimal, which
// only agrees for IDs 1-9 - see PasswordSharing::kMaxTotal.
class CustodianShare {
public:
    CustodianShare() = default;
    CustodianShare(QByteArray prime, quint32 id, SecureBytes value);
    CustodianShare(CustodianShare &&) noexcept = default;
    CustodianShare &operator=(CustodianShare &&) noexcept = default;
    CustodianShare clone() const { return CustodianShare(m_prime, m_id, m_value.clone()); }

    const QByteArray &prime() const { return m_prime; } // big-endian, no leading zero bytes
    quint32 id() const { return m_id; }
    const SecureBytes &value() const { return m_value; } // big-endian, no leading zero bytes

    // Text exactly as sc-hsm-tool prints it: lower-case colon hex, decimal ID.
    QString primeText() const;
    QString idText() const;
    // The three lines above, aligned as sc-hsm-tool aligns them, in ASCII. Built in
    // place in one wiping buffer: the secret value never passes through a QString.
    SecureBytes printedForm() const;

    // What a custodian typed: hex with or without colons/spaces, any case; the ID in
    // decimal as printed (or 0x… hexadecimal). Throws DkekError::InvalidCustodianShare.
    static CustodianShare parse(QStringView prime, QStringView id, const SecureBytes &valueText);
    // sc-hsm-tool's printed output: a "Prime" line, then "Share ID"/"Share value" pairs
    // (a Prime line may be repeated before each pair). Other lines are ignored.
    static std::vector<CustodianShare> parsePrinted(const SecureBytes &text);

    // Lower-case colon hex of big-endian bytes ("00" for an empty number).
    static QString colonHex(const unsigned char *data, std::size_t size);
    // The same, written at out (which holds colonHexSize(size) bytes).
    static std::size_t colonHexSize(std::size_t size);
    static void writeColonHex(const unsigned char *data, std::size_t size, char *out);

private:
    QByteArray m_prime;
    quint32 m_id = 0;
    SecureBytes m_value;
};
