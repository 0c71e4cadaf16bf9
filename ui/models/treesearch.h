// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"
#include "x509/certificateinfo.h"

#include <QString>

// What the filter box above the tree matches: label, subject, issuer, serial,
// CKA_ID, fingerprints and URI. The text is built once per object when the
// model receives it, so typing in the filter never decodes a certificate.
namespace TreeSearch {
// Lower-case, one field per line; hex fields both with and without colons.
QString objectText(const ObjectInfo &o, const CertificateInfo *cert);
// Label, serial and URI of a token row.
QString tokenText(const TokenSnapshot &t);
// The needle as matched: trimmed and lower-case (empty: no filter).
QString needle(const QString &typed);
bool matches(const QString &text, const QString &needle);
} // namespace TreeSearch
