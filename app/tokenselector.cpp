// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenselector.h"

#include <QCoreApplication>

#include <p11-kit/uri.h>

std::optional<TokenSelector> TokenSelector::parse(const QString &text, QString *error)
{
    TokenSelector s;
    s.m_text = text;
    if (!text.startsWith(QLatin1String("pkcs11:")))
        return s;
    s.m_uri.reset(p11_kit_uri_new(), p11_kit_uri_free);
    if (p11_kit_uri_parse(text.toUtf8().constData(), P11_KIT_URI_FOR_TOKEN, s.m_uri.get()) != P11_KIT_URI_OK) {
        *error = QCoreApplication::translate("main", "--token %1 is not a PKCS#11 URI (RFC 7512).").arg(text);
        return std::nullopt;
    }
    return s;
}

bool TokenSelector::matches(const TokenSnapshot &token) const
{
    if (m_uri) {
        CK_TOKEN_INFO info = token.info; // p11-kit's signature is not const
        return p11_kit_uri_match_token_info(m_uri.get(), &info) == 1;
    }
    return token.id.serial == m_text || token.label == m_text;
}
