// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/dkekimportplan.h"

#include "dkek/keycheckvalue.h"
#include "schsm/schsmcard.h"

#include <QCoreApplication>

namespace {
struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DkekImportPlan)
};
} // namespace

DkekImportPlan DkekImportPlan::make(const DkekState &device, const std::vector<DkekShareInput> &shares)
{
    DkekImportPlan plan;
    if (shares.empty()) {
        plan.refusal = Tr::tr("Choose at least one DKEK share file.");
        return plan;
    }
    for (const DkekShareInput &s : shares) {
        if (!s.share || s.share->size() != CK_ULONG(SchsmCard::kDkekShareSize) || s.kcv.size() != 8) {
            plan.refusal = Tr::tr("%1 is not an opened DKEK share.").arg(s.name);
            return plan;
        }
    }
    if (!device.known) {
        plan.refusal = Tr::tr("The device does not report a DKEK state; it may not be initialized.");
        return plan;
    }
    if (device.total == 0) {
        plan.refusal = Tr::tr("The device was initialized without DKEK shares, so it takes none. Initialize it again "
                          "with the number of shares you want to import.");
        return plan;
    }
    for (std::size_t i = 0; i < shares.size(); ++i) {
        for (std::size_t j = 0; j < i; ++j) {
            if (shares[i].kcv == shares[j].kcv) {
                plan.refusal = Tr::tr("%1 and %2 hold the same share (check value %3); each share counts once.")
                                   .arg(shares[j].name, shares[i].name, formatKeyCheckValue(shares[i].kcv));
                return plan;
            }
        }
    }
    if (device.outstanding == 0) {
        plan.refusal = Tr::tr("The device already has all %n DKEK shares (check value %1).", nullptr, device.total)
                           .arg(formatKeyCheckValue(device.kcv));
        return plan;
    }
    // After exactly one import the device's DKEK is that share, so its check value
    // names it. With more shares in, single shares can no longer be recognized.
    if (device.imported() == 1) {
        for (const DkekShareInput &s : shares) {
            if (s.kcv == device.kcv) {
                plan.refusal = Tr::tr("The device already has the share in %1 (check value %2).")
                                   .arg(s.name, formatKeyCheckValue(s.kcv));
                return plan;
            }
        }
    }
    if (int(shares.size()) > device.outstanding) {
        plan.refusal = Tr::tr("The device is missing %n share(s), but %1 were chosen.", nullptr, device.outstanding)
                           .arg(shares.size());
        return plan;
    }
    plan.outstandingAfter = device.outstanding - int(shares.size());
    if (device.imported() == 0 && plan.outstandingAfter == 0) {
        std::vector<const SecureBytes *> parts;
        for (const DkekShareInput &s : shares)
            parts.push_back(s.share.get());
        plan.expectedKcv = dkekKeyCheckValue(combineDkekShares(parts));
    }
    return plan;
}
