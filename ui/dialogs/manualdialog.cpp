// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/manualdialog.h"

#include "dialogs/dialogfit.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImageReader>
#include <QListWidget>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSplitter>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextCursor>
#include <QTextDocumentFragment>
#include <QVBoxLayout>

#include <algorithm>
#include <vector>

namespace {
// A README larger than this is not ours.
constexpr qint64 kMaxReadme = 2 * 1024 * 1024;
// Screenshots are shown at most this wide (they are taken at 1366 px): the text stays readable beside them.
constexpr int kMaxImageWidth = 640;

QStringList candidates()
{
    return {QStringLiteral(TOKENDESK_DOC_DIR "/README.md"),
            QCoreApplication::applicationDirPath() + QStringLiteral("/../share/doc/tokendesk/README.md"),
            QStringLiteral(TOKENDESK_SOURCE_DIR "/README.md")};
}

// Images the README names that are not there (a package without the screenshots) become
// their description in italics, so the manual never shows a broken image.
QString withoutMissingImages(const QString &markdown, const QDir &base)
{
    static const QRegularExpression image(QStringLiteral("!\\[([^\\]]*)\\]\\(([^)\\s]+)\\)"));
    QString out;
    qsizetype last = 0;
    for (auto it = image.globalMatch(markdown); it.hasNext();) {
        const auto m = it.next();
        out += markdown.mid(last, m.capturedStart() - last);
        const QString path = m.captured(2);
        const bool remote = path.contains(QLatin1String("://"));
        out += remote || QFileInfo::exists(base.filePath(path)) ? m.captured(0)
                                                                 : QStringLiteral("*%1*").arg(m.captured(1));
        last = m.capturedEnd();
    }
    return out + markdown.mid(last);
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
    split->setChildrenCollapsible(false);
    m_sections->setAccessibleName(tr("Sections"));
    m_sections->setTextElideMode(Qt::ElideNone);
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
        const QDir base = QFileInfo(path).absoluteDir();
        // Relative image paths (resources/screenshots/…) are found next to the README.
        m_text->setSearchPaths({base.absolutePath()});
        const QString markdown = withoutMissingImages(QString::fromUtf8(f.read(kMaxReadme)), base);
        m_text->setMarkdown(markdown);
        fitImages(base);
        listSections(markdown);
    }
    connect(m_sections, &QListWidget::currentRowChanged, this, [this](int row) { showSectionAt(row); });
    DialogFit::initial(this, 1000);
    resize(width(), DialogFit::availableHeight(this) * 4 / 5);
    // The contents list as wide as its longest entry (within reason), the text takes the rest.
    const int listWidth = std::min(m_sections->sizeHintForColumn(0) + 2 * m_sections->frameWidth()
                                       + m_sections->verticalScrollBar()->sizeHint().width() + 8,
                                   width() / 2);
    m_sections->setMinimumWidth(listWidth);
    split->setSizes({listWidth, std::max(width() - listWidth, 100)});
    // Opens at the top of the manual, its title selected.
    if (m_sections->count() > 0) {
        const QSignalBlocker quiet(m_sections);
        m_sections->setCurrentRow(0);
    }
    m_text->moveCursor(QTextCursor::Start);
    m_text->verticalScrollBar()->setValue(0);
}

void ManualDialog::fitImages(const QDir &base)
{
    // Collected first: changing a fragment's format while walking the fragments may merge them.
    struct Scaled {
        int position;
        int length;
        QTextImageFormat format;
    };
    std::vector<Scaled> scaled;
    for (QTextBlock b = m_text->document()->begin(); b.isValid(); b = b.next()) {
        for (auto it = b.begin(); !it.atEnd(); ++it) {
            const QTextFragment frag = it.fragment();
            if (!frag.isValid() || !frag.charFormat().isImageFormat())
                continue;
            QTextImageFormat image = frag.charFormat().toImageFormat();
            const QSize size = QImageReader(base.filePath(image.name())).size();
            if (!size.isValid() || size.width() <= kMaxImageWidth)
                continue;
            image.setWidth(kMaxImageWidth);
            image.setHeight(double(size.height()) * kMaxImageWidth / size.width());
            scaled.push_back({frag.position(), frag.length(), image});
        }
    }
    for (const Scaled &s : scaled) {
        QTextCursor c(m_text->document());
        c.setPosition(s.position);
        c.setPosition(s.position + s.length, QTextCursor::KeepAnchor);
        c.setCharFormat(s.format);
    }
}

void ManualDialog::listSections(const QString &markdown)
{
    // The README's headings in order (not those inside code blocks), each found in the
    // rendered text after the one before: Qt's Markdown reader does not make every
    // heading a heading block (one right after a list, for instance).
    static const QRegularExpression heading(QStringLiteral("^(#{1,4}) (.+)$"));
    bool inCode = false;
    int from = 0;
    for (const QString &line : markdown.split(QLatin1Char('\n'))) {
        if (line.startsWith(QLatin1String("```"))) {
            inCode = !inCode;
            continue;
        }
        const auto m = inCode ? QRegularExpressionMatch() : heading.match(line);
        if (!m.hasMatch())
            continue;
        const QString text = m.captured(2).trimmed();
        // The heading is a block of its own: "For developers" must not stop at a paragraph
        // that starts with those words.
        QTextCursor found = m_text->document()->find(text, from);
        while (!found.isNull() && found.block().text().trimmed() != text)
            found = m_text->document()->find(text, found.selectionEnd());
        const int at = found.isNull() ? from : found.selectionStart();
        from = at;
        const QString indent(std::max(0, int(m.captured(1).size()) - 2) * 4, QLatin1Char(' '));
        auto *item = new QListWidgetItem(indent + text, m_sections);
        item->setData(Qt::UserRole, at);
        item->setToolTip(text);
    }
}

void ManualDialog::showSectionAt(int row)
{
    const QListWidgetItem *item = m_sections->item(row);
    if (!item)
        return;
    const QTextBlock b = m_text->document()->findBlock(item->data(Qt::UserRole).toInt());
    if (row == 0 || b.position() == 0) {
        m_text->moveCursor(QTextCursor::Start);
        m_text->verticalScrollBar()->setValue(0);
        return;
    }
    QTextCursor c(m_text->document());
    c.setPosition(item->data(Qt::UserRole).toInt());
    // Put the heading at the top: scroll to the end first, then back to it.
    m_text->moveCursor(QTextCursor::End);
    m_text->setTextCursor(c);
    m_text->ensureCursorVisible();
}

bool ManualDialog::showSection(const QString &heading)
{
    for (int row = 0; row < m_sections->count(); ++row)
        if (m_sections->item(row)->text().trimmed() == heading) {
            showSectionAt(row);
            return true;
        }
    return false;
}
