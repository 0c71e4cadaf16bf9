// SPDX-License-Identifier: GPL-3.0-or-later
#include "schsm/apdu.h"

#include "schsm/schsmerror.h"

#include <QCoreApplication>

CommandApdu::CommandApdu(quint8 cla, quint8 ins, quint8 p1, quint8 p2, const SecureBytes &data, int expected,
                         bool forceExtended)
    : m_ins(ins)
{
    const std::size_t lc = data.size();
    if (lc > std::size_t(kMaxData) || expected < 0 || expected > kMaxExpected)
        throw SchsmError::protocol(QCoreApplication::translate("SchsmError", "a command is too long for the device"));
    const bool extended = forceExtended || lc > 255 || expected > 256;
    const unsigned char header[4] = {cla, ins, p1, p2};
    m_bytes.append(header, sizeof header);
    if (lc > 0) {
        if (extended) {
            const unsigned char l[3] = {0x00, quint8(lc >> 8), quint8(lc)};
            m_bytes.append(l, sizeof l);
        } else {
            const unsigned char l = quint8(lc);
            m_bytes.append(&l, 1);
        }
        m_bytes.append(data.data(), lc);
    }
    if (expected > 0) {
        if (extended) {
            // 65536 is encoded as 00 00; without data an extended Le has a leading 00.
            const int le = expected == kMaxExpected ? 0 : expected;
            if (lc == 0) {
                const unsigned char l[3] = {0x00, quint8(le >> 8), quint8(le)};
                m_bytes.append(l, sizeof l);
            } else {
                const unsigned char l[2] = {quint8(le >> 8), quint8(le)};
                m_bytes.append(l, sizeof l);
            }
        } else {
            const unsigned char le = expected == 256 ? 0 : quint8(expected);
            m_bytes.append(&le, 1);
        }
    }
}

ResponseApdu ResponseApdu::parse(const unsigned char *bytes, std::size_t size)
{
    if (!bytes || size < 2)
        throw SchsmError::protocol(QCoreApplication::translate("SchsmError", "the answer has no status word"));
    ResponseApdu r;
    r.data = QByteArray(reinterpret_cast<const char *>(bytes), qsizetype(size - 2));
    r.sw = quint16((bytes[size - 2] << 8) | bytes[size - 1]);
    return r;
}
