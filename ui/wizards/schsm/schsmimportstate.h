// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "schsm/dkekimportplan.h"
#include "schsm/schsmdevice.h"
#include "schsm/schsmstatus.h"

#include <optional>
#include <vector>

// What the Import DKEK Shares wizard's pages share.
struct SchsmImportState {
    QString reader;
    SchsmStatus status; // the device as read before the import
    struct Share {
        DkekShareInput input;    // the share itself only in wiped memory
        QString path;
        bool fromCustodianShares = false;
    };
    std::vector<Share> shares;
    DkekImportPlan plan;

    enum class Outcome { None, Imported, Stopped, Failed };
    Outcome outcome = Outcome::None;
    std::optional<DkekImportResult> result;
    QString failure;
    bool kcvMismatch = false;
    std::optional<SchsmStatus> statusAfter; // read back after the import, whatever happened

    std::vector<DkekShareInput> inputs() const
    {
        std::vector<DkekShareInput> out;
        for (const Share &s : shares)
            out.push_back(s.input);
        return out;
    }
};
