// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekshareslist.h"

#include "dkek/keycheckvalue.h"
#include "wizards/dkek/dkekshareopener.h"
#include "wizards/dkek/dkeksharetable.h"

#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

#include <openssl/crypto.h>

#include <algorithm>

DkekSharesList::DkekSharesList(QWidget *parent) : QWidget(parent), m_opener(new DkekShareOpener(this))
{
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

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table, 1);
    layout->addLayout(tableButtons);
    layout->addLayout(progressRow);
    layout->addWidget(m_status);

    connect(m_add, &QPushButton::clicked, this, &DkekSharesList::chooseFiles);
    connect(m_remove, &QPushButton::clicked, this, &DkekSharesList::removeSelected);
    connect(m_cancel, &QPushButton::clicked, m_opener, &DkekShareOpener::stop);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, [this] {
        m_remove->setEnabled(!isRunning() && !m_table->selectedItems().isEmpty());
    });
    connect(m_opener, &DkekShareOpener::progress, m_progress, &QProgressBar::setValue);
    connect(m_opener, &DkekShareOpener::busyChanged, this, &DkekSharesList::setBusy);
    connect(m_opener, &DkekShareOpener::started, m_status, &QLabel::setText);
    connect(m_opener, &DkekShareOpener::asking, this, &DkekSharesList::asking);
    connect(m_opener, &DkekShareOpener::jobEnded, this, &DkekSharesList::jobStopped);
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
}

DkekSharesList::~DkekSharesList() = default; // the opener stops its worker

bool DkekSharesList::isRunning() const { return m_opener->isRunning(); }

void DkekSharesList::setIterations(quint32 iterations) { m_opener->setIterations(iterations); }

void DkekSharesList::stop() { m_opener->stop(); }

void DkekSharesList::setBusy(bool busy)
{
    busy = busy && m_opener->isRunning(); // an unlock dialog shows its own progress
    m_add->setEnabled(!m_opener->isBusy());
    m_remove->setEnabled(!busy && !m_table->selectedItems().isEmpty());
    m_progress->setVisible(busy);
    m_cancel->setVisible(busy);
    if (busy)
        m_progress->setValue(0);
}

void DkekSharesList::chooseFiles()
{
    addFiles(QFileDialog::getOpenFileNames(this, tr("Open DKEK Shares"), QString(),
                                           tr("DKEK share files (*.pbe);;All files (*)")));
}

void DkekSharesList::addFiles(const QStringList &paths) { m_opener->addFiles(paths); }

void DkekSharesList::open(const QString &path, std::vector<SecureBytes> passwords, bool fromCustodianShares)
{
    m_opener->open(path, std::move(passwords), fromCustodianShares);
}

void DkekSharesList::removeSelected()
{
    std::vector<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows.push_back(i.row());
    std::sort(rows.rbegin(), rows.rend());
    for (int row : rows)
        m_entries.erase(m_entries.begin() + row);
    refresh();
}

void DkekSharesList::refresh()
{
    std::vector<DkekShareTable::Row> rows;
    for (const Entry &e : m_entries)
        rows.push_back({e.path, e.fromCustodianShares, e.kcv});
    DkekShareTable::fill(m_table, rows);
    Q_EMIT changed();
}
