// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmsharespage.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "dkek/keycheckvalue.h"
#include "p11/errortext.h"
#include "wizards/dkek/unlockdkeksharedialog.h"
#include "wizards/schsm/schsmimportshareswizard.h"

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

SchsmSharesPage::SchsmSharesPage(SchsmImportSharesWizard *wizard)
    : m_wizard(wizard), m_device(new QLabel(this)), m_table(new QTableWidget(0, 3, this)),
      m_add(new QPushButton(tr("&Add Share File…"), this)), m_remove(new QPushButton(tr("&Remove"), this)),
      m_progress(new QProgressBar(this)), m_cancelOpen(new QPushButton(tr("Stop &Opening"), this)),
      m_status(new QLabel(this)), m_expected(new QLabel(this)), m_verdict(new QLabel(this))
{
    setTitle(tr("DKEK Share Files"));
    setSubTitle(tr("Open each share file with its password or its key custodians' shares. Nothing is sent to the "
                   "device until you click Import."));
    setCommitPage(true);
    m_device->setObjectName(QStringLiteral("deviceDkek"));
    m_table->setObjectName(QStringLiteral("sharesTable"));
    m_add->setObjectName(QStringLiteral("addButton"));
    m_remove->setObjectName(QStringLiteral("removeButton"));
    m_progress->setObjectName(QStringLiteral("openProgress"));
    m_cancelOpen->setObjectName(QStringLiteral("stopOpeningButton"));
    m_status->setObjectName(QStringLiteral("openStatus"));
    m_expected->setObjectName(QStringLiteral("expectedKcv"));
    m_verdict->setObjectName(QStringLiteral("planVerdict"));
    m_table->setHorizontalHeaderLabels({tr("Share file"), tr("Opened with"), tr("Share check value")});
    m_table->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_progress->setRange(0, DkekShareJobs::kProgressMaximum);
    for (QLabel *l : {m_device, m_status, m_verdict})
        l->setWordWrap(true);
    QFont big = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    m_expected->setFont(big);
    m_expected->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    auto *openRow = new QHBoxLayout;
    openRow->addWidget(m_progress, 1);
    openRow->addWidget(m_cancelOpen);
    auto *box = new QGroupBox(tr("Check value the device will report"), this);
    auto *boxLayout = new QVBoxLayout(box);
    boxLayout->addWidget(m_expected);
    boxLayout->addWidget(m_verdict);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_device);
    v->addWidget(m_table, 1);
    v->addLayout(buttons);
    v->addLayout(openRow);
    v->addWidget(m_status);
    v->addWidget(box);

    connect(m_add, &QPushButton::clicked, this, &SchsmSharesPage::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &SchsmSharesPage::removeSelected);
    connect(m_cancelOpen, &QPushButton::clicked, this, &SchsmSharesPage::stopOpening);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!m_opening && !m_table->selectedItems().isEmpty());
    });
    connect(&m_watcher, &QFutureWatcher<OpenShareResult>::progressValueChanged, m_progress, &QProgressBar::setValue);
    connect(&m_watcher, &QFutureWatcher<OpenShareResult>::finished, this, &SchsmSharesPage::opened);
    setOpening(false);
}

void SchsmSharesPage::initializePage()
{
    setButtonText(QWizard::CommitButton, tr("&Import"));
    refresh();
}

void SchsmSharesPage::setOpening(bool opening)
{
    m_opening = opening;
    m_add->setEnabled(!opening);
    m_remove->setEnabled(!opening && !m_table->selectedItems().isEmpty());
    m_progress->setVisible(opening);
    m_cancelOpen->setVisible(opening);
    if (opening)
        m_progress->setValue(0);
    Q_EMIT completeChanged();
}

void SchsmSharesPage::chooseFiles()
{
    addShareFiles(QFileDialog::getOpenFileNames(this, tr("Open DKEK Shares"), QString(),
                                                tr("DKEK share files (*.pbe);;All files (*)")));
}

void SchsmSharesPage::addShareFiles(const QStringList &paths)
{
    m_queue += paths;
    promptNext();
}

void SchsmSharesPage::promptNext()
{
    while (!m_queue.isEmpty() && !m_opening) {
        const QString path = m_queue.takeFirst();
        try {
            DkekShareFile::read(path); // size and magic before asking for a password
        } catch (const DkekError &e) {
            m_status->setText(e.message());
            Q_EMIT shareRefused(e.message());
            continue;
        }
        // open(), not exec(): this runs from the end of a job too.
        auto *unlock = new UnlockDkekShareDialog(path, this);
        unlock->setAttribute(Qt::WA_DeleteOnClose);
        connect(unlock, &QDialog::accepted, this, [this, unlock, path] {
            openShare(path, unlock->takePasswords(), unlock->fromCustodianShares());
        });
        connect(unlock, &QDialog::rejected, this, [this] {
            setOpening(false);
            promptNext();
        });
        setOpening(true); // one file at a time, the dialog included
        m_progress->setVisible(false);
        m_cancelOpen->setVisible(false);
        unlock->open();
        Q_EMIT unlockAsked();
        return;
    }
}

void SchsmSharesPage::openShare(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares)
{
    OpenShareRequest request;
    request.path = path;
    request.passwords = std::move(passwords);
    request.fromCustodianShares = fromCustodianShares;
    request.iterations = m_iterations;
    m_pendingFromCustodians = fromCustodianShares;
    m_status->setText(tr("Opening %1…").arg(QFileInfo(path).fileName()));
    setOpening(true);
    m_jobPending = true;
    m_watcher.setFuture(DkekShareJobs::openAsync(std::move(request)));
}

void SchsmSharesPage::stopOpening()
{
    m_queue.clear();
    m_watcher.cancel();
}

void SchsmSharesPage::opened()
{
    // The empty future set below reports "finished" too: only a started job counts.
    if (!m_jobPending)
        return;
    m_jobPending = false;
    QFuture<OpenShareResult> future = m_watcher.future();
    // Let go of the watcher's reference to the share.
    setOpening(false);
    m_watcher.setFuture(QFuture<OpenShareResult>());
    if (future.isCanceled() && future.resultCount() == 0) {
        QString message = tr("Opening was stopped.");
        try {
            future.waitForFinished(); // rethrows the worker's error, if that is why it stopped
        } catch (...) {
            message = userError(std::current_exception()).text();
        }
        m_status->setText(message);
        Q_EMIT shareRefused(message);
        promptNext();
        return;
    }
    const OpenShareResult r = future.result();
    future = QFuture<OpenShareResult>();
    SchsmImportState &s = m_wizard->state();
    const QString name = QFileInfo(r.path).fileName();
    for (const SchsmImportState::Share &existing : s.shares) {
        if (existing.input.kcv == r.kcv) {
            const QString message = tr("%1 holds the same share as %2 (check value %3); it was not added again.")
                                        .arg(name, existing.input.name, formatKeyCheckValue(r.kcv));
            m_status->setText(message);
            Q_EMIT shareRefused(message);
            promptNext();
            return;
        }
    }
    s.shares.push_back({DkekShareInput{name, r.kcv, r.share}, r.path, m_pendingFromCustodians});
    m_status->setText(tr("Opened %1.").arg(name));
    refresh();
    Q_EMIT shareOpened(r.path);
    promptNext();
}

void SchsmSharesPage::removeSelected()
{
    std::vector<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows.push_back(i.row());
    std::sort(rows.rbegin(), rows.rend());
    auto &shares = m_wizard->state().shares;
    for (int row : rows)
        shares.erase(shares.begin() + row);
    refresh();
}

QString SchsmSharesPage::expectedKcvText() const
{
    const QByteArray &kcv = m_wizard->state().plan.expectedKcv;
    return kcv.isEmpty() ? QString() : formatKeyCheckValue(kcv);
}

void SchsmSharesPage::refresh()
{
    SchsmImportState &s = m_wizard->state();
    const DkekState &d = s.status.dkek;
    m_device->setText(!d.known ? tr("Device %1: it reports no DKEK state.").arg(s.status.serial)
                               : tr("Device %1: %2 of %3 DKEK share(s) imported, %4 missing.")
                                     .arg(s.status.serial)
                                     .arg(d.imported())
                                     .arg(d.total)
                                     .arg(d.outstanding));
    m_table->setRowCount(int(s.shares.size()));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    for (int row = 0; row < int(s.shares.size()); ++row) {
        const SchsmImportState::Share &share = s.shares[std::size_t(row)];
        const QStringList cells{share.input.name,
                                share.fromCustodianShares ? tr("custodian shares") : tr("password"),
                                formatKeyCheckValue(share.input.kcv, true)};
        for (int column = 0; column < cells.size(); ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            if (column == 0)
                item->setToolTip(share.path);
            if (column == 2)
                item->setFont(mono);
            m_table->setItem(row, column, item);
        }
    }

    s.plan = DkekImportPlan::make(d, s.inputs());
    if (s.shares.empty()) {
        m_expected->setText(QStringLiteral("—"));
        m_verdict->setStyleSheet(QString());
        m_verdict->setText(tr("No share files opened yet."));
    } else if (!s.plan.allowed()) {
        m_expected->setText(QStringLiteral("—"));
        m_verdict->setStyleSheet(QStringLiteral("color: #b02020"));
        m_verdict->setText(s.plan.refusal);
    } else {
        m_verdict->setStyleSheet(QString());
        if (!s.plan.expectedKcv.isEmpty()) {
            m_expected->setText(formatKeyCheckValue(s.plan.expectedKcv, true));
            m_verdict->setText(tr("Once these shares are imported the DKEK is complete and the device must report "
                                  "this check value; the wizard compares it."));
        } else if (s.plan.outstandingAfter > 0) {
            m_expected->setText(QStringLiteral("—"));
            m_verdict->setText(tr("After this import the device still waits for %n more share(s); its check value "
                                  "is known once all are in.",
                                  nullptr, s.plan.outstandingAfter));
        } else {
            m_expected->setText(QStringLiteral("—"));
            m_verdict->setText(tr("Shares were imported before, so the final check value cannot be predicted from "
                                  "these files alone: compare it with the value your key custodians recorded."));
        }
    }
    setButtonText(QWizard::CommitButton, tr("&Import %n Share(s)", nullptr, int(s.shares.size())));
    Q_EMIT completeChanged();
}

bool SchsmSharesPage::isComplete() const
{
    const SchsmImportState &s = m_wizard->state();
    return !m_opening && !s.shares.empty() && s.plan.allowed();
}
