// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/unlockdkeksharedialog.h"

#include "dkek/dkekerror.h"
#include "dkek/passwordsharing.h"
#include "widgets/secretedit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

UnlockDkekShareDialog::UnlockDkekShareDialog(const QString &path, QWidget *parent) : QDialog(parent)
{
    setWindowTitle(tr("Open DKEK Share"));

    auto *file = new QLabel(tr("Open %1").arg(QDir::toNativeSeparators(QFileInfo(path).fileName())));
    file->setToolTip(QDir::toNativeSeparators(path));
    QFont bold = file->font();
    bold.setBold(true);
    file->setFont(bold);

    m_passwordMode = new QRadioButton(tr("With its &password"));
    m_passwordMode->setObjectName(QStringLiteral("unlockPasswordMode"));
    m_passwordMode->setChecked(true);
    m_password = new SecretEdit;
    m_password->setObjectName(QStringLiteral("unlockPasswordEdit"));

    m_custodianMode = new QRadioButton(tr("With key &custodians' shares (n-of-m)"));
    m_custodianMode->setObjectName(QStringLiteral("unlockCustodianMode"));
    m_custodianBox = new QGroupBox;
    m_prime = new QLineEdit;
    m_prime->setObjectName(QStringLiteral("primeEdit"));
    m_prime->setPlaceholderText(tr("hexadecimal, as on the custodian's sheet"));
    m_id = new QLineEdit;
    m_id->setObjectName(QStringLiteral("shareIdEdit"));
    m_id->setMaximumWidth(80);
    m_value = new SecretEdit;
    m_value->setObjectName(QStringLiteral("shareValueEdit"));
    m_value->setPlaceholderText(tr("hexadecimal, as on the custodian's sheet"));
    m_showValue = new QCheckBox(tr("Show"));
    m_add = new QPushButton(tr("&Add Share"));
    m_add->setObjectName(QStringLiteral("addShareButton"));
    auto *restart = new QPushButton(tr("Start &Over"));
    m_entered = new QLabel;
    m_entered->setObjectName(QStringLiteral("enteredLabel"));

    auto *valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value);
    valueRow->addWidget(m_showValue);
    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_add);
    addRow->addWidget(m_entered, 1);
    addRow->addWidget(restart);
    auto *form = new QFormLayout(m_custodianBox);
    auto *howto = new QLabel(tr("Each custodian in turn types the values from their sheet and presses Enter (Add "
                                "Share); the share then leaves the screen. Enter as many shares as the file needs, "
                                "then Open."));
    howto->setWordWrap(true);
    form->addRow(howto);
    form->addRow(tr("P&rime:"), m_prime);
    form->addRow(tr("Share &ID:"), m_id);
    auto *valueLabel = new QLabel(tr("Share &value:"));
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, valueRow);
    form->addRow(addRow);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("unlockProblem"));
    m_problem->setWordWrap(true);

    m_progress = new QProgressBar;
    m_progress->setObjectName(QStringLiteral("unlockProgress"));
    m_progress->setRange(0, 1000); // DkekShareJobs::kProgressMaximum
    // The status line and the bar have their room from the start: the dialog keeps its size
    // while the key is derived (it grew, and squeezed the custodians' box, when they appeared).
    QSizePolicy keepRoom = m_progress->sizePolicy();
    keepRoom.setRetainSizeWhenHidden(true);
    m_progress->setSizePolicy(keepRoom);
    m_progress->hide();
    m_problem->setMinimumHeight(m_problem->fontMetrics().lineSpacing() * 2);
    m_problem->setAlignment(Qt::AlignLeft | Qt::AlignTop);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    m_open = buttons->addButton(tr("&Open"), QDialogButtonBox::AcceptRole);
    m_open->setObjectName(QStringLiteral("openButton"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addWidget(m_passwordMode);
    layout->addWidget(m_password);
    layout->addWidget(m_custodianMode);
    layout->addWidget(m_custodianBox);
    layout->addWidget(m_problem);
    layout->addWidget(m_progress);
    layout->addWidget(buttons);
    // Only now, with the buttons inside this dialog: a default set while they had no
    // dialog parent is not this dialog's main default, and QDialog then makes the first
    // auto-default button (Add Share) the default, so Enter in the password did nothing.
    for (QPushButton *b : {m_add, restart})
        b->setAutoDefault(false);
    m_open->setDefault(true);
    m_password->setFocus();

    connect(buttons, &QDialogButtonBox::accepted, this, &UnlockDkekShareDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &UnlockDkekShareDialog::reject);
    connect(m_passwordMode, &QRadioButton::toggled, this, &UnlockDkekShareDialog::update);
    connect(m_password, &SecretEdit::textChanged, this, &UnlockDkekShareDialog::update);
    connect(m_value, &SecretEdit::textChanged, this, &UnlockDkekShareDialog::update);
    connect(m_add, &QPushButton::clicked, this, &UnlockDkekShareDialog::addCustodianShare);
    connect(restart, &QPushButton::clicked, this, &UnlockDkekShareDialog::startOver);
    connect(m_showValue, &QCheckBox::toggled, this, [this](bool show) {
        m_value->setRevealed(show);
    });
    update();
    resize(520, sizeHint().height());
}

UnlockDkekShareDialog::~UnlockDkekShareDialog()
{
    m_password->wipe();
    m_value->wipe();
}

bool UnlockDkekShareDialog::fromCustodianShares() const
{
    return m_custodianMode->isChecked();
}

std::vector<SecureBytes> UnlockDkekShareDialog::takePasswords()
{
    return std::move(m_passwords);
}

void UnlockDkekShareDialog::update()
{
    const bool custodians = m_custodianMode->isChecked();
    m_password->setEnabled(!custodians);
    m_custodianBox->setEnabled(custodians);
    m_prime->setReadOnly(!m_shares.empty()); // every share of one password has the same prime
    QStringList ids;
    for (const CustodianShare &s : m_shares)
        ids << s.idText();
    if (m_shares.empty())
        m_entered->setText(tr("No shares entered yet."));
    else if (m_shares.size() == 1)
        m_entered->setText(tr("1 share entered (ID %1).").arg(ids.front()));
    else
        m_entered->setText(tr("%1 shares entered (IDs %2).").arg(m_shares.size()).arg(ids.join(QStringLiteral(", "))));
    m_add->setEnabled(custodians && !m_value->text().isEmpty());
    // Enter adds a typed share (the next custodian then types theirs); with nothing typed it opens.
    m_add->setDefault(m_add->isEnabled());
    m_open->setDefault(!m_add->isEnabled());
    m_open->setEnabled(custodians ? m_shares.size() + (m_value->text().isEmpty() ? 0 : 1) >= 2
                                  : !m_password->text().isEmpty());
}

bool UnlockDkekShareDialog::addCustodianShare()
{
    try {
        SecureBytes value = m_value->peek();
        CustodianShare share = CustodianShare::parse(m_prime->text(), m_id->text(), value);
        for (const CustodianShare &s : m_shares)
            if (s.id() == share.id())
                throw DkekError::invalidCustodianShare(tr("Share ID %1 was already entered.").arg(share.id()));
        m_shares.push_back(std::move(share));
    } catch (const DkekError &e) {
        setProblem(e.message());
        return false;
    }
    m_value->wipe();
    m_id->clear();
    m_showValue->setChecked(false);
    m_problem->clear();
    m_id->setFocus();
    update();
    return true;
}

void UnlockDkekShareDialog::startOver()
{
    m_shares.clear();
    m_value->wipe();
    m_id->clear();
    m_prime->clear();
    m_problem->clear();
    update();
}

void UnlockDkekShareDialog::setOpening(bool opening, const QString &text)
{
    m_opening = opening;
    for (QWidget *w : std::initializer_list<QWidget *>{m_passwordMode, m_custodianMode, m_password, m_custodianBox})
        w->setEnabled(!opening);
    m_progress->setVisible(opening);
    m_progress->setValue(0);
    if (opening)
        setProblem(text, false);
    if (!opening)
        update();
    else
        m_open->setEnabled(false);
}

void UnlockDkekShareDialog::setProblem(const QString &text, bool error)
{
    // The error style of the other dialogs (dark red); a note in the normal colour.
    m_problem->setStyleSheet(error ? QStringLiteral("color: #b02020") : QString());
    m_problem->setText(text);
}

void UnlockDkekShareDialog::setProgress(int value) { m_progress->setValue(value); }

void UnlockDkekShareDialog::showWrongPassword(const QString &message)
{
    setOpening(false);
    if (fromCustodianShares()) {
        startOver(); // which share was wrong cannot be told: the custodians enter theirs again
        m_prime->setFocus();
    } else {
        m_password->wipe();
        m_password->setFocus();
    }
    setProblem(message);
    update();
}

void UnlockDkekShareDialog::finishOpened()
{
    m_opening = false;
    QDialog::accept();
}

void UnlockDkekShareDialog::accept()
{
    if (m_opening)
        return; // Enter while the file is being opened
    m_passwords.clear();
    const auto proceed = [this] {
        if (m_staysOpen)
            Q_EMIT openRequested();
        else
            QDialog::accept();
    };
    if (!fromCustodianShares()) {
        if (m_password->text().isEmpty())
            return;
        m_passwords.push_back(m_password->take());
        proceed();
        return;
    }
    // A share still in the fields counts: the last custodian need not click Add.
    if (!m_value->text().isEmpty() && !addCustodianShare())
        return;
    try {
        std::vector<const CustodianShare *> shares;
        for (const CustodianShare &s : m_shares)
            shares.push_back(&s);
        m_passwords = PasswordSharing::passwordCandidates(PasswordSharing::reconstruct(shares));
    } catch (const DkekError &e) {
        setProblem(e.message());
        return;
    }
    m_shares.clear();
    proceed();
}
