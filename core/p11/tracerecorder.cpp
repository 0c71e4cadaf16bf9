// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/tracerecorder.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QSaveFile>

#include <openssl/crypto.h>

namespace {
// Text from a module's fixed-size, blank-padded field: printable ASCII only, the rest as \xNN.
QByteArray padded(const CK_UTF8CHAR *p, std::size_t n)
{
    QByteArray out;
    while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\0'))
        --n;
    for (std::size_t i = 0; i < n; ++i) {
        const unsigned char c = p[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            out += char(c);
        else
            out += "\\x" + QByteArray::number(c, 16).rightJustified(2, '0');
    }
    return out;
}
} // namespace

TraceRecorder::TraceRecorder() = default;
TraceRecorder::~TraceRecorder()
{
    if (isRecording())
        stop(nullptr);
}

QByteArray TraceRecorder::describeInfo(const CK_INFO &info)
{
    return QByteArray("cryptoki=") + QByteArray::number(info.cryptokiVersion.major) + '.'
        + QByteArray::number(info.cryptokiVersion.minor) + " manufacturer=\""
        + padded(info.manufacturerID, sizeof info.manufacturerID) + "\" library=\""
        + padded(info.libraryDescription, sizeof info.libraryDescription) + "\" version="
        + QByteArray::number(info.libraryVersion.major) + '.' + QByteArray::number(info.libraryVersion.minor)
        + " flags=0x" + QByteArray::number(quint64(info.flags), 16);
}

bool TraceRecorder::start(const QString &path, QString *error)
{
    QMutexLocker lock(&m_mutex);
    if (m_file) {
        if (error)
            *error = QCoreApplication::translate("TraceRecorder", "A support trace is already being recorded to %1.")
                         .arg(m_path);
        return false;
    }
    auto file = std::make_unique<QSaveFile>(path);
    // Owner-only before the first byte; the rename on commit keeps the mode.
    if (!file->open(QIODevice::WriteOnly) || !file->setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner)) {
        if (error)
            *error = QCoreApplication::translate("TraceRecorder", "The support trace cannot be written to %1: %2")
                         .arg(path, file->errorString());
        return false;
    }
    m_file = std::move(file);
    m_path = path;
    m_calls = 0;
    m_writeFailed = false;
    QByteArray header = "# TokenDesk support trace: every PKCS#11 call TokenDesk made while recording.\n"
                        "# Not recorded: PINs and their length, passwords, labels, data and signatures, and attribute "
                        "values other than CKA_CLASS, CKA_KEY_TYPE, CKA_CERTIFICATE_TYPE, CKA_MODULUS_BITS, CKA_TOKEN, "
                        "CKA_PRIVATE, CKA_SENSITIVE and CKA_EXTRACTABLE.\n";
    header += "# started " + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + '\n';
    header += "# TokenDesk " + QCoreApplication::applicationVersion().toUtf8() + ", Qt " + qVersion() + " (built with "
        + QT_VERSION_STR + "), " + OpenSSL_version(OPENSSL_VERSION) + '\n';
    for (const auto &[module, info] : m_modules)
        header += "# module " + module.toUtf8() + (info.isEmpty() ? QByteArray() : ' ' + info) + '\n';
    header += "# columns: time(UTC) thread module function arguments -> return-code duration\n";
    writeLocked(header);
    m_active.store(true, std::memory_order_relaxed);
    return true;
}

bool TraceRecorder::stop(QString *error)
{
    QMutexLocker lock(&m_mutex);
    m_active.store(false, std::memory_order_relaxed);
    if (!m_file)
        return true;
    writeLocked("# stopped " + QDateTime::currentDateTimeUtc().toString(Qt::ISODate).toUtf8() + " after "
                + QByteArray::number(m_calls) + " calls\n");
    const bool ok = !m_writeFailed && m_file->commit();
    if (!ok && error)
        *error = QCoreApplication::translate("TraceRecorder", "The support trace could not be saved to %1: %2")
                     .arg(m_path, m_file->errorString());
    m_file.reset();
    return ok;
}

QString TraceRecorder::fileName() const
{
    QMutexLocker lock(&m_mutex);
    return m_path;
}

quint64 TraceRecorder::callCount() const
{
    QMutexLocker lock(&m_mutex);
    return m_calls;
}

void TraceRecorder::write(const QByteArray &line)
{
    QMutexLocker lock(&m_mutex);
    if (!m_file)
        return; // stopped while the call ran
    ++m_calls;
    writeLocked(line);
}

void TraceRecorder::writeLocked(const QByteArray &line)
{
    // Flushed per line: if a module takes the process down, the temporary file
    // (next to the chosen one) still holds every call up to the crash.
    if (m_file->write(line) != line.size() || !m_file->flush())
        m_writeFailed = true;
}

void TraceRecorder::moduleLoaded(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    m_modules.try_emplace(path);
    if (m_file)
        writeLocked("# module loaded " + path.toUtf8() + '\n');
}

void TraceRecorder::moduleInfo(const QString &path, const CK_INFO &info)
{
    QMutexLocker lock(&m_mutex);
    m_modules[path] = describeInfo(info);
}

void TraceRecorder::moduleUnloaded(const QString &path)
{
    QMutexLocker lock(&m_mutex);
    m_modules.erase(path);
    if (m_file)
        writeLocked("# module unloaded " + path.toUtf8() + '\n');
}
