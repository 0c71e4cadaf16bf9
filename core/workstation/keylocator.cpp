// SPDX-License-Identifier: GPL-3.0-or-later
#include "workstation/keylocator.h"

#include "inventory/report.h"
#include "p11/p11kituri_p.h"

#include <QCoreApplication>

#include <memory>

namespace {
using UriPtr = P11KitUriPtr;

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(KeyLocator)
};

QByteArray attribute(P11KitUri *uri, CK_ATTRIBUTE_TYPE type, bool *present)
{
    CK_ATTRIBUTE_PTR a = p11_kit_uri_get_attribute(uri, type);
    *present = a && a->pValue;
    return *present ? QByteArray(static_cast<const char *>(a->pValue), qsizetype(a->ulValueLen)) : QByteArray();
}
} // namespace

namespace KeyLocator {

std::optional<KeyFacts> inContents(const QString &modulePath, CK_SLOT_ID slot, const CK_TOKEN_INFO &info,
                                   const TokenContents &contents, const QByteArray &id,
                                   const std::optional<QByteArray> &label)
{
    std::optional<KeyFacts> facts;
    for (const ObjectInfo &o : contents.objects) {
        const bool keyOrCert = o.cls == CKO_PRIVATE_KEY || o.cls == CKO_PUBLIC_KEY || o.cls == CKO_CERTIFICATE;
        if (!keyOrCert || o.id != id || (label && o.label != *label))
            continue;
        if (!facts || o.cls == CKO_PRIVATE_KEY)
            facts = KeyFacts::fromToken(modulePath, slot, info, id, o.label);
    }
    return facts;
}

LocatedKey locate(const InventoryReport &report, const QString &uriText)
{
    LocatedKey result;
    UriPtr uri(p11_kit_uri_new());
    if (p11_kit_uri_parse(uriText.toUtf8().constData(), P11_KIT_URI_FOR_ANY, uri.get()) != P11_KIT_URI_OK) {
        result.error = Tr::tr("This is not a PKCS#11 URI (RFC 7512).");
        return result;
    }
    bool hasId = false, hasLabel = false;
    const QByteArray id = attribute(uri.get(), CKA_ID, &hasId);
    const QByteArray label = attribute(uri.get(), CKA_LABEL, &hasLabel);
    if (!hasId || id.isEmpty()) {
        result.error = Tr::tr("The URI has no id=; add the key's id so the right key is used.");
        return result;
    }
    int matches = 0;
    for (const ModuleSnapshot &m : report.modules) {
        for (const SlotSnapshot &s : m.slots) {
            if (!s.token || !(s.token->info.flags & CKF_TOKEN_INITIALIZED))
                continue;
            CK_TOKEN_INFO info = s.token->info;
            if (p11_kit_uri_match_token_info(uri.get(), &info) != 1)
                continue;
            ++matches;
            const auto contents = report.contents.find(m.path + QLatin1Char('|') + s.token->id.key()); // as report.cpp keys it
            if (contents == report.contents.end())
                continue;
            if (auto facts = inContents(m.path, s.id, info, contents->second, id,
                                        hasLabel ? std::optional<QByteArray>(label) : std::nullopt))
                result.facts = std::move(facts);
        }
    }
    if (matches > 1) {
        result.facts.reset();
        result.error = Tr::tr("Several tokens match this URI; add the token's serial= to it.");
    } else if (matches == 0) {
        result.error = Tr::tr("No token matches this URI.");
    } else if (!result.facts) {
        result.error = Tr::tr("The token has no key or certificate with this id.");
    }
    return result;
}

} // namespace KeyLocator
