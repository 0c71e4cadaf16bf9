// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/checkdkeksharesdialog.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "dkek/keycheckvalue.h"
#include "wizards/dkek/dkekshareopener.h"
#include "wizards/dkek/dkeksharetable.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

#include <openssl/crypto.h>

#include <algorithm>

CheckDkekSharesDialog::CheckDkekSharesDialog(QWidget *parent) : QDialog(parent), m_opener(new DkekShareOpener(this))
{
    setWindowTitle(tr("Check DKEK Shares"));

    auto *intro = new QLabel(tr("Open the share files you will import into the device, each with its password or "
                                "its custodians' shares. The device combines the shares into its DKEK; the KCV "
                                "below is what it will show once all of them are imported."));
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, 3);
    m_table->setObjectName(QStringLiteral("sharesTable"));
    DkekShareTable::setUp(m_table);

    m_add = new QPushButton(tr("&Add Share File\u2026"));
    m_add->setObjectName(QStringLiteral("addButton"));
    m_remove = new QPushButton(tr("&Remove"));
    m_remove->setObjectName(QStringLiteral("removeButton"));
    auto *tableButtons = new QHBoxLayout;
    tableButtons->addWidget(m_add);
    tableButtons->addWidget(m_remove);
    tableButtons->addStretch();

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("openProgress"));
    m_progress->setRange(0, DkekShareJobs::kProgressMaximum);
    m_cancel = new QPushButton(tr("&Cancel"));
    m_cancel->setObjectName(QStringLiteral("cancelOpenButton"));
    auto *progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_cancel);
    m_status = new QLabel;
    m_status->setObjectName(QStringLiteral("checkStatus"));
    m_status->setWordWrap(true);

    auto *dkekBox = new QGroupBox(tr("DKEK (all shares combined)"));
    m_count = new QLabel;
    m_combined = new QLabel;
    m_combined->setObjectName(QStringLiteral("combinedKcvLabel"));
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_combined->setFont(big);
    m_combined->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_expected = new QLineEdit;
    m_expected->setObjectName(QStringLiteral("expectedKcvEdit"));
    m_expected->setPlaceholderText(tr("optional, e.g. from sc-hsm-tool or another site"));
    m_match = new QLabel;
    m_match->setObjectName(QStringLiteral("matchLabel"));
    auto *expectedRow = new QHBoxLayout;
    expectedRow->addWidget(new QLabel(tr("Compare with KCV:")));
    expectedRow->addWidget(m_expected, 1);
    expectedRow->addWidget(m_match);
    auto *dkekLayout = new QVBoxLayout(dkekBox);
    dkekLayout->addWidget(m_count);
    dkekLayout->addWidget(m_combined);
    dkekLayout->addLayout(expectedRow);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_table, 1);
    layout->addLayout(tableButtons);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);
    layout->addWidget(dkekBox);
    layout->addWidget(buttons);

    connect(m_add, &QPushButton::clicked, this, &CheckDkekSharesDialog::addFiles);
    connect(m_remove, &QPushButton::clicked, this, &CheckDkekSharesDialog::removeSelected);
    connect(m_cancel, &QPushButton::clicked, m_opener, &DkekShareOpener::stop);
    connect(buttons, &QDialogButtonBox::rejected, this, &CheckDkekSharesDialog::reject);
    connect(m_expected, &QLineEdit::textChanged, this, &CheckDkekSharesDialog::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!isBusy() && !m_table->selectedItems().isEmpty());
    });
    connect(m_opener, &DkekShareOpener::progress, m_progress, &QProgressBar::setValue);
    connect(m_opener, &DkekShareOpener::busyChanged, this, &CheckDkekSharesDialog::setBusy);
    connect(m_opener, &DkekShareOpener::started, m_status, &QLabel::setText);
    connect(m_opener, &DkekShareOpener::jobEnded, this, &CheckDkekSharesDialog::jobStopped);
    connect(m_opener, &DkekShareOpener::failed, this, [this](const QString &message) {
        m_status->setText(message);
        Q_EMIT shareFailed(message);
    });
    connect(m_opener, &DkekShareOpener::passwordRefused, m_status, &QLabel::clear); // the unlock dialog says it
    connect(m_opener, &DkekShareOpener::opened, this, [this](const OpenShareResult &r, bool fromCustodianShares) {
        m_entries.push_back(Entry{r.path, fromCustodianShares, r.kcv, r.share});
        m_status->setText(tr("Opened %1.").arg(QFileInfo(r.path).fileName()));
        refresh();
        Q_EMIT shareOpened(r.path);
    });
    m_opener->setDuplicateCheck([this](const OpenShareResult &r) -> QString {
        const auto same = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            return e.share->size() == r.share->size()
                && CRYPTO_memcmp(e.share->data(), r.share->data(), r.share->size()) == 0;
        });
        if (same == m_entries.end())
            return {};
        // XOR would cancel it out: two identical shares give the same DKEK as none.
        return tr("%1 holds the same share as %2 (KCV %3); it was not added twice.")
            .arg(QFileInfo(r.path).fileName(), QFileInfo(same->path).fileName(), formatKeyCheckValue(r.kcv));
    });

    setBusy(false);
    refresh();
    resize(680, 520);
}

CheckDkekSharesDialog::~CheckDkekSharesDialog() = default; // the opener stops its worker

bool CheckDkekSharesDialog::isBusy() const { return m_opener->isRunning(); }

void CheckDkekSharesDialog::setIterationCountForTesting(quint32 iterations) { m_opener->setIterations(iterations); }

void CheckDkekSharesDialog::done(int result)
{
    m_opener->stop(); // the worker stops within milliseconds
    QDialog::done(result);
}

void CheckDkekSharesDialog::setBusy(bool busy)
{
    busy = busy && m_opener->isRunning(); // an unlock dialog shows its own progress
    m_add->setEnabled(!m_opener->isBusy());
    m_remove->setEnabled(!busy && !m_table->selectedItems().isEmpty());
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void CheckDkekSharesDialog::addFiles()
{
    m_opener->addFiles(QFileDialog::getOpenFileNames(this, tr("Open DKEK Shares"), QString(),
                                                     tr("DKEK share files (*.pbe);;All files (*)")));
}

void CheckDkekSharesDialog::openShare(const QString &path, std::vector<SecureBytes> passwords,
                                      bool fromCustodianShares)
{
    m_opener->open(path, std::move(passwords), fromCustodianShares);
}

void CheckDkekSharesDialog::removeSelected()
{
    std::vector<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows.push_back(i.row());
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows)
        m_entries.erase(m_entries.begin() + row);
    refresh();
}

QString CheckDkekSharesDialog::shareKcv(int row) const
{
    return row >= 0 && row < shareCount() ? formatKeyCheckValue(m_entries[std::size_t(row)].kcv) : QString();
}

QString CheckDkekSharesDialog::combinedKcv() const
{
    if (m_entries.empty())
        return {};
    std::vector<const SecureBytes *> shares;
    for (const Entry &e : m_entries)
        shares.push_back(e.share.get());
    return formatKeyCheckValue(dkekKeyCheckValue(combineDkekShares(shares)));
}

void CheckDkekSharesDialog::refresh()
{
    std::vector<DkekShareTable::Row> rows;
    for (const Entry &e : m_entries)
        rows.push_back({e.path, e.fromCustodianShares, e.kcv});
    DkekShareTable::fill(m_table, rows);

    const QString combined = combinedKcv();
    m_count->setText(m_entries.empty() ? tr("No shares opened yet.")
                     : m_entries.size() == 1
                         ? tr("1 share: a device with one DKEK share shows this KCV.")
                         : tr("%1 shares: a device initialized for %1 DKEK shares shows this KCV after "
                              "importing all of them.")
                               .arg(m_entries.size()));
    m_combined->setText(combined.isEmpty() ? QStringLiteral("\u2014") : combined);

    QString expected = m_expected->text();
    expected.remove(QRegularExpression(QStringLiteral("[^0-9A-Fa-f]")));
    if (expected.isEmpty() || combined.isEmpty())
        m_match->clear();
    else if (expected.compare(combined, Qt::CaseInsensitive) == 0)
        m_match->setText(tr("\u2714 matches"));
    else
        m_match->setText(tr("\u2718 differs"));
}
