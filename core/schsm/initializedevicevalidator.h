// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/initializedeviceparams.h"

#include <QString>

struct SchsmObjects;
struct SchsmStatus;

// Checks InitializeDeviceParams before anything is sent. Each function returns
// an empty string when its part is fine, otherwise one translated sentence.
class InitializeDeviceValidator {
public:
    static constexpr int kMinUserPin = 6;
    static constexpr int kMaxUserPin = 15;
    static constexpr int kMaxRetryCounter = 10;
    static constexpr int kMaxDkekShares = 16;
    static constexpr int kMaxLabelBytes = 32;
    static constexpr int kSoPinTries = 15; // fixed by the device; a right SO-PIN resets the count

    // A device the vendor initialized (a Nitrokey HSM leaves the factory so, with the
    // documented default SO-PIN) that nobody has used since: every SO-PIN try left, no
    // DKEK shares, no key domains, no key, certificate, data object or label. A guess
    // that only decides which SO-PIN the wizard preselects; the device checks it.
    static bool looksAsFromTheFactory(const SchsmStatus &status, const SchsmObjects &objects);

    // The SO-PIN a Nitrokey HSM / SmartCard-HSM leaves the factory with (vendor documentation).
    static SecureBytes vendorDefaultSoPin();

    static QString soPins(const InitializeDeviceParams &p);
    static QString userPin(const InitializeDeviceParams &p);
    static QString retryCounter(const InitializeDeviceParams &p);
    static QString dkek(const InitializeDeviceParams &p);
    static QString label(const InitializeDeviceParams &p);
    // Against the device's state: a locked SO-PIN, the final try.
    static QString device(const InitializeDeviceParams &p, const SchsmStatus &status);
    // All of the above that do not need the device, first problem first.
    static QString check(const InitializeDeviceParams &p);
    static bool isHexSoPin(const SecureBytes &text);
};
