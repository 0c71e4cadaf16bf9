// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/checkdkeksharesdialog.h"

#include "dkek/keycheckvalue.h"
#include "wizards/dkek/dkekshareslist.h"

#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

CheckDkekSharesDialog::CheckDkekSharesDialog(QWidget *parent) : QDialog(parent), m_shares(new DkekSharesList(this))
{
    setWindowTitle(tr("Check DKEK Shares"));

    auto *intro = new QLabel(tr("Open the share files you will import into the device, each with its password or "
                                "its custodians' shares. The device combines the shares into its DKEK; the KCV "
                                "below is what it will show once all of them are imported."));
    intro->setWordWrap(true);

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
    layout->addWidget(m_shares, 1);
    layout->addWidget(dkekBox);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &CheckDkekSharesDialog::reject);
    connect(m_expected, &QLineEdit::textChanged, this, &CheckDkekSharesDialog::refresh);
    connect(m_shares, &DkekSharesList::changed, this, &CheckDkekSharesDialog::refresh);
    connect(m_shares, &DkekSharesList::shareOpened, this, &CheckDkekSharesDialog::shareOpened);
    connect(m_shares, &DkekSharesList::shareFailed, this, &CheckDkekSharesDialog::shareFailed);
    connect(m_shares, &DkekSharesList::jobStopped, this, &CheckDkekSharesDialog::jobStopped);

    refresh();
    resize(680, 520);
}

CheckDkekSharesDialog::~CheckDkekSharesDialog() = default; // the list's opener stops its worker

int CheckDkekSharesDialog::shareCount() const { return int(m_shares->entries().size()); }

bool CheckDkekSharesDialog::isBusy() const { return m_shares->isRunning(); }

void CheckDkekSharesDialog::setIterationCountForTesting(quint32 iterations) { m_shares->setIterations(iterations); }

void CheckDkekSharesDialog::done(int result)
{
    m_shares->stop(); // the worker stops within milliseconds
    QDialog::done(result);
}

void CheckDkekSharesDialog::openShare(const QString &path, std::vector<SecureBytes> passwords,
                                      bool fromCustodianShares)
{
    m_shares->open(path, std::move(passwords), fromCustodianShares);
}

QString CheckDkekSharesDialog::shareKcv(int row) const
{
    return row >= 0 && row < shareCount() ? formatKeyCheckValue(m_shares->entries()[std::size_t(row)].kcv) : QString();
}

QString CheckDkekSharesDialog::combinedKcv() const
{
    if (m_shares->entries().empty())
        return {};
    std::vector<const SecureBytes *> shares;
    for (const DkekSharesList::Entry &e : m_shares->entries())
        shares.push_back(e.share.get());
    return formatKeyCheckValue(dkekKeyCheckValue(combineDkekShares(shares)));
}

void CheckDkekSharesDialog::refresh()
{
    const QString combined = combinedKcv();
    const std::size_t count = m_shares->entries().size();
    m_count->setText(count == 0 ? tr("No shares opened yet.")
                     : count == 1
                         ? tr("1 share: a device with one DKEK share shows this KCV.")
                         : tr("%1 shares: a device initialized for %1 DKEK shares shows this KCV after "
                              "importing all of them.")
                               .arg(count));
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
