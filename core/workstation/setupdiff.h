// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "workstation/setupplan.h"

#include <QByteArray>
#include <QString>

// --dry-run: the unified diff (diff -u) of each file a plan changes, the old
// file labelled with its path (/dev/null when it does not exist yet), the new
// one with its path. patch -p0 applies it.
//
// Made by /usr/bin/diff on two owner-only temporary files: diffutils is
// Essential in Debian, so it is always there, and its output is exactly what
// patch, git apply and reviewers expect (hunk headers, "\ No newline at end of
// file"); a diff of our own would be one more thing to get right.
namespace SetupDiff {
// Empty when nothing changes; *error is a sentence when diff cannot run.
QByteArray unified(const SetupPlan &plan, QString *error);
// What --dry-run prints (and the "Use this key in…" dialog shows): unified(), then a
// "# Would register …" line for each NSS database that changes.
QByteArray dryRun(const SetupPlan &plan, QString *error);
} // namespace SetupDiff
