// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/ckrname.h"

namespace {
template <typename T>
struct NameEntry {
    T value;
    const char *name;
};
#include "p11/ckrname_tables.inc"

template <typename T, std::size_t N>
const char *lookup(const NameEntry<T> (&table)[N], T value)
{
    for (const auto &e : table)
        if (e.value == value)
            return e.name;
    return nullptr;
}

QString named(const char *name, const char *prefix, unsigned long value)
{
    if (name)
        return QString::fromLatin1(name);
    return QStringLiteral("%1_0x%2").arg(QLatin1String(prefix)).arg(value, 8, 16, QLatin1Char('0'));
}
} // namespace

const char *ckrName(CK_RV rv)
{
    if (const char *n = lookup(kCkr, rv))
        return n;
    return rv >= CKR_VENDOR_DEFINED ? "CKR_VENDOR_DEFINED" : "CKR_UNKNOWN";
}

QString ckmName(CK_MECHANISM_TYPE m) { return named(lookup(kCkm, m), "CKM", m); }
QString ckoName(CK_OBJECT_CLASS c) { return named(lookup(kCko, c), "CKO", c); }
QString ckkName(CK_KEY_TYPE k) { return named(lookup(kCkk, k), "CKK", k); }
