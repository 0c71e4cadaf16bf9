// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/checkkeybackupsdialog.h"

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
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace {
std::vector<int> selectedRows(QTableWidget *table)
{
    std::vector<int> rows;
    for (const QModelIndex &i : table->selectionModel()->selectedRows())
        rows.push_back(i.row());
    std::sort(rows.rbegin(), rows.rend()); // from the bottom, so the rows above keep their numbers
    return rows;
}
} // namespace

CheckKeyBackupsDialog::CheckKeyBackupsDialog(QWidget *parent) : QDialog(parent), m_opener(new DkekShareOpener(this))
{
    setWindowTitle(tr("Check Key Backups"));

    auto *intro = new QLabel(tr("Check SmartCard-HSM key backups (files made by sc-hsm-tool --wrap-key or "
                                "TokenDesk) against the DKEK share files you keep, without a device: which shares "
                                "open each backup, and which key it holds. Private keys are never shown or written."));
    intro->setWordWrap(true);

    m_resultsTable = new QTableWidget(0, ColumnCount);
    m_resultsTable->setObjectName(QStringLiteral("resultsTable"));
    m_resultsTable->setHorizontalHeaderLabels({tr("Backup file"), tr("Result"), tr("Opened by"), tr("Key"),
                                               tr("Public key SHA-256"), tr("Label"), tr("CKA_ID"), tr("Certificate")});
    m_resultsTable->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_resultsTable->horizontalHeader()->setSectionResizeMode(ResultColumn, QHeaderView::Interactive);
    m_resultsTable->verticalHeader()->setVisible(false);
    m_resultsTable->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_resultsTable->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_resultsTable->setWordWrap(true);
    m_addBackups = new QPushButton(tr("Add &Backup Files\u2026"));
    m_addBackups->setObjectName(QStringLiteral("addBackupsButton"));
    m_removeBackups = new QPushButton(tr("&Remove"));
    m_removeBackups->setObjectName(QStringLiteral("removeBackupsButton"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    auto *backupButtons = new QHBoxLayout;
    backupButtons->addWidget(m_addBackups);
    backupButtons->addWidget(m_removeBackups);
    backupButtons->addStretch();
    backupButtons->addWidget(m_summary);

    auto *sharesBox = new QGroupBox(tr("DKEK shares"));
    m_sharesTable = new QTableWidget(0, 3);
    m_sharesTable->setObjectName(QStringLiteral("sharesTable"));
    DkekShareTable::setUp(m_sharesTable);
    m_addShares = new QPushButton(tr("Add &Share Files\u2026"));
    m_addShares->setObjectName(QStringLiteral("addSharesButton"));
    m_removeShares = new QPushButton(tr("Re&move Share"));
    m_removeShares->setObjectName(QStringLiteral("removeSharesButton"));
    auto *shareButtons = new QHBoxLayout;
    shareButtons->addWidget(m_addShares);
    shareButtons->addWidget(m_removeShares);
    shareButtons->addStretch();
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
    auto *sharesLayout = new QVBoxLayout(sharesBox);
    sharesLayout->addWidget(m_sharesTable);
    sharesLayout->addLayout(shareButtons);
    sharesLayout->addLayout(progressRow);
    sharesLayout->addWidget(m_status);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_resultsTable, 2);
    layout->addLayout(backupButtons);
    layout->addWidget(sharesBox, 1);
    layout->addWidget(buttons);

    connect(m_addBackups, &QPushButton::clicked, this, &CheckKeyBackupsDialog::chooseBackups);
    connect(m_removeBackups, &QPushButton::clicked, this, &CheckKeyBackupsDialog::removeSelectedBackups);
    connect(m_addShares, &QPushButton::clicked, this, &CheckKeyBackupsDialog::chooseShares);
    connect(m_removeShares, &QPushButton::clicked, this, &CheckKeyBackupsDialog::removeSelectedShares);
    connect(m_cancel, &QPushButton::clicked, m_opener, &DkekShareOpener::stop);
    connect(buttons, &QDialogButtonBox::rejected, this, &CheckKeyBackupsDialog::reject);
    connect(m_resultsTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeBackups->setEnabled(!m_resultsTable->selectedItems().isEmpty()); });
    connect(m_sharesTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeShares->setEnabled(!isBusy() && !m_sharesTable->selectedItems().isEmpty()); });
    connect(m_opener, &DkekShareOpener::progress, m_progress, &QProgressBar::setValue);
    connect(m_opener, &DkekShareOpener::busyChanged, this, &CheckKeyBackupsDialog::setBusy);
    connect(m_opener, &DkekShareOpener::started, m_status, &QLabel::setText);
    connect(m_opener, &DkekShareOpener::asking, this, &CheckKeyBackupsDialog::unlockAsked);
    connect(m_opener, &DkekShareOpener::jobEnded, this, &CheckKeyBackupsDialog::jobStopped);
    connect(m_opener, &DkekShareOpener::passwordRefused, m_status, &QLabel::clear); // the unlock dialog says it
    connect(m_opener, &DkekShareOpener::failed, this, [this](const QString &message) {
        m_status->setText(message);
        Q_EMIT shareFailed(message);
    });
    connect(m_opener, &DkekShareOpener::opened, this, [this](const OpenShareResult &r, bool fromCustodianShares) {
        m_shares.push_back(Share{r.path, fromCustodianShares, r.kcv, r.share});
        m_status->setText(tr("Opened %1 (share check value %2).")
                              .arg(QFileInfo(r.path).fileName(), formatKeyCheckValue(r.kcv)));
        recheck();
        Q_EMIT shareOpened(r.path);
    });
    m_opener->setDuplicateCheck([this](const OpenShareResult &r) -> QString {
        for (const Share &s : m_shares)
            if (s.kcv == r.kcv) // the KCV is SHA-256 of the share: the same share
                return tr("%1 holds the same share as %2; it was not added twice.")
                    .arg(QFileInfo(r.path).fileName(), QFileInfo(s.path).fileName());
        return {};
    });

    setBusy(false);
    recheck();
    resize(960, 620);
}

CheckKeyBackupsDialog::~CheckKeyBackupsDialog() = default; // the opener stops its worker

bool CheckKeyBackupsDialog::isBusy() const { return m_opener->isRunning(); }

void CheckKeyBackupsDialog::setIterationCountForTesting(quint32 iterations) { m_opener->setIterations(iterations); }

void CheckKeyBackupsDialog::done(int result)
{
    m_opener->stop(); // Esc, Close or the window's close button: the derivation stops within milliseconds
    QDialog::done(result);
}

void CheckKeyBackupsDialog::setBusy(bool busy)
{
    busy = busy && m_opener->isRunning(); // an unlock dialog shows its own progress
    m_addShares->setEnabled(!m_opener->isBusy());
    m_removeShares->setEnabled(!busy && !m_sharesTable->selectedItems().isEmpty());
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void CheckKeyBackupsDialog::chooseBackups()
{
    addBackupFiles(QFileDialog::getOpenFileNames(this, tr("Add Key Backups"), QString(),
                                                 tr("Key backups (*.wrap *.bin *.der);;All files (*)")));
}

void CheckKeyBackupsDialog::chooseShares()
{
    addShareFiles(QFileDialog::getOpenFileNames(this, tr("Add DKEK Shares"), QString(),
                                                tr("DKEK share files (*.pbe);;All files (*)")));
}

void CheckKeyBackupsDialog::addBackupFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        if (!m_paths.contains(path))
            m_paths << path;
    recheck();
}

void CheckKeyBackupsDialog::addShareFiles(const QStringList &paths) { m_opener->addFiles(paths); }

void CheckKeyBackupsDialog::openShare(const QString &path, std::vector<SecureBytes> passwords,
                                      bool fromCustodianShares)
{
    m_opener->open(path, std::move(passwords), fromCustodianShares);
}

void CheckKeyBackupsDialog::removeSelectedBackups()
{
    for (const int row : selectedRows(m_resultsTable))
        m_paths.removeAt(row);
    recheck();
}

void CheckKeyBackupsDialog::removeSelectedShares()
{
    for (const int row : selectedRows(m_sharesTable))
        m_shares.erase(m_shares.begin() + row);
    recheck();
}

void CheckKeyBackupsDialog::recheck()
{
    std::vector<DkekShareTable::Row> rows;
    std::vector<BackupCheckShare> shares;
    for (const Share &s : m_shares) {
        rows.push_back({s.path, s.fromCustodianShares, s.kcv});
        shares.push_back({QFileInfo(s.path).fileName(), s.share});
    }
    DkekShareTable::fill(m_sharesTable, rows);
    // Milliseconds a file (SHA-256, AES, one public key derivation): the slow part, the
    // share passwords' key derivation, ran on the opener's worker before.
    m_results.clear();
    for (const QString &path : std::as_const(m_paths))
        m_results.push_back(KeyBackupCheck::checkFile(path, shares));
    fillResults();
    Q_EMIT resultsChanged();
}

void CheckKeyBackupsDialog::fillResults()
{
    m_resultsTable->setRowCount(int(m_results.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    int opening = 0;
    for (int row = 0; row < int(m_results.size()); ++row) {
        const BackupCheckResult &r = m_results[std::size_t(row)];
        opening += r.opens() ? 1 : 0;
        auto set = [&](int column, const QString &text, bool monospace = false) {
            auto *item = new QTableWidgetItem(text);
            item->setToolTip(text);
            if (monospace)
                item->setFont(mono);
            m_resultsTable->setItem(row, column, item);
        };
        set(FileColumn, QFileInfo(r.path).fileName());
        m_resultsTable->item(row, FileColumn)->setToolTip(QDir::toNativeSeparators(r.path));
        set(ResultColumn, r.opens() ? tr("\u2714 Opens (DKEK %1)").arg(formatKeyCheckValue(r.dkekKcv))
                                    : QStringLiteral("\u2718 ") + r.message);
        set(OpenedByColumn, r.openedBy.join(QStringLiteral(" \u2295 ")));
        set(KeyColumn, r.keyDescription);
        set(FingerprintColumn, r.fingerprint, true);
        set(LabelColumn, r.label);
        set(IdColumn, QString::fromLatin1(r.id.toHex().toUpper()), true);
        QString certificate;
        switch (r.certificate) {
        case KeyBackupFile::Certificate::None:
            certificate = tr("none");
            break;
        case KeyBackupFile::Certificate::X509:
            certificate = r.certificateSubject;
            break;
        case KeyBackupFile::Certificate::CvRequest:
            certificate = tr("the device's certificate request (no X.509 certificate)");
            break;
        case KeyBackupFile::Certificate::Other:
            certificate = tr("unknown format");
            break;
        }
        set(CertificateColumn, r.status == BackupCheckResult::Status::NotABackup
                                       || r.status == BackupCheckResult::Status::ReadFailed
                                   ? QString()
                                   : certificate);
    }
    m_summary->setText(m_results.empty() ? tr("No backup files added yet.")
                                          : tr("Backups that open with these shares: %1 of %2.").arg(opening).arg(m_results.size()));
    m_removeBackups->setEnabled(!m_resultsTable->selectedItems().isEmpty());
}
