// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmsharespage.h"

#include "dkek/dkekerror.h"
#include "dkek/dkeksharefile.h"
#include "dkek/keycheckvalue.h"
#include "p11/errortext.h"
#include "wizards/dkek/dkekshareopener.h"
#include "wizards/dkek/dkeksharetable.h"
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
    : m_wizard(wizard), m_opener(new DkekShareOpener(this)), m_device(new QLabel(this)), m_table(new QTableWidget(0, 3, this)),
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
    DkekShareTable::setUp(m_table);
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
        m_remove->setEnabled(!isOpening() && !m_table->selectedItems().isEmpty());
    });
    connect(m_opener, &DkekShareOpener::progress, m_progress, &QProgressBar::setValue);
    connect(m_opener, &DkekShareOpener::busyChanged, this, &SchsmSharesPage::setOpening);
    connect(m_opener, &DkekShareOpener::asking, this, [this] {
        // The dialog shows the derivation; the page's bar is for shares opened without one.
        m_progress->setVisible(false);
        m_cancelOpen->setVisible(false);
        Q_EMIT unlockAsked();
    });
    connect(m_opener, &DkekShareOpener::started, m_status, &QLabel::setText);
    connect(m_opener, &DkekShareOpener::opened, this, &SchsmSharesPage::opened);
    connect(m_opener, &DkekShareOpener::failed, this, [this](const QString &message) {
        m_status->setText(message);
        Q_EMIT shareRefused(message);
    });
    // The unlock dialog shows it and asks again: not a second time on the page.
    connect(m_opener, &DkekShareOpener::passwordRefused, this, [this](const QString &message) {
        m_status->clear();
        Q_EMIT passwordRefused(message);
    });
    m_opener->setDuplicateCheck([this](const OpenShareResult &r) -> QString {
        for (const SchsmImportState::Share &existing : m_wizard->state().shares)
            if (existing.input.kcv == r.kcv)
                return tr("%1 holds the same share as %2 (check value %3); it was not added again.")
                    .arg(QFileInfo(r.path).fileName(), existing.input.name, formatKeyCheckValue(r.kcv));
        return {};
    });
    setOpening(false);
}

bool SchsmSharesPage::isOpening() const { return m_opener->isBusy(); }

void SchsmSharesPage::setIterationCountForTesting(quint32 iterations) { m_opener->setIterations(iterations); }

void SchsmSharesPage::initializePage()
{
    setButtonText(QWizard::CommitButton, tr("&Import"));
    refresh();
}

void SchsmSharesPage::setOpening(bool opening)
{
    m_add->setEnabled(!opening);
    m_remove->setEnabled(!opening && !m_table->selectedItems().isEmpty());
    m_progress->setVisible(opening && m_opener->isRunning());
    m_cancelOpen->setVisible(opening && m_opener->isRunning());
    if (opening)
        m_progress->setValue(0);
    Q_EMIT completeChanged();
}

void SchsmSharesPage::chooseFiles()
{
    addShareFiles(QFileDialog::getOpenFileNames(this, tr("Open DKEK Shares"), QString(),
                                                tr("DKEK share files (*.pbe);;All files (*)")));
}

void SchsmSharesPage::addShareFiles(const QStringList &paths) { m_opener->addFiles(paths); }

void SchsmSharesPage::stopOpening() { m_opener->stop(); }

void SchsmSharesPage::opened(const OpenShareResult &r, bool fromCustodianShares)
{
    const QString name = QFileInfo(r.path).fileName();
    m_wizard->state().shares.push_back({DkekShareInput{name, r.kcv, r.share}, r.path, fromCustodianShares});
    m_status->setText(tr("Opened %1.").arg(name));
    refresh();
    Q_EMIT shareOpened(r.path);
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
                               : tr("Device %1: %2 of %n DKEK share(s) imported, %3 missing.", nullptr, d.total)
                                     .arg(s.status.serial)
                                     .arg(d.imported())
                                     .arg(d.outstanding));
    std::vector<DkekShareTable::Row> rows;
    for (const SchsmImportState::Share &share : s.shares)
        rows.push_back({share.path, share.fromCustodianShares, share.input.kcv});
    DkekShareTable::fill(m_table, rows);

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
            m_expected->setText(formatKeyCheckValue(s.plan.expectedKcv));
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
    return !isOpening() && !s.shares.empty() && s.plan.allowed();
}
