// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "attributes/attributedump.h"

#include <QString>

// An attribute's value in words, for the attribute view and its "copy all".
namespace AttributeText {
// "CKA_LABEL"
QString name(const AttributeValue &a);
// The C type: "CK_BBOOL", "CK_ULONG", "UTF-8 string", "DER name", "byte array"…
QString type(const AttributeValue &a);
// The value decoded where its type is known ("true", "CKO_PRIVATE_KEY", "2048",
// "2027-01-31", "CN=Alice,O=Example", "P-256 (prime256v1)"), "(sensitive)" for a hidden
// value; empty when there is nothing better than the hex. Never throws: a value that does
// not decode (a module's bad bytes) gives "" and is shown in hex.
QString decoded(const AttributeValue &a);
// The raw value in hex, lower case, bytes separated by spaces; empty for no value.
QString hex(const AttributeValue &a);
// decoded() if any, otherwise hex(), otherwise "(empty)".
QString display(const AttributeValue &a);
// "CKA_LABEL (UTF-8 string): Web server" lines, one per attribute, for the clipboard.
QString all(const std::vector<AttributeValue> &attributes);
} // namespace AttributeText
