// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QtGlobal>

// Progress and cancellation for a long key derivation. The derivation calls
// proceed() between fixed-size chunks of work, never per hash, so a monitor
// may take a lock or post an event without slowing the loop measurably.
class KdfMonitor {
public:
    virtual ~KdfMonitor() = default;
    // done/total count hash iterations. Return false to stop the derivation.
    virtual bool proceed(quint64 done, quint64 total) = 0;
};
