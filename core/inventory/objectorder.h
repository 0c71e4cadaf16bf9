// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <vector>

// The one order of a token's objects, shared by the tree and --list: class
// (private key, public key, certificate, secret key, data, others), then the
// label (case-insensitively, then exactly), then CKA_ID bytes, then the URI.
// Unknown labels and IDs sort before known ones. Independent of the order the
// module returned them and of the locale, so the same token always lists the same.
namespace ObjectOrder {
int classRank(CK_OBJECT_CLASS cls);
bool less(const ObjectInfo &a, const ObjectInfo &b);
void sort(std::vector<ObjectInfo> &objects);
} // namespace ObjectOrder
