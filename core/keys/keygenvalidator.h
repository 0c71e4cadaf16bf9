// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "keys/keygenspec.h"

#include <QByteArray>
#include <QString>

#include <vector>

// Pure checks behind the key generation wizard. Each returns an empty string
// when the input is fine, otherwise one sentence for the page.
class KeyGenValidator {
public:
    // offered: KeyAlgorithm::offeredBy(token mechanisms).
    static QString checkAlgorithm(const KeyGenSpec &spec, const std::vector<KeyAlgorithm> &offered);
    static QString checkLabel(const KeyGenSpec &spec);
    // existingIds: the CKA_IDs of the keys and certificates already on the token.
    static QString checkId(const KeyGenSpec &spec, const std::vector<QByteArray> &existingIds);
    static QString checkAttributes(const KeyGenSpec &spec);
    static QString check(const KeyGenSpec &spec, const std::vector<KeyAlgorithm> &offered,
                         const std::vector<QByteArray> &existingIds);
    // The longest CKA_ID accepted; tokens with PKCS#15 file systems store at most 255 bytes.
    static constexpr int kMaxIdBytes = 255;
    static constexpr int kMaxLabelBytes = 255;
};
