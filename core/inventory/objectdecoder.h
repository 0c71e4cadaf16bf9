// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/objectfacts.h"

#include <QHash>

#include <memory>

// Decodes the objects of a token's snapshots, once per distinct value: a
// certificate by its CKA_VALUE, a key by its public-key attributes. The tables
// are keyed by those bytes (QHash: a hash of the value, then a full comparison,
// so two values never share an entry). A refresh of an unchanged token finds
// every object here and decodes nothing; an entry no object of the last snapshot
// used is dropped, so the cache holds one snapshot's worth.
//
// Not thread-safe: one per token, used only by jobs on the token's executor (new
// values are decoded on the global thread pool while that job waits).
// The DecodedObjects it hands out are immutable and may go to any thread.
class ObjectDecoder {
public:
    // Sets o.decoded for every object of c, then forgets values c did not have.
    void decodeAll(TokenContents &c);
    int size() const { return int(m_certificates.size() + m_keys.size()); }

private:
    using Table = QHash<QByteArray, std::shared_ptr<const DecodedObject>>;

    Table m_certificates; // by CKA_VALUE
    Table m_keys;         // by class and public-key attributes
};
