// SPDX-License-Identifier: GPL-3.0-or-later
#include "translationloader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

namespace {
// "de_DE.UTF-8@euro" -> "de_DE"; empty, "C" and "POSIX" say nothing about a language.
QString localeName(const QByteArray &value)
{
    const QString name = QString::fromLocal8Bit(value).section(QLatin1Char('.'), 0, 0).section(QLatin1Char('@'), 0, 0);
    if (name.isEmpty() || name == QLatin1String("C") || name == QLatin1String("POSIX"))
        return {};
    return name;
}

// The translators install() added for the user's language (not the English plural forms).
const char *const kLanguageTranslator = "tokendeskLanguage";

bool load(QCoreApplication *app, const QLocale &locale, const QString &name, const QString &dir,
          const char *objectName = nullptr)
{
    auto *translator = new QTranslator(app);
    translator->setObjectName(QLatin1String(objectName));
    if (translator->load(locale, name, QStringLiteral("_"), dir)) {
        QCoreApplication::installTranslator(translator);
        return true;
    }
    delete translator;
    return false;
}
} // namespace

QLocale TranslationLoader::userLocale()
{
    // LANGUAGE is a priority list ("de:en"); the first entry decides. LC_ALL overrides the rest.
    for (const char *var : {"LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"}) {
        const QByteArray value = qgetenv(var);
        const QString first = localeName(value.split(':').value(0));
        if (!first.isEmpty())
            return QLocale(first);
        if (!value.isEmpty() && qstrcmp(var, "LANGUAGE") != 0)
            return QLocale::c(); // LC_ALL=C: the user asked for untranslated text
    }
    return QLocale::system();
}

// The English plural forms ("1 key", "2 keys" for "%n key(s)") come from a translation too.
// Installed as soon as any application object exists (so in every test binary as well), and so
// before install(): a real translation installed later takes precedence.
void installEnglishPlurals()
{
    load(QCoreApplication::instance(), QLocale(QLocale::English), QStringLiteral("tokendesk"), QStringLiteral(":/i18n"));
}
Q_COREAPP_STARTUP_FUNCTION(installEnglishPlurals)

QString TranslationLoader::install(QCoreApplication *app, const QLocale &locale)
{
    if (locale.language() == QLocale::C || locale.language() == QLocale::English)
        return QStringLiteral("en");
    load(app, locale, QStringLiteral("qtbase"), QLibraryInfo::path(QLibraryInfo::TranslationsPath), kLanguageTranslator);
    if (!load(app, locale, QStringLiteral("tokendesk"), QStringLiteral(":/i18n"), kLanguageTranslator))
        return QStringLiteral("en");
    QLocale::setDefault(locale);
    return locale.name().section(QLatin1Char('_'), 0, 0);
}

void TranslationLoader::removeLanguage(QCoreApplication *app)
{
    for (QTranslator *t : app->findChildren<QTranslator *>(QLatin1String(kLanguageTranslator), Qt::FindDirectChildrenOnly)) {
        QCoreApplication::removeTranslator(t);
        delete t;
    }
    QLocale::setDefault(QLocale::system());
}
