// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/x509error.h"

X509Error::X509Error(Kind kind, const QString &message, const QString &detail)
    // what() is the user sentence alone, so code that only knows std::exception
    // can still show it; OpenSSL's text stays in detail().
    : std::runtime_error(message.toStdString()), m_kind(kind), m_message(message), m_detail(detail)
{
}
