// SPDX-License-Identifier: GPL-3.0-or-later
#include "inventory/objectorder.h"

#include <algorithm>
#include <tuple>

namespace ObjectOrder {

int classRank(CK_OBJECT_CLASS cls)
{
    switch (cls) {
    case CKO_PRIVATE_KEY: return 0;
    case CKO_PUBLIC_KEY: return 1;
    case CKO_CERTIFICATE: return 2;
    case CKO_SECRET_KEY: return 3;
    case CKO_DATA: return 4;
    default: return 5;
    }
}

namespace {
// Orders unknown before known, then by value.
int compareKnown(bool aKnown, bool bKnown)
{
    if (aKnown == bKnown)
        return 0;
    return aKnown ? 1 : -1;
}

int compareBytes(const QByteArray &a, const QByteArray &b)
{
    return std::lexicographical_compare(a.begin(), a.end(), b.begin(), b.end(),
                                        [](char x, char y) { return quint8(x) < quint8(y); })
        ? -1
        : (a == b ? 0 : 1);
}

int compareLabels(const ObjectInfo &a, const ObjectInfo &b)
{
    if (const int k = compareKnown(a.labelKnown(), b.labelKnown()))
        return k;
    const QString la = a.labelText();
    const QString lb = b.labelText();
    if (const int c = la.compare(lb, Qt::CaseInsensitive))
        return c;
    return compareBytes(a.label, b.label);
}
} // namespace

bool less(const ObjectInfo &a, const ObjectInfo &b)
{
    if (const int ra = classRank(a.cls), rb = classRank(b.cls); ra != rb)
        return ra < rb;
    if (a.cls != b.cls)
        return a.cls < b.cls;
    if (const int c = compareLabels(a, b))
        return c < 0;
    if (const int k = compareKnown(a.idKnown(), b.idKnown()))
        return k < 0;
    if (const int c = compareBytes(a.id, b.id))
        return c < 0;
    return a.uri < b.uri;
}

void sort(std::vector<ObjectInfo> &objects)
{
    std::stable_sort(objects.begin(), objects.end(), less);
}

} // namespace ObjectOrder
