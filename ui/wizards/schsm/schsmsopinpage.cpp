// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmsopinpage.h"

#include "schsm/initializedevicevalidator.h"
#include "widgets/secretedit.h"
#include "wizards/schsm/schsminitializewizard.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

SchsmSoPinPage::SchsmSoPinPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_status(new QLabel(this)), m_vendorDefault(new QRadioButton(this)),
      m_other(new QRadioButton(tr("&Another SO-PIN:"), this)), m_soPin(new SecretEdit(this)),
      m_finalTry(new QCheckBox(this)), m_message(new QLabel(this)), m_failure(new QLabel(this))
{
    setTitle(tr("Current SO-PIN"));
    setSubTitle(tr("The device checks its SO-PIN before it erases anything. A wrong SO-PIN changes nothing but "
                   "uses up one try."));
    m_status->setObjectName(QStringLiteral("soPinStatus"));
    m_vendorDefault->setObjectName(QStringLiteral("soPinDefault"));
    m_other->setObjectName(QStringLiteral("soPinOther"));
    m_soPin->setObjectName(QStringLiteral("currentSoPin"));
    m_finalTry->setObjectName(QStringLiteral("soFinalTryAck"));
    m_message->setObjectName(QStringLiteral("soPinMessage"));
    m_failure->setObjectName(QStringLiteral("soPinFailure"));
    m_vendorDefault->setText(tr("The vendor's default SO-PIN %1 (a device fresh from the factory)")
                                 .arg(QString::fromLatin1(reinterpret_cast<const char *>(
                                                              InitializeDeviceValidator::vendorDefaultSoPin().data()),
                                                          16)));
    m_soPin->setMaxLength(16);
    m_soPin->setPlaceholderText(tr("16 hexadecimal digits"));
    m_finalTry->setText(tr("I understand: if this SO-PIN is wrong, the SO-PIN locks and the device can never be "
                           "initialized again."));
    for (QLabel *l : {m_status, m_message, m_failure})
        l->setWordWrap(true);
    for (QLabel *l : {m_message, m_failure})
        l->setStyleSheet(QStringLiteral("color: #b02020"));
    m_other->setChecked(true);

    auto *otherRow = new QHBoxLayout;
    otherRow->addWidget(m_other);
    otherRow->addWidget(m_soPin, 1);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_status);
    v->addSpacing(6);
    v->addWidget(m_vendorDefault);
    v->addLayout(otherRow);
    v->addWidget(m_finalTry);
    v->addWidget(m_message);
    v->addWidget(m_failure);
    v->addStretch();

    connect(m_soPin, &QLineEdit::textChanged, this, &SchsmSoPinPage::bind);
    connect(m_other, &QRadioButton::toggled, this, &SchsmSoPinPage::bind);
    connect(m_finalTry, &QCheckBox::toggled, this, &SchsmSoPinPage::bind);
}

void SchsmSoPinPage::initializePage()
{
    showDeviceState();
    m_soPin->setFocus();
    bind();
}

void SchsmSoPinPage::showDeviceState()
{
    const SchsmStatus &s = m_wizard->state().status;
    m_status->setText(tr("Device %1 in %2. SO-PIN: %3.")
                          .arg(s.serial.isEmpty() ? tr("(serial unknown)") : s.serial, s.reader, s.soPin.text()));
    const bool finalTry = s.soPin.kind == PinState::Kind::TriesLeft && s.soPin.triesLeft == 1;
    m_finalTry->setChecked(false); // every last try needs its own tick
    m_finalTry->setVisible(finalTry);
    const bool locked = s.soPin.kind == PinState::Kind::Locked;
    for (QWidget *w : std::initializer_list<QWidget *>{m_vendorDefault, m_other, m_soPin})
        w->setEnabled(!locked);
}

void SchsmSoPinPage::bind()
{
    InitializeDeviceParams &p = m_wizard->state().params;
    m_soPin->setEnabled(m_other->isChecked() && m_other->isEnabled());
    p.currentSoPin = m_other->isChecked() ? m_soPin->peek() : InitializeDeviceValidator::vendorDefaultSoPin();
    p.confirmFinalSoPinTry = m_finalTry->isChecked();
    QString problem = InitializeDeviceValidator::device(p, m_wizard->state().status);
    const bool typed = !m_other->isChecked() || m_soPin->utf8Length() > 0;
    if (problem.isEmpty() && typed && !InitializeDeviceValidator::isHexSoPin(p.currentSoPin))
        problem = tr("The SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).");
    // A locked SO-PIN or a last try is said at once; a typing problem once something was typed.
    m_message->setText(problem);
    Q_EMIT completeChanged();
}

bool SchsmSoPinPage::isComplete() const
{
    const SchsmInitState &s = m_wizard->state();
    return InitializeDeviceValidator::isHexSoPin(s.params.currentSoPin)
        && InitializeDeviceValidator::device(s.params, s.status).isEmpty();
}

void SchsmSoPinPage::showFailure(const QString &message)
{
    showDeviceState();
    m_soPin->wipe();
    m_failure->setText(message);
    m_soPin->setFocus();
    bind();
}
