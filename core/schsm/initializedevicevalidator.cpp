// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/initializedevicevalidator.h"

#include "schsm/schsmobjects.h"
#include "schsm/schsmstatus.h"

#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(InitializeDeviceValidator)
};
} // namespace

SecureBytes InitializeDeviceValidator::vendorDefaultSoPin()
{
    return SecureBytes::fromUtf8("3537363231383830");
}

bool InitializeDeviceValidator::isHexSoPin(const SecureBytes &text)
{
    if (text.size() != 16)
        return false;
    for (CK_ULONG i = 0; i < text.size(); ++i) {
        const unsigned char c = text.data()[i];
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')))
            return false;
    }
    return true;
}

namespace {
// Hex digits compare without regard to case: "abc…" and "ABC…" are the same SO-PIN.
bool sameSoPin(const SecureBytes &a, const SecureBytes &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char diff = 0;
    for (CK_ULONG i = 0; i < a.size(); ++i) {
        const auto lower = [](unsigned char c) { return (c >= 'A' && c <= 'F') ? c + 32 : c; };
        diff |= lower(a.data()[i]) ^ lower(b.data()[i]);
    }
    return diff == 0;
}
} // namespace

QString InitializeDeviceValidator::soPins(const InitializeDeviceParams &p)
{
    if (!isHexSoPin(p.currentSoPin))
        return Tr::tr("The current SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).");
    const SecureBytes vendor = vendorDefaultSoPin();
    if (p.newSoPin.empty()) {
        if (sameSoPin(p.currentSoPin, vendor))
            return Tr::tr("The device still has the vendor's default SO-PIN, which is public: choose a new SO-PIN.");
        return {};
    }
    if (!isHexSoPin(p.newSoPin))
        return Tr::tr("The new SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).");
    if (sameSoPin(p.newSoPin, vendor))
        return Tr::tr("The new SO-PIN is the vendor's default, which is public: choose another one.");
    if (sameSoPin(p.newSoPin, p.currentSoPin))
        return Tr::tr("The new SO-PIN is the same as the current one.");
    return {};
}

QString InitializeDeviceValidator::userPin(const InitializeDeviceParams &p)
{
    const int n = int(p.userPin.size());
    if (n < kMinUserPin)
        return Tr::tr("The user PIN needs at least %n characters.", nullptr, kMinUserPin);
    if (n > kMaxUserPin)
        return Tr::tr("The user PIN can have at most %n bytes.", nullptr, kMaxUserPin);
    return {};
}

QString InitializeDeviceValidator::retryCounter(const InitializeDeviceParams &p)
{
    if (p.retryCounter < 1 || p.retryCounter > kMaxRetryCounter)
        return Tr::tr("The retry counter must be between 1 and %1.").arg(kMaxRetryCounter);
    // sc-hsm-tool's rule: short PINs get few tries.
    const int n = int(p.userPin.size());
    if (n == 6 && p.retryCounter > 3)
        return Tr::tr("A 6-character PIN allows at most 3 tries; use a longer PIN for more.");
    if (n == 7 && p.retryCounter > 5)
        return Tr::tr("A 7-character PIN allows at most 5 tries; use a longer PIN for more.");
    return {};
}

QString InitializeDeviceValidator::dkek(const InitializeDeviceParams &p)
{
    if (p.dkekShares < 0 || p.dkekShares > kMaxDkekShares)
        return Tr::tr("The number of DKEK shares must be between 0 and %1.").arg(kMaxDkekShares);
    if (p.dkekShares == 0 && !p.acceptNoDkek)
        return Tr::tr("Without DKEK shares no key on this device can ever be backed up or copied to another "
                  "device. Tick the box to confirm that this is what you want.");
    return {};
}

QString InitializeDeviceValidator::label(const InitializeDeviceParams &p)
{
    const QByteArray utf8 = p.label.toUtf8();
    if (utf8.size() > kMaxLabelBytes)
        return Tr::tr("The label can have at most %1 bytes in UTF-8.").arg(kMaxLabelBytes);
    for (QChar c : p.label) {
        if (c.category() == QChar::Other_Control)
            return Tr::tr("The label cannot contain control characters.");
    }
    if (!utf8.isEmpty() && p.transportPin)
        return Tr::tr("With a transport PIN the label cannot be written until the user PIN is changed: leave the "
                  "label empty or turn the transport PIN off.");
    return {};
}

QString InitializeDeviceValidator::device(const InitializeDeviceParams &p, const SchsmStatus &status)
{
    if (!status.initialized())
        return {};
    if (status.soPin.kind == PinState::Kind::Locked)
        return Tr::tr("The SO-PIN of this device is locked: it cannot be initialized again.");
    if (status.soPin.kind == PinState::Kind::TriesLeft && status.soPin.triesLeft == 1 && !p.confirmFinalSoPinTry)
        return Tr::tr("Only one SO-PIN try is left: a wrong SO-PIN now locks the device for good. Confirm that you "
                  "want to use the last try.");
    return {};
}

bool InitializeDeviceValidator::looksAsFromTheFactory(const SchsmStatus &status, const SchsmObjects &objects)
{
    return status.initialized() && status.soPin.kind == PinState::Kind::TriesLeft
        && status.soPin.triesLeft == kSoPinTries && status.dkek.known && status.dkek.total == 0
        && status.keyDomains.isEmpty() && objects.empty() && objects.label.isEmpty();
}

QString InitializeDeviceValidator::check(const InitializeDeviceParams &p)
{
    for (const QString &problem : {soPins(p), userPin(p), retryCounter(p), dkek(p), label(p)}) {
        if (!problem.isEmpty())
            return problem;
    }
    return {};
}
