// SPDX-License-Identifier: GPL-3.0-or-later
#include "keyusageoracle.h"

#include <QStringList>

#include <algorithm>

namespace KeyUsageOracle {

namespace {
QSet<QString> items(const QString &value)
{
    QSet<QString> out;
    for (const QString &s : value.split(QLatin1Char(','), Qt::SkipEmptyParts))
        out.insert(s.trimmed());
    return out;
}

QString show(const QSet<QString> &set)
{
    QStringList l(set.begin(), set.end());
    l.sort();
    return l.join(QStringLiteral(", "));
}

QSet<QString> onlyIf(std::initializer_list<std::pair<const char *, bool>> entries)
{
    QSet<QString> out;
    for (const auto &[name, on] : entries)
        if (on)
            out.insert(QString::fromLatin1(name));
    return out.isEmpty() ? QSet<QString>{QStringLiteral("none")} : out;
}

const ToolKey *find(const QList<ToolKey> &keys, const QString &label, bool priv)
{
    const ToolKey *found = nullptr;
    for (const ToolKey &k : keys)
        if (k.label == label && (priv ? k.isPrivate() : k.isPublic())) {
            if (found)
                return nullptr; // two objects of one kind with this label: not "the" key
            found = &k;
        }
    return found;
}
} // namespace

QList<ToolKey> parse(const QByteArray &listing)
{
    QList<ToolKey> out;
    bool inKey = false;
    for (const QString &line : QString::fromUtf8(listing).split(QLatin1Char('\n'))) {
        if (line.isEmpty())
            continue;
        if (!line.front().isSpace()) {
            inKey = line.startsWith(QLatin1String("Private Key Object")) || line.startsWith(QLatin1String("Public Key Object"));
            if (inKey)
                out.append(ToolKey{line.trimmed(), {}, {}, {}});
            continue;
        }
        if (!inKey)
            continue;
        const QString t = line.trimmed();
        const qsizetype colon = t.indexOf(QLatin1Char(':'));
        if (colon < 0)
            continue;
        const QString key = t.left(colon);
        const QString value = t.mid(colon + 1).trimmed();
        if (key == QLatin1String("label"))
            out.last().label = value.size() >= 2 && value.startsWith(QLatin1Char('\'')) && value.endsWith(QLatin1Char('\''))
                ? value.mid(1, value.size() - 2)
                : value;
        else if (key == QLatin1String("Usage"))
            out.last().usage = items(value);
        else if (key == QLatin1String("Access"))
            out.last().access = items(value);
    }
    return out;
}

QString compare(const KeyGenSpec &spec, const QString &label, const QList<ToolKey> &loggedIn,
                const QList<ToolKey> &anonymous)
{
    QStringList problems;
    const ToolKey *priv = find(loggedIn, label, true);
    const ToolKey *pub = find(loggedIn, label, false);
    if (!priv || !pub)
        return QStringLiteral("%1: pkcs11-tool does not list exactly one private and one public key").arg(label);
    const QSet<QString> privUsage = onlyIf({{"sign", spec.sign}, {"decrypt", spec.decrypt}, {"unwrap", spec.unwrap},
                                            {"derive", spec.derive}});
    const QSet<QString> pubUsage = onlyIf({{"verify", spec.sign}, {"encrypt", spec.decrypt}, {"wrap", spec.unwrap}});
    // Generated on the token: "local"; sensitive from the start: "always sensitive".
    const QSet<QString> privAccess = onlyIf({{"always authenticate", spec.alwaysAuthenticate},
                                             {"sensitive", spec.sensitive},
                                             {"always sensitive", spec.sensitive},
                                             {"extractable", spec.extractable},
                                             {"never extractable", !spec.extractable},
                                             {"local", true}});
    const QSet<QString> pubAccess{QStringLiteral("local")};
    auto expect = [&](const char *what, const QSet<QString> &got, const QSet<QString> &want) {
        if (got != want)
            problems << QStringLiteral("%1 %2: pkcs11-tool says [%3], the wizard showed [%4]")
                            .arg(label, QLatin1String(what), show(got), show(want));
    };
    expect("private key usage", priv->usage, privUsage);
    expect("public key usage", pub->usage, pubUsage);
    expect("private key access", priv->access, privAccess);
    expect("public key access", pub->access, pubAccess);
    // CKA_PRIVATE: a private object is not listed before login.
    const bool privListedAnonymously = std::any_of(anonymous.begin(), anonymous.end(), [&](const ToolKey &k) {
        return k.label == label && k.isPrivate();
    });
    if (privListedAnonymously == spec.privateObject)
        problems << QStringLiteral("%1: the private key is %2 without login, but “private object” was %3")
                        .arg(label, privListedAnonymously ? QStringLiteral("listed") : QStringLiteral("hidden"),
                             spec.privateObject ? QStringLiteral("ticked") : QStringLiteral("unticked"));
    const bool pubListedAnonymously = std::any_of(anonymous.begin(), anonymous.end(), [&](const ToolKey &k) {
        return k.label == label && k.isPublic();
    });
    if (!pubListedAnonymously)
        problems << QStringLiteral("%1: the public key is hidden without login").arg(label);
    return problems.join(QLatin1Char('\n'));
}

QList<KeyGenSpec> allChoices(const KeyAlgorithm &algorithm)
{
    std::vector<bool KeyGenSpec::*> usages{&KeyGenSpec::sign};
    if (algorithm.family == KeyAlgorithm::Family::Rsa)
        usages.insert(usages.end(), {&KeyGenSpec::decrypt, &KeyGenSpec::unwrap});
    if (algorithm.family == KeyAlgorithm::Family::Ec)
        usages.push_back(&KeyGenSpec::derive);
    QList<KeyGenSpec> out;
    for (unsigned u = 0; u < (1u << usages.size()); ++u)
        for (unsigned f = 0; f < 16; ++f) {
            KeyGenSpec s = KeyGenSpec::defaultsFor(algorithm);
            s.acceptLegacy = true;
            s.sign = s.decrypt = s.unwrap = s.derive = false;
            for (std::size_t i = 0; i < usages.size(); ++i)
                s.*usages[i] = (u >> i) & 1;
            s.privateObject = f & 1;
            s.sensitive = f & 2;
            s.extractable = f & 4;
            s.alwaysAuthenticate = f & 8;
            out << s;
        }
    return out;
}

QString describe(const KeyGenSpec &spec)
{
    QStringList usage;
    for (const auto &[name, on] : {std::pair{"sign", spec.sign}, std::pair{"decrypt", spec.decrypt},
                                   std::pair{"unwrap", spec.unwrap}, std::pair{"derive", spec.derive}})
        if (on)
            usage << QString::fromLatin1(name);
    QStringList parts{usage.isEmpty() ? QStringLiteral("no-usage") : usage.join(QLatin1Char('+'))};
    for (const auto &[name, on] : {std::pair{"private", spec.privateObject}, std::pair{"sensitive", spec.sensitive},
                                   std::pair{"extractable", spec.extractable},
                                   std::pair{"always-auth", spec.alwaysAuthenticate}})
        if (on)
            parts << QString::fromLatin1(name);
    return parts.join(QLatin1Char(' '));
}

} // namespace KeyUsageOracle
