// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekpaperbackup.h"

#include "dkek/dkeksharefile.h"
#include "dkek/keycheckvalue.h"
#include "dkek/sharefilewriter.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QFontDatabase>
#include <QLocale>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QPrintDialog>
#include <QPrinter>

#include <openssl/crypto.h>

#include <algorithm>

namespace {

struct Tr {
    Q_DECLARE_TR_FUNCTIONS(DkekPaperBackup)
};

// A top-to-bottom writer on one page of a paged device, in device pixels.
class Sheet {
public:
    Sheet(QPainter &painter, const QRect &area) : m_p(painter), m_area(area), m_y(area.top()) {}

    void heading(const QString &text, qreal pointSize = 16)
    {
        QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
        f.setPointSizeF(pointSize);
        f.setBold(true);
        paragraph(text, f);
        gap(0.4);
    }
    void text(const QString &text, qreal pointSize = 10, bool bold = false)
    {
        QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
        f.setPointSizeF(pointSize);
        f.setBold(bold);
        paragraph(text, f);
    }
    // Monospaced lines, never past the printable area: the font shrinks until the longest
    // line fits. (The longest line on any sheet is a 64-character base64 line with its
    // number; the sizes asked for are what a reader would like, not what fits.)
    void mono(const QString &text, qreal pointSize = 11, bool bold = false)
    {
        QFont f = QFontDatabase::systemFont(QFontDatabase::FixedFont);
        f.setStyleHint(QFont::Monospace);
        f.setFixedPitch(true);
        f.setBold(bold);
        f.setPointSizeF(pointSize);
        qsizetype longest = 0;
        for (QStringView line : QStringView(text).split(QLatin1Char('\n')))
            longest = std::max(longest, line.size());
        const qreal width = m_area.width() * kUsableWidth;
        const qreal advance = QFontMetricsF(f, m_p.device()).horizontalAdvance(QLatin1Char('0'));
        if (longest > 0 && advance * qreal(longest) > width)
            f.setPointSizeF(pointSize * width / (advance * qreal(longest)));
        paragraph(text, f, false);
    }
    // A labelled box to sign in.
    void signatureBox(const QString &label)
    {
        const int h = lineHeight() * 4;
        const QRect box(m_area.left(), m_y, m_area.width(), h);
        m_p.save();
        m_p.setPen(QPen(Qt::black, 0));
        m_p.drawRect(box);
        QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
        f.setPointSizeF(8);
        m_p.setFont(f);
        const int pad = lineHeight() / 3;
        m_p.drawText(box.adjusted(pad, pad, -pad, -pad), Qt::AlignLeft | Qt::AlignTop, label);
        m_p.restore();
        m_y += h + lineHeight() / 2;
    }
    void gap(qreal lines = 1) { m_y += int(lineHeight() * lines); }
    void rule()
    {
        m_p.save();
        m_p.setPen(QPen(Qt::gray, 0));
        m_p.drawLine(m_area.left(), m_y, m_area.right(), m_y);
        m_p.restore();
        gap(0.5);
    }
    void footer(const QString &text)
    {
        QFont f = QFontDatabase::systemFont(QFontDatabase::GeneralFont);
        f.setPointSizeF(7);
        m_p.save();
        m_p.setFont(f);
        m_p.setPen(Qt::darkGray);
        m_p.drawText(m_area, Qt::AlignBottom | Qt::AlignLeft | Qt::TextWordWrap, text);
        m_p.restore();
    }

private:
    static constexpr qreal kUsableWidth = 0.97; // room for rounding in the font's metrics
    int lineHeight() const { return QFontMetrics(QFontDatabase::systemFont(QFontDatabase::GeneralFont), m_p.device()).height(); }
    void paragraph(const QString &text, const QFont &font, bool wrap = true)
    {
        m_p.setFont(font);
        const QRect avail(m_area.left(), m_y, m_area.width(), m_area.bottom() - m_y);
        QRect used;
        m_p.drawText(avail, Qt::AlignLeft | Qt::AlignTop | (wrap ? Qt::TextWordWrap : 0), text, &used);
        m_y = used.bottom() + QFontMetrics(font, m_p.device()).height() / 3;
    }

    QPainter &m_p;
    QRect m_area;
    int m_y;
};

QString dateText(const QDateTime &dt)
{
    return QLocale().toString(dt, QLocale::LongFormat);
}

void filePage(QPainter &painter, const QRect &area, const PaperBackupContent &c)
{
    Sheet s(painter, area);
    s.heading(Tr::tr("DKEK share \u2014 paper backup"));
    s.text(Tr::tr("SmartCard-HSM / Nitrokey HSM Device Key Encryption Key share. Store this sheet as carefully as the "
              "file: together with its password it restores the share."));
    s.gap(0.5);
    s.text(Tr::tr("File name: %1").arg(c.fileName), 10, true);
    s.text(Tr::tr("Created: %1").arg(dateText(c.created)));
    if (c.custodians)
        s.text(Tr::tr("Password: random, split among %1 key custodians; any %2 of them can open the file.")
                   .arg(c.custodians->size())
                   .arg(c.threshold));
    else
        s.text(Tr::tr("Password: chosen by its owner; it is not on this sheet."));
    s.gap(0.5);
    s.text(Tr::tr("Key check value (KCV) of this share:"));
    s.mono(formatKeyCheckValue(c.kcv), 18, true);
    s.gap(0.5);
    s.rule();
    s.text(Tr::tr("File contents, base64 (%1 bytes):").arg(c.file.size()), 10, true);
    QStringList lines;
    const QStringList b64 = DkekShareFile::base64Lines(c.file);
    for (int i = 0; i < b64.size(); ++i)
        lines << QStringLiteral("%1  %2").arg(i + 1, 2).arg(b64[i]);
    s.mono(lines.join(QLatin1Char('\n')), 12);
    s.text(Tr::tr("SHA-256 of the file, to check a retyped copy (“sha256sum share.pbe”):"));
    s.mono(QString::fromLatin1(QCryptographicHash::hash(c.file, QCryptographicHash::Sha256).toHex(' ')), 8);
    s.gap(0.5);
    s.text(Tr::tr("To restore: type the lines without their numbers into a text file, then run "
              "\u201copenssl base64 -d -in share.txt -out share.pbe\u201d. Check the file with TokenDesk "
              "(Check DKEK Shares): it must show the KCV above."));
    s.gap();
    s.rule();
    s.signatureBox(Tr::tr("Created by (name, signature)"));
    s.signatureBox(Tr::tr("Witness (name, signature)"));
    s.signatureBox(Tr::tr("Place of storage, date"));
    s.footer(Tr::tr("TokenDesk \u2014 page for file %1, KCV %2").arg(c.fileName, formatKeyCheckValue(c.kcv)));
}

void custodianPage(QPainter &painter, const QRect &area, const PaperBackupContent &c, int index)
{
    const CustodianShare &share = (*c.custodians)[std::size_t(index)];
    const int total = int(c.custodians->size());
    Sheet s(painter, area);
    s.heading(Tr::tr("Key custodian %1 of %2 \u2014 DKEK share password").arg(index + 1).arg(total));
    s.text(Tr::tr("This page is for one key custodian only. Keep it secret and apart from the other custodians' "
              "pages: any %1 of the %2 custodians together can open the DKEK share file.")
               .arg(c.threshold)
               .arg(total));
    s.gap(0.5);
    s.text(Tr::tr("DKEK share file: %1").arg(c.fileName), 10, true);
    s.text(Tr::tr("KCV of the share: %1").arg(formatKeyCheckValue(c.kcv)));
    s.text(Tr::tr("Created: %1").arg(dateText(c.created)));
    s.gap();
    s.rule();
    {
        const SecureBytes printed = share.printedForm();
        QString block = QString::fromLatin1(reinterpret_cast<const char *>(printed.data()), qsizetype(printed.size()));
        s.mono(block, 14, true);
        if (block.isDetached())
            OPENSSL_cleanse(block.data(), std::size_t(block.size()) * sizeof(QChar));
    }
    s.rule();
    s.gap(0.5);
    s.text(Tr::tr("To open the share, %1 custodians enter the prime, their share ID and share value: in TokenDesk "
              "(Check DKEK Shares \u2192 custodian shares), or with \u201csc-hsm-tool --import-dkek-share %2 "
              "--pwd-shares-total %1\u201d.")
               .arg(c.threshold)
               .arg(c.fileName));
    s.gap();
    s.signatureBox(Tr::tr("Custodian (name, signature)"));
    s.signatureBox(Tr::tr("Handed over by (name, signature)"));
    s.signatureBox(Tr::tr("Place, date"));
    s.footer(Tr::tr("TokenDesk \u2014 custodian page %1 of %2 for file %3, KCV %4")
                 .arg(index + 1)
                 .arg(total)
                 .arg(c.fileName, formatKeyCheckValue(c.kcv)));
}

} // namespace

int DkekPaperBackup::render(QPagedPaintDevice *device, const PaperBackupContent &content, Pages pages,
                            int custodianIndex)
{
    QPainter painter(device);
    const QRect area(0, 0, device->width(), device->height()); // margins come from the device's layout
    int count = 0;
    auto newPage = [&] {
        if (count++ > 0)
            device->newPage();
    };
    if (pages != Pages::OneCustodian) {
        newPage();
        filePage(painter, area, content);
    }
    if (content.custodians && pages != Pages::FileOnly) {
        for (int i = 0; i < int(content.custodians->size()); ++i) {
            if (pages == Pages::OneCustodian && i != custodianIndex)
                continue;
            newPage();
            custodianPage(painter, area, content, i);
        }
    }
    painter.end();
    return count;
}

void DkekPaperBackup::savePdf(const QString &path, const PaperBackupContent &content, Pages pages, int custodianIndex)
{
    // Built in memory, then written 0600 in one step: the PDF may hold custodian shares.
    QByteArray pdf;
    {
        QBuffer buffer(&pdf);
        buffer.open(QIODevice::WriteOnly);
        QPdfWriter writer(&buffer);
        writer.setTitle(Tr::tr("DKEK share paper backup"));
        writer.setCreator(QStringLiteral("TokenDesk"));
        writer.setPageSize(QPageSize(QPageSize::A4));
        writer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
        writer.setResolution(300);
        render(&writer, content, pages, custodianIndex);
    }
    try {
        ShareFileWriter::write(path, pdf, ShareFileWriter::Existing::Replace);
    } catch (...) {
        OPENSSL_cleanse(pdf.data(), std::size_t(pdf.size()));
        throw;
    }
    OPENSSL_cleanse(pdf.data(), std::size_t(pdf.size()));
}

bool DkekPaperBackup::print(QWidget *parent, const PaperBackupContent &content, Pages pages, int custodianIndex)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setPageSize(QPageSize(QPageSize::A4));
    printer.setPageMargins(QMarginsF(20, 20, 20, 20), QPageLayout::Millimeter);
    printer.setDocName(Tr::tr("DKEK share paper backup"));
    QPrintDialog dialog(&printer, parent);
    dialog.setWindowTitle(Tr::tr("Print Paper Backup"));
    if (dialog.exec() != QDialog::Accepted)
        return false;
    render(&printer, content, pages, custodianIndex);
    return true;
}
