// SPDX-License-Identifier: GPL-3.0-or-later
#include "widgets/secretlabel.h"

#include <QFontDatabase>
#include <QHideEvent>
#include <QPainter>

#include <openssl/crypto.h>

namespace {
constexpr int kMinLines = 3;
constexpr int kMinColumns = 40;
} // namespace

SecretLabel::SecretLabel(QWidget *parent) : QFrame(parent)
{
    QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    mono.setStyleHint(QFont::Monospace);
    setFont(mono);
    setFrameShape(QFrame::StyledPanel);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
}

SecretLabel::~SecretLabel() { clearSecret(); }

void SecretLabel::setSecret(SecureBytes text)
{
    m_text = std::move(text);
    m_lines = m_text.empty() ? 0 : 1;
    m_longest = 0;
    int column = 0;
    for (CK_ULONG i = 0; i < m_text.size(); ++i) {
        if (m_text.data()[i] == '\n') {
            ++m_lines;
            column = 0;
        } else {
            m_longest = std::max(m_longest, ++column);
        }
    }
    updateGeometry();
    update();
}

void SecretLabel::clearSecret()
{
    m_text.wipe();
    m_lines = 0;
    m_longest = 0;
    update();
}

QSize SecretLabel::sizeHint() const
{
    const QFontMetrics fm(font());
    const int pad = fm.height();
    const int columns = std::max(m_longest, kMinColumns);
    const int lines = std::max(m_lines, kMinLines);
    return {fm.horizontalAdvance(QLatin1Char('0')) * columns + 2 * pad + 2 * frameWidth(),
            fm.lineSpacing() * lines + 2 * pad + 2 * frameWidth()};
}

void SecretLabel::paintEvent(QPaintEvent *e)
{
    QFrame::paintEvent(e);
    if (m_text.empty())
        return;
    QPainter p(this);
    p.setFont(font());
    const QFontMetrics fm(font());
    const int pad = fm.height();
    int y = contentsRect().top() + pad + fm.ascent();
    const auto *bytes = reinterpret_cast<const char *>(m_text.data());
    CK_ULONG start = 0;
    for (CK_ULONG i = 0; i <= m_text.size(); ++i) {
        if (i < m_text.size() && bytes[i] != '\n')
            continue;
        // One fresh buffer per line, held by nobody else once drawn: overwrite it.
        QString line = QString::fromLatin1(bytes + start, qsizetype(i - start));
        p.drawText(contentsRect().left() + pad, y, line);
        if (line.isDetached())
            OPENSSL_cleanse(line.data(), std::size_t(line.size()) * sizeof(QChar));
        y += fm.lineSpacing();
        start = i + 1;
    }
}

void SecretLabel::hideEvent(QHideEvent *e)
{
    // The window closed: the secret leaves the screen and the memory.
    if (!e->spontaneous() && !window()->isVisible())
        clearSecret();
    QFrame::hideEvent(e);
}
