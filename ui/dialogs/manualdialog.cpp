// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/manualdialog.h"

#include "dialogs/dialogfit.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QListWidget>
#include <QRegularExpression>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QVBoxLayout>

namespace {
// A README larger than this is not ours.
constexpr qint64 kMaxReadme = 2 * 1024 * 1024;

QStringList candidates()
{
    return {QStringLiteral(TOKENDESK_DOC_DIR "/README.md"),
            QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/tokendesk/README.md"),
            QStringLiteral(TOKENDESK_SOURCE_DIR "/README.md")};
}
} // namespace

QString ManualDialog::readmePath()
{
    for (const QString &c : candidates())
        if (QFile::exists(c))
            return QDir::cleanPath(c);
    return {};
}

ManualDialog::ManualDialog(QWidget *parent)
    : QDialog(parent), m_sections(new QListWidget(this)), m_text(new QTextBrowser(this))
{
    setWindowTitle(tr("TokenDesk manual"));
    auto *v = new QVBoxLayout(this);
    auto *split = new QSplitter(this);
    split->addWidget(m_sections);
    split->addWidget(m_text);
    split->setStretchFactor(1, 1);
    m_sections->setAccessibleName(tr("Sections"));
    m_text->setOpenExternalLinks(true);
    v->addWidget(split, 1);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    v->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    const QString path = readmePath();
    QFile f(path);
    if (path.isEmpty() || !f.open(QIODevice::ReadOnly)) {
        m_text->setPlainText(tr("The manual (README.md) was not found. TokenDesk looked in:\n%1")
                                 .arg(candidates().join(QLatin1Char('\n'))));
    } else {
        const QString markdown = QString::fromUtf8(f.read(kMaxReadme));
        m_text->setMarkdown(markdown);
        // The sections are the README's ## and ### headings, in order.
        static const QRegularExpression heading(QStringLiteral("^(#{2,3}) (.+)$"), QRegularExpression::MultilineOption);
        for (auto it = heading.globalMatch(markdown); it.hasNext();) {
            const auto m = it.next();
            auto *item = new QListWidgetItem(m.captured(2).trimmed(), m_sections);
            if (m.captured(1).size() == 3)
                item->setText(QStringLiteral("    ") + item->text());
        }
    }
    connect(m_sections, &QListWidget::currentTextChanged, this,
            [this](const QString &text) { showSection(text.trimmed()); });
    DialogFit::initial(this, 1000);
    resize(width(), DialogFit::availableHeight(this) * 4 / 5);
}

bool ManualDialog::showSection(const QString &heading)
{
    // Markdown headings become blocks with a heading level; find the one with this text.
    for (QTextBlock b = m_text->document()->begin(); b.isValid(); b = b.next()) {
        if (b.blockFormat().headingLevel() > 0 && b.text().trimmed() == heading) {
            QTextCursor c(b);
            m_text->setTextCursor(c);
            // Put the heading at the top: scroll to the end first, then back to it.
            m_text->moveCursor(QTextCursor::End);
            m_text->setTextCursor(c);
            m_text->ensureCursorVisible();
            return true;
        }
    }
    return false;
}
