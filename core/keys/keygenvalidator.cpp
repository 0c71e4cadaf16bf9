// SPDX-License-Identifier: GPL-3.0-or-later
#include "keys/keygenvalidator.h"

#include "keys/hexid.h"

#include <QCoreApplication>

#include <algorithm>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(KeyGenValidator) };
} // namespace

QString KeyGenValidator::checkAlgorithm(const KeyGenSpec &spec, const std::vector<KeyAlgorithm> &offered)
{
    if (std::find(offered.begin(), offered.end(), spec.algorithm) == offered.end())
        return Tr::tr("This token cannot generate %1 keys.").arg(spec.algorithm.displayName());
    if (spec.algorithm.legacy && !spec.acceptLegacy)
        return Tr::tr("%1 keys are too weak for new use. Confirm the legacy warning to create one anyway.")
            .arg(spec.algorithm.displayName());
    return {};
}

QString KeyGenValidator::checkLabel(const KeyGenSpec &spec)
{
    const QString label = spec.label.trimmed();
    if (label.isEmpty())
        return Tr::tr("Give the key a label: Java shows it as the alias, and you will look for it by name.");
    if (label != spec.label)
        return Tr::tr("The label starts or ends with a space; remove it, some programs trim it and then cannot find the key.");
    if (label.toUtf8().size() > kMaxLabelBytes)
        return Tr::tr("The label is too long (at most %1 bytes).").arg(kMaxLabelBytes);
    return {};
}

QString KeyGenValidator::checkId(const KeyGenSpec &spec, const std::vector<QByteArray> &existingIds)
{
    if (spec.idHex.trimmed().isEmpty())
        return {}; // derived from the public key after generation
    const std::optional<QByteArray> id = HexId::parse(spec.idHex);
    if (!id)
        return Tr::tr("The ID must be hexadecimal digits, two per byte (for example 01 or 4a7f).");
    if (id->isEmpty())
        return Tr::tr("The ID must be at least one byte.");
    if (id->size() > kMaxIdBytes)
        return Tr::tr("The ID is too long (at most %1 bytes).").arg(kMaxIdBytes);
    if (std::find(existingIds.begin(), existingIds.end(), *id) != existingIds.end())
        return Tr::tr("The ID %1 is already used by another object on this token. Programs pair keys and certificates "
                  "by ID, so choose another one, or leave it empty to derive it from the new key.")
            .arg(HexId::format(*id));
    return {};
}

QString KeyGenValidator::checkAttributes(const KeyGenSpec &spec)
{
    if (!spec.sign && !spec.decrypt && !spec.unwrap && !spec.derive)
        return Tr::tr("The key would be allowed to do nothing. Allow at least one usage.");
    const bool rsa = spec.algorithm.family == KeyAlgorithm::Family::Rsa;
    if (!rsa && (spec.decrypt || spec.unwrap))
        return Tr::tr("%1 keys cannot decrypt or unwrap; only RSA keys can.").arg(spec.algorithm.displayName());
    if (spec.algorithm.family != KeyAlgorithm::Family::Ec && spec.derive)
        return Tr::tr("Only EC keys can derive (key agreement).");
    // SoftHSM answers CKR_TEMPLATE_INCONSISTENT, and a PIN for every use of a key anyone
    // can use without login means nothing.
    if (spec.alwaysAuthenticate && !spec.privateObject)
        return Tr::tr("A key that asks for the PIN for every use must be a private object (hidden until login).");
    if (spec.extractable && spec.sensitive)
        return {}; // wrappable under another key, but never readable in clear: allowed
    if (spec.extractable && !spec.sensitive)
        return Tr::tr("A key that is extractable and not sensitive can be read off the token in clear. "
                  "Keep it sensitive.");
    return {};
}

QString KeyGenValidator::check(const KeyGenSpec &spec, const std::vector<KeyAlgorithm> &offered,
                               const std::vector<QByteArray> &existingIds)
{
    for (const QString &m : {checkAlgorithm(spec, offered), checkLabel(spec), checkId(spec, existingIds),
                             checkAttributes(spec)})
        if (!m.isEmpty())
            return m;
    return {};
}
