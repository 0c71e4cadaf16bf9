// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QByteArray>
#include <QString>
#include <QStringList>

#include <memory>

namespace keybackuptest {
// The vector files: tests/data/schsm/<name>, tests/data/dkek/<name>.
QString schsmFile(const QString &name);
QString dkekFile(const QString &name);
QByteArray readFile(const QString &path);
// Runs a program (never a secret on its command line); its stdout, or a failed QVERIFY-able empty + error.
struct Run {
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};
Run run(const QString &program, const QStringList &args, const QByteArray &input = {});
// Opens a vector share file with its real 10,000,000 rounds: the share, or null on failure.
std::shared_ptr<const SecureBytes> openVectorShare(const QString &path, const QByteArray &password);
// The 8 raw password bytes of share-2of3.pbe (the README's reconstruction).
QByteArray twoOfThreePassword();
} // namespace keybackuptest
