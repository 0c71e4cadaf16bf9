// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/securebytes.h"

#include <QString>

#include <optional>

// Where `tokendesk --list --login` gets a PIN: the terminal or a file descriptor the
// caller opened, never argv or the environment (both are visible to other users'
// `ps` and /proc). The PIN goes straight from read() into SecureBytes; no QString,
// no std::string, no copy left unwiped.
namespace PinReader {
constexpr std::size_t kMaxPinBytes = 256; // more is refused: no token takes a longer PIN
// One line from the controlling terminal (/dev/tty, as ssh and sudo read it, so stdin
// and stdout may be redirected) with echo off; the prompt goes to the terminal. Echo is
// restored on every path, Ctrl+C included. An empty line gives an empty SecureBytes.
// nullopt with *error set when there is no terminal or the line is too long.
std::optional<SecureBytes> fromTerminal(const QString &prompt, QString *error);
// One line (up to the first newline or the end of input; a trailing CR is dropped)
// from fd, which is closed afterwards.
std::optional<SecureBytes> fromFd(int fd, QString *error);
} // namespace PinReader
