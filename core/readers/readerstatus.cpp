// SPDX-License-Identifier: GPL-3.0-or-later
#include "readers/readerstatus.h"

#include "schsm/pcscchannel.h"
#include "schsm/schsmerror.h"

#include <QtConcurrent/QtConcurrentRun>

ReaderStatus ReaderStatus::probe()
{
    ReaderStatus status;
    try {
        status.readers = PcscChannel::readers();
        status.serviceRunning = true;
    } catch (const SchsmError &e) {
        status.serviceRunning = e.code() != SchsmError::Code::NoService;
        if (status.serviceRunning)
            status.error = QString::fromUtf8(e.what());
    }
    return status;
}

QFuture<ReaderStatus> ReaderStatus::probeAsync() { return QtConcurrent::run(&ReaderStatus::probe); }
