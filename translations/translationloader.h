// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QLocale>

class QCoreApplication;

// English plural forms are installed by themselves whenever an application object is created
// (linking this library is enough; tests get them too). install() adds TokenDesk's own
// translation (built into the binary) and Qt's (qtbase_*.qm from Qt's translations directory,
// when the distribution ships it) for the user's language. Call it once, right after the
// application object exists and before any text is produced.
namespace TranslationLoader {
// The language the user asked for: LANGUAGE, then LC_ALL, LC_MESSAGES and LANG, as gettext
// reads them. QLocale::system() alone falls back to "C" when the named locale was never
// generated on the machine, yet the user's choice is still in the environment.
QLocale userLocale();
// Returns the language TokenDesk's own strings are shown in ("de", or "en" when no
// translation matched).
QString install(QCoreApplication *app, const QLocale &locale = userLocale());
// Back to English (with its plural forms) for output that programs read: --list --json and csv
// carry the same words in every language.
void removeLanguage(QCoreApplication *app);
} // namespace TranslationLoader
