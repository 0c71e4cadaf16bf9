// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QStringList>

// tokendesk --check-backup FILE [FILE…] --dkek-share SHAREFILE [--dkek-share …] [--password-fd N]
// The offline check of SmartCard-HSM key backups (Tools → Check key backups… on the
// command line): each share file's password is read from the terminal (echo off) or,
// with --password-fd and one share file, one line from that open file descriptor
// (0 = stdin); never from the command line or the environment. Prints per backup
// whether the shares open it and which key it holds; never any key material.
namespace BackupCheckCli {
bool wanted(int argc, char **argv);
int run(const QStringList &arguments); // exit code: 0 all open, 1 one or more do not, 2 a share did not open, 64 usage
} // namespace BackupCheckCli
