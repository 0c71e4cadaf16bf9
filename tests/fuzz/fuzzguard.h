// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QByteArray>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <exception>

namespace fuzz {
// Runs one parser call on hostile input: a result or one of our exceptions (all derive
// from std::exception) is fine; anything else (a crash, a sanitizer report) is the finding.
template <typename F> void guarded(F f)
{
    try {
        f();
    } catch (const std::exception &) {
    }
}

// Splits an input into length-prefixed fields (one length byte each) for targets that take
// several attribute values: the next field, shortened to what is left; empty at the end.
inline QByteArray takeField(const uint8_t *&p, std::size_t &n)
{
    if (!n)
        return {};
    const std::size_t len = std::min<std::size_t>(*p, n - 1);
    QByteArray out(reinterpret_cast<const char *>(p + 1), qsizetype(len));
    p += len + 1;
    n -= len + 1;
    return out;
}
} // namespace fuzz
