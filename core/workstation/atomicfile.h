// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QFileDevice>
#include <QString>
#include <QStringList>

// Whole-file writes for workstation setup: QSaveFile (a temporary file renamed
// over the target, so a reader sees the old or the new file, never half of
// one), with the permissions given, and folders created owner-only.
namespace AtomicFile {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
bool save(const QString &path, const QByteArray &data, QFileDevice::Permissions permissions, QString *error);
// Creates dir and its missing parents (0700); *created gets them, outermost first.
bool makeDirs(const QString &dir, QStringList *created, QString *error);
} // namespace AtomicFile
