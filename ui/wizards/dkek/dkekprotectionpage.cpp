// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekprotectionpage.h"

#include "dkek/createsharevalidator.h"
#include "dkek/dkekerror.h"
#include "dkek/opensslrandomsource.h"
#include "dkek/passwordsharing.h"
#include "dkek/passwordstrength.h"
#include "wizards/dkek/createdkeksharewizard.h"
#include "wizards/dkek/dkekcreatestate.h"
#include "widgets/secretedit.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSpinBox>
#include <QVBoxLayout>

DkekProtectionPage::DkekProtectionPage(DkekCreateState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Protect the Share"));
    setSubTitle(tr("Choose how the share file is protected."));
    setButtonText(QWizard::NextButton, tr("&Create Share File"));

    m_passwordMode = new QRadioButton(tr("With a &password I choose"));
    m_passwordMode->setObjectName(QStringLiteral("passwordMode"));
    m_custodianMode = new QRadioButton(tr("With a random password &split among key custodians (n-of-m)"));
    m_custodianMode->setObjectName(QStringLiteral("custodianMode"));
    m_passwordMode->setChecked(true);

    // Password
    m_passwordBox = new QGroupBox;
    m_password = new SecretEdit;
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_confirm = new SecretEdit;
    m_confirm->setObjectName(QStringLiteral("confirmEdit"));
    m_strengthBar = new QProgressBar;
    m_strengthBar->setRange(0, 100);
    m_strengthBar->setTextVisible(false);
    m_strengthBar->setMaximumHeight(8);
    m_strength = new QLabel;
    m_strength->setObjectName(QStringLiteral("strengthLabel"));
    m_strength->setWordWrap(true);
    auto *pwForm = new QFormLayout(m_passwordBox);
    pwForm->addRow(tr("Pass&word:"), m_password);
    pwForm->addRow(tr("&Repeat password:"), m_confirm);
    pwForm->addRow(QString(), m_strengthBar);
    pwForm->addRow(QString(), m_strength);
    auto *pwNote = new QLabel(tr("Anyone with the file can try passwords offline. Use a long passphrase (more "
                                 "than 10 characters, better several words) and keep it apart from the file."));
    pwNote->setWordWrap(true);
    pwForm->addRow(pwNote);

    // Custodians
    m_custodianBox = new QGroupBox;
    m_threshold = new QSpinBox;
    m_threshold->setObjectName(QStringLiteral("thresholdSpin"));
    m_threshold->setRange(PasswordSharing::kMinThreshold, PasswordSharing::kMaxTotal);
    m_threshold->setValue(2);
    m_total = new QSpinBox;
    m_total->setObjectName(QStringLiteral("totalSpin"));
    m_total->setRange(PasswordSharing::kMinTotal, PasswordSharing::kMaxTotal);
    m_total->setValue(3);
    // One translatable sentence; the spin boxes stand where its %1 and %2 are, in the
    // translation's word order.
    auto *counts = new QHBoxLayout;
    const QString sentence = tr("%1 of %2 custodians are needed to open the file");
    const QRegularExpression slot(QStringLiteral("%([12])"));
    qsizetype at = 0;
    for (auto it = slot.globalMatch(sentence); it.hasNext();) {
        const QRegularExpressionMatch m = it.next();
        const QString text = sentence.mid(at, m.capturedStart() - at).trimmed();
        if (!text.isEmpty())
            counts->addWidget(new QLabel(text));
        counts->addWidget(m.captured(1) == QLatin1String("1") ? m_threshold : m_total);
        at = m.capturedEnd();
    }
    if (const QString rest = sentence.mid(at).trimmed(); !rest.isEmpty())
        counts->addWidget(new QLabel(rest));
    counts->addStretch();
    m_custodianSummary = new QLabel;
    m_custodianSummary->setWordWrap(true);
    auto *cuLayout = new QVBoxLayout(m_custodianBox);
    cuLayout->addLayout(counts);
    cuLayout->addWidget(m_custodianSummary);

    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("protectionProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link);"));

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_passwordMode);
    layout->addWidget(m_passwordBox);
    layout->addWidget(m_custodianMode);
    layout->addWidget(m_custodianBox);
    layout->addWidget(m_problem);
    layout->addStretch();

    connect(m_passwordMode, &QRadioButton::toggled, this, &DkekProtectionPage::update);
    connect(m_password, &SecretEdit::textChanged, this, &DkekProtectionPage::update);
    connect(m_confirm, &SecretEdit::textChanged, this, &DkekProtectionPage::update);
    connect(m_threshold, &QSpinBox::valueChanged, this, &DkekProtectionPage::update);
    connect(m_total, &QSpinBox::valueChanged, this, [this](int total) {
        m_threshold->setMaximum(total);
        update();
    });
    update();
}

void DkekProtectionPage::initializePage()
{
    // Coming back from a cancelled derivation: the password was handed to the
    // worker and wiped, so it has to be typed again.
    m_password->wipe();
    m_confirm->wipe();
    m_state->wipeSecrets();
    update();
}

QString DkekProtectionPage::problem() const
{
    QString p = CreateShareValidator::checkProtection(m_state->params);
    // Only once both fields have text: "the passwords differ" while typing the first is noise.
    if (p.isEmpty() && m_state->params.protection == CreateShareParams::Protection::Password
        && !m_password->text().isEmpty() && !m_confirm->text().isEmpty())
        p = CreateShareValidator::checkPassword(m_password->peek(), m_confirm->peek());
    return p;
}

void DkekProtectionPage::update()
{
    const bool byPassword = m_passwordMode->isChecked();
    m_state->params.protection =
        byPassword ? CreateShareParams::Protection::Password : CreateShareParams::Protection::CustodianShares;
    m_state->params.threshold = m_threshold->value();
    m_state->params.total = m_total->value();
    m_passwordBox->setEnabled(byPassword);
    m_custodianBox->setEnabled(!byPassword);

    if (m_password->text().isEmpty()) {
        m_strength->clear();
        m_strengthBar->setValue(0);
    } else {
        const PasswordStrength s = PasswordStrength::estimate(m_password->peek());
        m_strength->setText(s.hint);
        m_strengthBar->setValue(qMin(100, s.bits)); // 100 bits and more: full bar
    }
    m_custodianSummary->setText(
        tr("TokenDesk makes a random 8-byte password and splits it so that any %1 of the %2 custodians can "
           "rebuild it, and fewer learn nothing. Each custodian's share is shown on its own page, one at a time, "
           "as sc-hsm-tool prints it (prime, share ID, share value). At most %3 custodians: sc-hsm-tool reads "
           "share IDs above 9 wrongly.")
            .arg(m_threshold->value())
            .arg(m_total->value())
            .arg(PasswordSharing::kMaxTotal));
    m_problem->setText(problem());
    Q_EMIT completeChanged();
}

bool DkekProtectionPage::isComplete() const
{
    if (m_state->params.protection == CreateShareParams::Protection::Password
        && (m_password->text().isEmpty() || m_confirm->text().isEmpty()))
        return false;
    return problem().isEmpty();
}

bool DkekProtectionPage::validatePage()
{
    if (!isComplete())
        return false;
    try {
        if (m_state->params.protection == CreateShareParams::Protection::Password) {
            m_state->password = m_password->take();
            m_confirm->wipe();
            m_state->custodians.reset();
        } else {
            OpenSslRandomSource rng; // a token's RNG can be plugged in here later
            m_state->custodians = PasswordSharing::generate(m_state->params.threshold, m_state->params.total, rng);
            m_state->password = m_state->custodians->password.clone();
        }
    } catch (const DkekError &e) {
        m_problem->setText(e.message());
        return false;
    }
    return true;
}

int DkekProtectionPage::nextId() const
{
    return CreateDkekShareWizard::DerivationPageId;
}
