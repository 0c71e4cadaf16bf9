// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/checkdkeksharesdialog.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "dkek/keycheckvalue.h"
#include "wizards/dkek/unlockdkeksharedialog.h"

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

CheckDkekSharesDialog::CheckDkekSharesDialog(QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Check DKEK Shares"));

    auto *intro = new QLabel(tr("Open the share files you will import into the device, each with its password or "
                                "its custodians' shares. The device combines the shares into its DKEK; the KCV "
                                "below is what it will show once all of them are imported."));
    intro->setWordWrap(true);

    m_table = new QTableWidget(0, 3);
    m_table->setObjectName(QStringLiteral("sharesTable"));
    m_table->setHorizontalHeaderLabels({tr("Share file"), tr("Opened with"), tr("Share KCV")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

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
    connect(m_cancel, &QPushButton::clicked, &m_watcher, &QFutureWatcher<OpenShareResult>::cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &CheckDkekSharesDialog::reject);
    connect(m_expected, &QLineEdit::textChanged, this, &CheckDkekSharesDialog::refresh);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!isBusy() && !m_table->selectedItems().isEmpty());
    });
    connect(&m_watcher, &QFutureWatcher<OpenShareResult>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<OpenShareResult>::finished, this, &CheckDkekSharesDialog::jobFinished);

    setBusy(false);
    refresh();
    resize(680, 520);
}

CheckDkekSharesDialog::~CheckDkekSharesDialog()
{
    m_watcher.cancel();
}

void CheckDkekSharesDialog::done(int result)
{
    m_watcher.cancel(); // the worker stops within milliseconds
    m_queue.clear();
    QDialog::done(result);
}

void CheckDkekSharesDialog::setBusy(bool busy)
{
    m_add->setEnabled(!busy);
    m_remove->setEnabled(!busy && !m_table->selectedItems().isEmpty());
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void CheckDkekSharesDialog::addFiles()
{
    const QStringList files = QFileDialog::getOpenFileNames(this, tr("Open DKEK Shares"), QString(),
                                                            tr("DKEK share files (*.pbe);;All files (*)"));
    m_queue = files;
    promptNext();
}

void CheckDkekSharesDialog::promptNext()
{
    while (!m_queue.isEmpty() && !isBusy()) {
        const QString path = m_queue.takeFirst();
        try {
            DkekShareFile::read(path); // size and magic before asking for a password
        } catch (const DkekError &e) {
            m_status->setText(e.message());
            Q_EMIT shareFailed(e.message());
            continue;
        }
        UnlockDkekShareDialog unlock(path, this);
        if (unlock.exec() != QDialog::Accepted)
            continue;
        openShare(path, unlock.takePasswords(), unlock.fromCustodianShares());
    }
}

void CheckDkekSharesDialog::openShare(const QString &path, std::vector<SecureBytes> passwords,
                                      bool fromCustodianShares)
{
    if (isBusy())
        return;
    OpenShareRequest request;
    request.path = path;
    request.passwords = std::move(passwords);
    request.fromCustodianShares = fromCustodianShares;
    request.iterations = m_iterations;
    m_pendingMethod = fromCustodianShares ? tr("custodian shares") : tr("password");
    m_status->setText(tr("Opening %1\u2026 (%2 key derivation rounds)")
                          .arg(QFileInfo(path).fileName(), QLocale().toString(qulonglong(m_iterations))));
    setBusy(true);
    m_jobPending = true;
    m_watcher.setFuture(DkekShareJobs::openAsync(std::move(request)));
}

void CheckDkekSharesDialog::jobFinished()
{
    if (!m_jobPending)
        return;
    m_jobPending = false;
    setBusy(false);
    QFuture<OpenShareResult> future = m_watcher.future();
    if (future.isCanceled() && future.resultCount() == 0) {
        QString message = tr("Cancelled.");
        try {
            future.waitForFinished(); // rethrows the worker's error, if that is why it stopped
        } catch (const DkekError &e) {
            message = e.message();
        } catch (const std::exception &e) {
            message = QString::fromLocal8Bit(e.what());
        }
        m_status->setText(message);
        Q_EMIT shareFailed(message);
    } else {
        OpenShareResult r = future.result();
        // Drop the result store's reference to the share, so a removed row really lets
        // go of it. (Not takeResult(): it resets the state the worker's QPromise still
        // shares, which then reports a second, cancelled finish.) The empty future
        // reports "finished" too; m_jobPending ignores that.
        future = QFuture<OpenShareResult>();
        m_watcher.setFuture(future);
        const auto same = std::find_if(m_entries.begin(), m_entries.end(), [&](const Entry &e) {
            return e.share->size() == r.share->size()
                && CRYPTO_memcmp(e.share->data(), r.share->data(), r.share->size()) == 0;
        });
        if (same != m_entries.end()) {
            // XOR would cancel it out: two identical shares give the same DKEK as none.
            const QString message = tr("%1 holds the same share as %2 (KCV %3); it was not added twice.")
                                        .arg(QFileInfo(r.path).fileName(), QFileInfo(same->path).fileName(),
                                             formatKeyCheckValue(r.kcv));
            m_status->setText(message);
            Q_EMIT shareFailed(message);
        } else {
            m_entries.push_back(Entry{r.path, m_pendingMethod, r.kcv, r.share});
            m_status->setText(tr("Opened %1.").arg(QFileInfo(r.path).fileName()));
            refresh();
            Q_EMIT shareOpened(r.path);
        }
    }
    Q_EMIT jobStopped();
    promptNext();
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
    m_table->setRowCount(int(m_entries.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < int(m_entries.size()); ++row) {
        const Entry &e = m_entries[std::size_t(row)];
        auto *file = new QTableWidgetItem(QFileInfo(e.path).fileName());
        file->setToolTip(QDir::toNativeSeparators(e.path));
        m_table->setItem(row, 0, file);
        m_table->setItem(row, 1, new QTableWidgetItem(e.method));
        auto *kcv = new QTableWidgetItem(formatKeyCheckValue(e.kcv, true));
        kcv->setFont(mono);
        m_table->setItem(row, 2, kcv);
    }

    const QString combined = combinedKcv();
    m_count->setText(m_entries.empty() ? tr("No shares opened yet.")
                     : m_entries.size() == 1
                         ? tr("1 share: a device with one DKEK share shows this KCV.")
                         : tr("%1 shares: a device initialized for %1 DKEK shares shows this KCV after "
                              "importing all of them.")
                               .arg(m_entries.size()));
    m_combined->setText(combined.isEmpty() ? QStringLiteral("\u2014") : formatKeyCheckValue(
                                                 QByteArray::fromHex(combined.toLatin1()), true));

    QString expected = m_expected->text();
    expected.remove(QRegularExpression(QStringLiteral("[^0-9A-Fa-f]")));
    if (expected.isEmpty() || combined.isEmpty())
        m_match->clear();
    else if (expected.compare(combined, Qt::CaseInsensitive) == 0)
        m_match->setText(tr("\u2714 matches"));
    else
        m_match->setText(tr("\u2718 differs"));
}
