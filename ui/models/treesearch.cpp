// SPDX-License-Identifier: GPL-3.0-or-later
#include "models/treesearch.h"

#include "inventory/objectfacts.h"
#include "inventory/p11text.h"

#include <QStringList>

namespace {
QString withoutColons(QString s) { return s.remove(QLatin1Char(':')); }
} // namespace

QString TreeSearch::objectText(const ObjectInfo &o, const CertificateInfo *cert)
{
    QStringList f;
    // The label as shown (escaped) and as stored, so both what is seen and what was typed elsewhere match.
    f << P11Text::escaped(o.labelText()) << o.labelText();
    const QString id = ObjectFacts::idHex(o.id);
    f << id;
    f << o.uri;
    if (cert) {
        f << cert->subject << cert->subjectOneLine << cert->issuer << cert->issuerOneLine;
        f << cert->serialHex << cert->serial;
        f << cert->sha1Fingerprint << withoutColons(cert->sha1Fingerprint);
        f << cert->sha256Fingerprint << withoutColons(cert->sha256Fingerprint);
    }
    return f.join(QLatin1Char('\n')).toLower();
}

QString TreeSearch::tokenText(const TokenSnapshot &t)
{
    return QStringList{t.label, t.id.serial, t.id.model, t.uri}.join(QLatin1Char('\n')).toLower();
}

QString TreeSearch::needle(const QString &typed) { return typed.trimmed().toLower(); }

bool TreeSearch::matches(const QString &text, const QString &needle)
{
    return needle.isEmpty() || text.contains(needle);
}
