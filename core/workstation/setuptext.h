// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One generated file: where it is meant to go and what it holds. A marked
// block (~/.ssh/config) is not the whole file: writing it replaces only the
// lines between TokenDesk's marker comments (MarkedBlock) and keeps the rest.
struct SetupFile {
    QString path;
    QByteArray contents;
    bool markedBlock = false;
    bool operator==(const SetupFile &) const = default;
};

// A PKCS#11 module to register in an NSS database (Chromium's, a Firefox
// profile's) with modutil. refusal: a sentence why it must not be written now
// (Firefox has the profile open).
struct NssRegistration {
    QString dbDir;
    QString moduleName;
    QString library;
    QString refusal;
    bool operator==(const NssRegistration &) const = default;
};

// The result of a generator: files to write, commands the user runs (shell
// syntax, arguments quoted), and notes (translated sentences). Never a PIN.
struct SetupText {
    QList<SetupFile> files;
    QList<NssRegistration> nss;
    QStringList commands;
    QStringList notes;
};

namespace SetupTextFormat {
// A POSIX shell word: bare when it is safe, else single-quoted.
QString shellQuote(const QString &word);
// A name made of [A-Za-z0-9_-] only (other characters become '-'), never empty.
QString safeName(const QString &text, const QString &fallback);
// Human-readable text for --print: each file with its path, then the commands and notes.
QString toText(const SetupText &text);
} // namespace SetupTextFormat
