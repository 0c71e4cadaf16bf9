// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>

// The real `openssl` command-line tool, run inside a private temporary
// directory: the oracle for everything core/x509 computes. Test data is
// generated fresh on every run, so nothing depends on checked-in keys.
class OpensslCli {
public:
    OpensslCli();

    bool isValid() const { return m_dir.isValid() && !m_program.isEmpty(); }
    const QString &lastError() const { return m_lastError; }
    QString path(const QString &name) const { return m_dir.filePath(name); }

    // Runs openssl with args in the temporary directory. Returns false (and
    // fills lastError with command and output) unless it exits with 0.
    bool run(const QStringList &args, QByteArray *out = nullptr, const QByteArray &stdinData = {});
    // Like run() but returns the exit code (-1 if it did not run) and merges stderr into *out.
    int status(const QStringList &args, QByteArray *out = nullptr);

    QByteArray read(const QString &name) const;
    bool write(const QString &name, const QByteArray &contents) const;

    // Parsers for `openssl … -text` output.
    // The colon-hex block following a label line such as "pub:" or "Modulus:".
    static QByteArray hexBlock(const QByteArray &text, const QByteArray &label);
    // The line after a label line ("X509v3 Key Usage: critical" → "Digital Signature, …").
    static QString lineAfter(const QByteArray &text, const QByteArray &label);
    // The value of "key=value" in one-line output ("serial=01A2" → "01A2").
    static QString field(const QByteArray &text, const QByteArray &key);
    // "2026-11-27 03:42:01Z" (from -dateopt iso_8601) as UTC.
    static QDateTime isoDate(const QString &s);

private:
    QTemporaryDir m_dir;
    QString m_program;
    QString m_lastError;
};
