// SPDX-License-Identifier: GPL-3.0-or-later
#include "x509/x509error.h"

X509Error::X509Error(Kind kind, const QString &message, const QString &detail)
    : std::runtime_error(detail.isEmpty() ? message.toStdString()
                                          : (message + QStringLiteral(" (") + detail + QLatin1Char(')')).toStdString()),
      m_kind(kind), m_message(message), m_detail(detail)
{
}
