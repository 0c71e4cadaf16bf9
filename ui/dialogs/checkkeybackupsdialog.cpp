// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/checkkeybackupsdialog.h"

#include "dkek/keycheckvalue.h"
#include "wizards/dkek/dkekshareslist.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>

CheckKeyBackupsDialog::CheckKeyBackupsDialog(QWidget *parent) : QDialog(parent), m_shares(new DkekSharesList(this))
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
    m_removeBackups = new QPushButton(tr("R&emove Backup"));
    m_removeBackups->setObjectName(QStringLiteral("removeBackupsButton"));
    m_summary = new QLabel;
    m_summary->setObjectName(QStringLiteral("summaryLabel"));
    auto *backupButtons = new QHBoxLayout;
    backupButtons->addWidget(m_addBackups);
    backupButtons->addWidget(m_removeBackups);
    backupButtons->addStretch();
    backupButtons->addWidget(m_summary);

    auto *sharesBox = new QGroupBox(tr("DKEK shares"));
    auto *sharesLayout = new QVBoxLayout(sharesBox);
    sharesLayout->addWidget(m_shares);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_resultsTable, 2);
    layout->addLayout(backupButtons);
    layout->addWidget(sharesBox, 1);
    layout->addWidget(buttons);

    connect(m_addBackups, &QPushButton::clicked, this, &CheckKeyBackupsDialog::chooseBackups);
    connect(m_removeBackups, &QPushButton::clicked, this, &CheckKeyBackupsDialog::removeSelectedBackups);
    connect(buttons, &QDialogButtonBox::rejected, this, &CheckKeyBackupsDialog::reject);
    connect(m_resultsTable, &QTableWidget::itemSelectionChanged, this,
            [this] { m_removeBackups->setEnabled(!m_resultsTable->selectedItems().isEmpty()); });
    connect(m_shares, &DkekSharesList::changed, this, &CheckKeyBackupsDialog::recheck);
    connect(m_shares, &DkekSharesList::shareOpened, this, &CheckKeyBackupsDialog::shareOpened);
    connect(m_shares, &DkekSharesList::shareFailed, this, &CheckKeyBackupsDialog::shareFailed);
    connect(m_shares, &DkekSharesList::asking, this, &CheckKeyBackupsDialog::unlockAsked);
    connect(m_shares, &DkekSharesList::jobStopped, this, &CheckKeyBackupsDialog::jobStopped);

    recheck();
    resize(960, 620);
}

CheckKeyBackupsDialog::~CheckKeyBackupsDialog() = default; // the list's opener stops its worker

int CheckKeyBackupsDialog::shareCount() const { return int(m_shares->entries().size()); }

bool CheckKeyBackupsDialog::isBusy() const { return m_shares->isRunning(); }

void CheckKeyBackupsDialog::setIterationCountForTesting(quint32 iterations) { m_shares->setIterations(iterations); }

void CheckKeyBackupsDialog::done(int result)
{
    m_shares->stop(); // Esc, Close or the window's close button: the derivation stops within milliseconds
    QDialog::done(result);
}

void CheckKeyBackupsDialog::chooseBackups()
{
    addBackupFiles(QFileDialog::getOpenFileNames(this, tr("Add Key Backups"), QString(),
                                                 tr("Key backups (*.wrap *.bin *.der);;All files (*)")));
}

void CheckKeyBackupsDialog::addBackupFiles(const QStringList &paths)
{
    for (const QString &path : paths)
        if (!m_paths.contains(path))
            m_paths << path;
    recheck();
}

void CheckKeyBackupsDialog::addShareFiles(const QStringList &paths) { m_shares->addFiles(paths); }

void CheckKeyBackupsDialog::openShare(const QString &path, std::vector<SecureBytes> passwords,
                                      bool fromCustodianShares)
{
    m_shares->open(path, std::move(passwords), fromCustodianShares);
}

void CheckKeyBackupsDialog::removeSelectedBackups()
{
    std::vector<int> rows;
    for (const QModelIndex &i : m_resultsTable->selectionModel()->selectedRows())
        rows.push_back(i.row());
    std::sort(rows.rbegin(), rows.rend()); // from the bottom, so the rows above keep their numbers
    for (const int row : rows)
        m_paths.removeAt(row);
    recheck();
}

void CheckKeyBackupsDialog::recheck()
{
    std::vector<BackupCheckShare> shares;
    for (const DkekSharesList::Entry &s : m_shares->entries())
        shares.push_back({QFileInfo(s.path).fileName(), s.share});
    // Milliseconds a file (SHA-256, AES, one public key derivation): the slow part, the
    // share passwords' key derivation, ran on the list's worker before.
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
