// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QCoreApplication>
#include <QString>

// A token's label or serial number as the lifecycle pages show it and ask for it.
// Blank or odd tokens report NUL bytes, spaces or control characters where these
// should be; printed raw they show as nothing or as garbage ("Type “\0…” to confirm").
// Token identity fields arrive already rendered by P11Text::text ("" for blank, "hex:…"
// for unprintable); this adds "(none)" and says what can be typed.
class DisplayField {
    Q_DECLARE_TR_FUNCTIONS(DisplayField)
public:
    // What is shown: the value; "(none)" when only NULs and blanks are left; or
    // "hex 41 01 …" (its UTF-8 bytes) when it holds unprintable characters.
    static QString text(const QString &value);
    // What a user types for it to confirm: the value without NUL or blank padding;
    // empty when nothing is left or it holds unprintable characters.
    static QString typeable(const QString &value);
};
