// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/schsmdevice.h"

#include "dkek/keycheckvalue.h"
#include "schsm/initializedevicevalidator.h"
#include "schsm/pcscchannel.h"
#include "schsm/schsmcard.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmlog.h"
#include "schsm/schsmtokenlink.h"

#include <QCoreApplication>
#include <QHash>
#include <QMutex>

#include <optional>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(SchsmDevice)
};

// Opens the reader, holds a transaction for fn's commands, and — when the
// operation may change the device — resets the card afterwards (also after a
// failure), because OpenSC keeps what it read until it sees the card change.
template <typename Fn>
auto withDevice(const QString &reader, bool changesDevice, Fn fn)
{
    PcscChannel channel(reader);
    struct ResetAfter {
        PcscChannel &channel;
        bool on;
        ~ResetAfter()
        {
            if (on)
                channel.disconnectWithReset();
        }
    } resetAfter{channel, changesDevice};
    try {
        PcscChannel::Transaction transaction(channel);
        SchsmCard card(channel);
        return fn(card);
    } catch (const SchsmError &e) {
        // A card that went away cannot be reset; trying leaves pcscd's reader
        // state confused (it then misses the card's return).
        if (e.code() == SchsmError::Code::Removed || e.code() == SchsmError::Code::NoReader)
            resetAfter.on = false;
        throw;
    }
}

// A SmartCard-HSM ends every PIN verification when its application is selected. A user
// logged in through OpenSC (in this process or another) would be logged out on the card by
// a status read that selects it again, so while the user PIN is verified the application is
// not selected: its version and options come from the last SELECT on this reader. They change
// only by initializing, which logs everyone out and resets the card, so the next read selects.
class SelectedApplications {
public:
    std::optional<SchsmCard::Application> find(const QString &reader)
    {
        QMutexLocker lock(&m_mutex);
        const auto it = m_byReader.constFind(reader);
        return it == m_byReader.constEnd() ? std::nullopt : std::optional(*it);
    }
    void remember(const QString &reader, const SchsmCard::Application &app)
    {
        QMutexLocker lock(&m_mutex);
        m_byReader.insert(reader, app);
    }

private:
    QMutex m_mutex;
    QHash<QString, SchsmCard::Application> m_byReader;
};
SelectedApplications &selectedApplications()
{
    static SelectedApplications instance;
    return instance;
}

SchsmCard::Application selectRemembering(SchsmCard &card, const QString &reader)
{
    const SchsmCard::Application app = card.selectApplication();
    selectedApplications().remember(reader, app);
    return app;
}

// The application's facts without ending a verified user PIN: VERIFY without data first
// (it sends no PIN); only when that does not answer "verified" is the application selected.
// userPin receives the PIN state when it was read that way.
SchsmCard::Application applicationKeepingLogin(SchsmCard &card, const QString &reader, std::optional<PinState> &userPin)
{
    if (const auto known = selectedApplications().find(reader)) {
        const PinState state = card.pinState(SchsmCard::kUserPin);
        if (state.kind == PinState::Kind::Verified) {
            userPin = state;
            return *known;
        }
    }
    return selectRemembering(card, reader);
}

// keepLogin: a read that changes nothing (the panel's). The operations that change the device
// reset the card at their end anyway and select, so their status has fresh options and counts.
SchsmStatus statusOf(SchsmCard &card, const QString &reader, bool keepLogin = false)
{
    SchsmStatus s;
    s.reader = reader;
    std::optional<PinState> userPin;
    const SchsmCard::Application app = keepLogin ? applicationKeepingLogin(card, reader, userPin) : selectRemembering(card, reader);
    s.firmwareMajor = app.firmwareMajor;
    s.firmwareMinor = app.firmwareMinor;
    s.options = app.options;
    s.soPin = card.pinState(SchsmCard::kSoPin);
    s.userPin = userPin ? *userPin : card.pinState(SchsmCard::kUserPin);
    s.dkek = card.dkekState();
    // Firmware before 3 has no key domains and may not look at P2 (it would answer
    // the DKEK's state for every "domain").
    if (s.firmwareMajor >= 3)
        s.keyDomains = card.keyDomains();
    try {
        s.serial = card.serial();
    } catch (const SchsmError &e) {
        if (e.code() != SchsmError::Code::StatusWord && e.code() != SchsmError::Code::Protocol)
            throw;
        qCInfo(lcSchsm) << "no device serial:" << e.message();
    }
    return s;
}

bool isRemoval(const SchsmError &e)
{
    return e.code() == SchsmError::Code::Removed || e.code() == SchsmError::Code::NoReader;
}
} // namespace

QStringList SchsmDevice::findReaders()
{
    QStringList out;
    for (const QString &reader : PcscChannel::readers()) {
        try {
            PcscChannel channel(reader);
            PcscChannel::Transaction transaction(channel);
            SchsmCard card(channel);
            std::optional<PinState> userPin;
            applicationKeepingLogin(card, reader, userPin);
            out << reader;
        } catch (const SchsmError &e) {
            qCDebug(lcSchsm) << reader << "has no SmartCard-HSM:" << e.message();
        }
    }
    return out;
}

SchsmStatus SchsmDevice::readStatus(const QString &reader)
{
    return withDevice(reader, false, [&](SchsmCard &card) { return statusOf(card, reader, true); });
}

SchsmObjects SchsmDevice::readObjects(const QString &reader)
{
    return withDevice(reader, false, [](SchsmCard &card) {
        card.selectApplication();
        SchsmObjects objects = SchsmObjects::fromFileIds(card.enumerateObjects());
        objects.label = card.label();
        return objects;
    });
}

SchsmStatus SchsmDevice::checkSoPin(const QString &reader, const InitializeDeviceParams &p)
{
    if (!InitializeDeviceValidator::isHexSoPin(p.currentSoPin))
        throw SchsmError::refused(Tr::tr("The current SO-PIN has exactly 16 hexadecimal digits (0-9, A-F)."));
    const SecureBytes soPin = SchsmCard::decodeSoPin(p.currentSoPin);
    // Reset afterwards: the verification must not outlive this check in the card's session.
    return withDevice(reader, true, [&](SchsmCard &card) {
        const SchsmStatus before = statusOf(card, reader);
        if (!before.initialized())
            return before; // any SO-PIN opens a never-initialized device: nothing to check
        const QString deviceProblem = InitializeDeviceValidator::device(p, before);
        if (!deviceProblem.isEmpty())
            throw SchsmError::refused(deviceProblem);
        try {
            card.verifySoPin(soPin);
        } catch (const SchsmError &e) {
            // A device without VERIFY for its SO-PIN: INITIALIZE DEVICE checks it in the end.
            if (e.code() != SchsmError::Code::StatusWord || !(e.sw() == 0x6D00 || e.sw() == 0x6A86 || e.sw() == 0x6B00))
                throw;
            qCInfo(lcSchsm) << "the device cannot check an SO-PIN alone:" << e.message();
            return before;
        }
        return statusOf(card, reader);
    });
}

InitializeDeviceResult SchsmDevice::initialize(const QString &reader, const InitializeDeviceParams &p)
{
    const QString problem = InitializeDeviceValidator::check(p);
    if (!problem.isEmpty())
        throw SchsmError::refused(problem);
    const SecureBytes soPin = SchsmCard::decodeSoPin(p.currentSoPin);
    return withDevice(reader, true, [&](SchsmCard &card) {
        const SchsmStatus before = statusOf(card, reader);
        const QString deviceProblem = InitializeDeviceValidator::device(p, before);
        if (!deviceProblem.isEmpty())
            throw SchsmError::refused(deviceProblem);

        SchsmCard::InitializeFields f;
        f.soPin = &soPin;
        f.userPin = &p.userPin;
        f.options = quint16((p.soMayResetUserPin ? SchsmOption::ResetRetryCounter : 0)
                            | (p.transportPin ? SchsmOption::TransportPin : 0));
        f.retryCounter = p.retryCounter;
        f.dkekShares = p.dkekShares;
        card.initialize(f);

        InitializeDeviceResult result;
        try {
            if (!p.label.isEmpty()) {
                card.verifyUserPin(p.userPin);
                card.updateBinary(SchsmCard::kTokenInfo, SchsmCard::tokenInfo(p.label));
                result.labelWritten = true;
            }
            if (!p.newSoPin.empty()) {
                const SecureBytes newSoPin = SchsmCard::decodeSoPin(p.newSoPin);
                card.changeSoPin(soPin, newSoPin);
                result.soPinChanged = true;
            }
        } catch (const SchsmError &e) {
            const QString soPinNow = Tr::tr("The SO-PIN is still the one you entered as the current SO-PIN.");
            const QString step = result.labelWritten || p.label.isEmpty() ? Tr::tr("changing the SO-PIN")
                                                                           : Tr::tr("writing the label");
            throw SchsmError(SchsmError::Code::PartlyDone,
                             Tr::tr("The device was initialized, but %1 failed: %2. %3")
                                 .arg(step, e.message(), soPinNow),
                             e.sw(), e.pcscCode());
        }
        result.status = statusOf(card, reader);
        return result;
    });
}

DkekImportResult SchsmDevice::importShares(const QString &reader, const std::vector<DkekShareInput> &shares,
                                           const std::function<bool(int, int)> &progress)
{
    return withDevice(reader, true, [&](SchsmCard &card) {
        const SchsmStatus before = statusOf(card, reader);
        const DkekImportPlan plan = DkekImportPlan::make(before.dkek, shares);
        if (!plan.allowed())
            throw SchsmError::refused(plan.refusal);

        DkekImportResult result;
        result.expectedKcv = plan.expectedKcv;
        DkekState state = before.dkek;
        const int n = int(shares.size());
        for (int i = 0; i < n; ++i) {
            if (progress && !progress(i, n))
                break;
            DkekState next;
            try {
                next = card.importDkekShare(*shares[std::size_t(i)].share);
            } catch (const SchsmError &e) {
                if (isRemoval(e))
                    throw SchsmError(
                        e.code(),
                        Tr::tr("The device went away while share %1 of %2 (%3) was being sent; the device had confirmed "
                           "%n share(s) of this import before. It may or may not have taken this share: put it "
                           "back and check its DKEK status before importing again. %4",
                           nullptr, result.imported)
                            .arg(i + 1)
                            .arg(n)
                            .arg(shares[std::size_t(i)].name)
                            .arg(e.message()),
                        e.sw(), e.pcscCode());
                throw SchsmError(e.code(),
                                 Tr::tr("The device refused share %1 of %2 (%3): %4")
                                     .arg(i + 1)
                                     .arg(n)
                                     .arg(shares[std::size_t(i)].name, e.message()),
                                 e.sw(), e.pcscCode());
            }
            if (next.total != state.total || next.outstanding != state.outstanding - 1)
                throw SchsmError::protocol(Tr::tr("after a share the device reports %1 of %2 shares missing instead of %3")
                                               .arg(next.outstanding)
                                               .arg(next.total)
                                               .arg(state.outstanding - 1));
            qCInfo(lcSchsm) << "DKEK share" << i + 1 << "of" << n << "imported; share KCV"
                            << formatKeyCheckValue(shares[std::size_t(i)].kcv) << "," << next.outstanding
                            << "outstanding";
            state = next;
            ++result.imported;
        }
        result.status = statusOf(card, reader);
        if (result.status.dkek.complete() && !result.expectedKcv.isEmpty()
            && result.status.dkek.kcv != result.expectedKcv)
            throw SchsmError(SchsmError::Code::KcvMismatch,
                             Tr::tr("The device reports DKEK check value %1, but the chosen shares give %2. The DKEK on "
                                "the device is not the one these share files make: do not rely on it for backups; "
                                "initialize the device again and import the right shares.")
                                 .arg(formatKeyCheckValue(result.status.dkek.kcv),
                                      formatKeyCheckValue(result.expectedKcv)));
        return result;
    });
}

SchsmKeyBackup SchsmDevice::backUpKey(const QString &reader, const QByteArray &ckaId, const SecureBytes &userPin)
{
    return withDevice(reader, true, [&](SchsmCard &card) {
        selectRemembering(card, reader);
        return SchsmKeyBackup::make(card, ckaId, userPin);
    });
}

SchsmRestoreView SchsmDevice::readForRestore(const QString &reader)
{
    return withDevice(reader, false, [&](SchsmCard &card) { return SchsmKeyRestore::read(card, statusOf(card, reader, true)); });
}

std::vector<SchsmRestoredKey> SchsmDevice::restoreKeys(const QString &reader, const SchsmTokenIdentity &token,
                                                       const std::vector<SchsmRestoreRequest> &requests,
                                                       const SecureBytes &userPin, const std::function<void(int)> &progress)
{
    return withDevice(reader, true, [&](SchsmCard &card) {
        SchsmStatus status = statusOf(card, reader);
        if (!SchsmTokenLink::isDevice(token.slotDescription, token.serial, status))
            throw SchsmError::refused(Tr::tr("The card in reader %1 is not this token's device (serial number %2): "
                                             "the PIN was not sent and nothing was written.")
                                          .arg(reader, token.serial));
        return SchsmKeyRestore::restore(card, std::move(status), requests, userPin, progress);
    });
}
