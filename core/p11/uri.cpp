// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/uri.h"

#include "p11/p11kituri_p.h"

#include <cstdlib>
#include <cstring>
#include <memory>

namespace {
using UriPtr = P11KitUriPtr;

UriPtr tokenUri(const CK_TOKEN_INFO &token)
{
    UriPtr uri(p11_kit_uri_new());
    CK_TOKEN_INFO *ti = p11_kit_uri_get_token_info(uri.get());
    std::memcpy(ti->label, token.label, sizeof ti->label);
    std::memcpy(ti->manufacturerID, token.manufacturerID, sizeof ti->manufacturerID);
    std::memcpy(ti->model, token.model, sizeof ti->model);
    std::memcpy(ti->serialNumber, token.serialNumber, sizeof ti->serialNumber);
    return uri;
}

QString format(P11KitUri *uri, P11KitUriType type)
{
    char *s = nullptr;
    if (p11_kit_uri_format(uri, type, &s) != P11_KIT_URI_OK || !s)
        return {};
    QString r = QString::fromUtf8(s);
    std::free(s);
    return r;
}

} // namespace

QString Pkcs11Uri::forToken(const CK_TOKEN_INFO &token)
{
    return format(tokenUri(token).get(), P11_KIT_URI_FOR_TOKEN);
}

QString Pkcs11Uri::forObject(const CK_TOKEN_INFO &token, CK_OBJECT_CLASS cls, const QByteArray &id,
                             const QByteArray &label)
{
    UriPtr uri = tokenUri(token);
    if (!id.isEmpty()) {
        CK_ATTRIBUTE a{CKA_ID, const_cast<char *>(id.constData()), CK_ULONG(id.size())};
        p11_kit_uri_set_attribute(uri.get(), &a);
    }
    if (!label.isEmpty()) {
        CK_ATTRIBUTE a{CKA_LABEL, const_cast<char *>(label.constData()), CK_ULONG(label.size())};
        p11_kit_uri_set_attribute(uri.get(), &a);
    }
    CK_ATTRIBUTE c{CKA_CLASS, &cls, sizeof cls};
    p11_kit_uri_set_attribute(uri.get(), &c);
    return format(uri.get(), P11_KIT_URI_FOR_OBJECT_ON_TOKEN);
}
