// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmsopinpage.h"

#include "p11/errortext.h"
#include "schsm/initializedevicevalidator.h"
#include "schsm/schsmobjects.h"
#include "schsm/schsmerror.h"
#include "schsm/schsmjobs.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmsecretpair.h"

#include <QCheckBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

SchsmSoPinPage::SchsmSoPinPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_status(new QLabel(this)), m_vendorDefault(new QRadioButton(this)),
      m_other(new QRadioButton(tr("&Another SO-PIN:"), this)),
      m_soPin(new SchsmSecretPair(QStringLiteral("currentSoPin"), tr("&SO-PIN:"), tr("&Repeat the SO-PIN:"), this)),
      m_finalTry(new QCheckBox(this)), m_message(new QLabel(this)), m_failure(new QLabel(this))
{
    setTitle(tr("Current SO-PIN"));
    m_status->setObjectName(QStringLiteral("soPinStatus"));
    m_vendorDefault->setObjectName(QStringLiteral("soPinDefault"));
    m_other->setObjectName(QStringLiteral("soPinOther"));
    m_finalTry->setObjectName(QStringLiteral("soFinalTryAck"));
    m_message->setObjectName(QStringLiteral("soPinMessage"));
    m_failure->setObjectName(QStringLiteral("soPinFailure"));
    m_vendorDefault->setText(tr("The vendor's documented default SO-PIN %1 (a device fresh from the factory)")
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
    otherRow->addSpacing(24); // under the choice it belongs to
    otherRow->addWidget(m_soPin, 1);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_status);
    v->addSpacing(6);
    v->addWidget(m_vendorDefault);
    v->addWidget(m_other);
    v->addLayout(otherRow);
    v->addWidget(m_finalTry);
    v->addWidget(m_message);
    v->addWidget(m_failure);
    v->addStretch();

    connect(m_soPin, &SchsmSecretPair::changed, this, &SchsmSoPinPage::bind);
    connect(m_other, &QRadioButton::toggled, this, &SchsmSoPinPage::bind);
    connect(m_finalTry, &QCheckBox::toggled, this, &SchsmSoPinPage::bind);
    for (QRadioButton *choice : {m_vendorDefault, m_other})
        connect(choice, &QRadioButton::clicked, this, [this] { m_chosen = true; });
    connect(m_other, &QRadioButton::clicked, m_soPin, [this] { m_soPin->focusFirst(); });
    // Typing is choosing too: the device's contents, read later, must not switch the choice under it.
    connect(m_soPin, &SchsmSecretPair::edited, this, [this] { m_chosen = true; });
    // Whether an initialized device is still as it left the factory is known once its
    // objects are read (they usually are before the page shows).
    connect(wizard, &SchsmInitializeWizard::objectsRead, this, [this] {
        if (m_wizard->currentPage() != this || m_checking)
            return;
        showDeviceState();
        suggestChoice();
        bind();
    });
}

bool SchsmSoPinPage::looksAsFromTheFactory() const
{
    const SchsmInitState &s = m_wizard->state();
    return s.objectsState == SchsmInitState::Objects::Read
        && InitializeDeviceValidator::looksAsFromTheFactory(s.status, s.objects);
}

void SchsmSoPinPage::suggestChoice()
{
    if (m_chosen)
        return;
    // Fresh from the factory: the documented default is the likely answer (and the
    // next page then insists on a new SO-PIN); the user can still pick Another.
    const bool vendor = !m_wizard->state().status.initialized() || looksAsFromTheFactory();
    (vendor ? m_vendorDefault : m_other)->setChecked(true);
    bind();
    focusChoice();
}

// The field to type into when "Another SO-PIN" is the choice, so the user can type at
// once. Queued: QWizard gives the focus to the page's first focusable child after
// initializePage() (the vendor's default radio button), which would undo it.
void SchsmSoPinPage::focusChoice()
{
    QMetaObject::invokeMethod(
        this,
        [this] {
            if (m_wizard->currentPage() == this && m_other->isChecked() && m_soPin->isEnabled())
                m_soPin->focusFirst();
        },
        Qt::QueuedConnection);
}

void SchsmSoPinPage::initializePage()
{
    suggestChoice();
    showDeviceState();
    bind();
    focusChoice();
}

void SchsmSoPinPage::showDeviceState()
{
    const SchsmStatus &s = m_wizard->state().status;
    const QString serial = s.serial.isEmpty() ? tr("(serial unknown)") : s.serial;
    // INITIALIZE DEVICE checks the SO-PIN only when the device has one (OpenSC's
    // sc-hsm-tool, the emulation): a never-initialized device takes the given one as its SO-PIN.
    if (s.initialized())
        setSubTitle(tr("Next checks the SO-PIN with the device at once; nothing is erased before the last page. A "
                       "wrong SO-PIN changes nothing but uses up one try."));
    else
        setSubTitle(tr("Nothing is sent to the device before the last page. The device has no SO-PIN yet, so none "
                       "can be wrong and no try is used up: the one given here becomes its SO-PIN."));
    if (s.initialized() && looksAsFromTheFactory())
        m_status->setText(tr("Device %1 in %2 is as the vendor initialized it: nothing is stored on it and it has no "
                             "DKEK shares, so its SO-PIN is most likely the vendor's documented default. SO-PIN: %3.")
                              .arg(serial, s.reader, s.soPin.text()));
    else if (s.initialized())
        m_status->setText(tr("Device %1 in %2. SO-PIN: %3.").arg(serial, s.reader, s.soPin.text()));
    else
        m_status->setText(tr("Device %1 in %2 has never been initialized: the SO-PIN given now becomes its SO-PIN. "
                             "Start from the vendor's documented default (you then choose a new SO-PIN that "
                             "replaces it right after the initialization) or give your own.")
                              .arg(serial, s.reader));
    const bool finalTry = s.soPin.kind == PinState::Kind::TriesLeft && s.soPin.triesLeft == 1;
    // Never initialized: nothing checks the SO-PIN typed, so it is typed twice.
    m_soPin->setRepeatShown(!s.initialized());
    m_finalTry->setChecked(false); // every last try needs its own tick
    m_finalTry->setVisible(finalTry);
    const bool locked = s.soPin.kind == PinState::Kind::Locked;
    for (QWidget *w : std::initializer_list<QWidget *>{m_vendorDefault, m_other, m_soPin})
        w->setEnabled(!locked);
    m_finalTry->setEnabled(true);
}

void SchsmSoPinPage::bind()
{
    m_checked = false; // a changed choice is checked again
    InitializeDeviceParams &p = m_wizard->state().params;
    const bool typeable = m_other->isChecked() && m_other->isEnabled();
    // Disabling the focused field would pass the focus on to the wizard's buttons, where
    // Enter then pressed Cancel: it goes to the choice made instead.
    if (!typeable && m_soPin->containsFocus())
        m_vendorDefault->setFocus();
    m_soPin->setEnabled(typeable);
    p.currentSoPin = m_other->isChecked() ? m_soPin->peek() : InitializeDeviceValidator::vendorDefaultSoPin();
    p.confirmFinalSoPinTry = m_finalTry->isChecked();
    QString problem = InitializeDeviceValidator::device(p, m_wizard->state().status);
    const bool typed = !m_other->isChecked() || m_soPin->utf8Length() > 0;
    if (problem.isEmpty() && typed && !InitializeDeviceValidator::isHexSoPin(p.currentSoPin))
        problem = tr("The SO-PIN has exactly 16 hexadecimal digits (0-9, A-F).");
    // A mismatch once the repeat field was used, not while the first is being typed.
    if (problem.isEmpty() && m_other->isChecked() && m_soPin->mismatchShown())
        problem = tr("The two SO-PINs differ.");
    // A locked SO-PIN or a last try is said at once; a typing problem once something was typed.
    m_message->setText(problem);
    Q_EMIT completeChanged();
}

bool SchsmSoPinPage::isComplete() const
{
    const SchsmInitState &s = m_wizard->state();
    return !m_checking && InitializeDeviceValidator::isHexSoPin(s.params.currentSoPin)
        && (!m_other->isChecked() || m_soPin->matches())
        && InitializeDeviceValidator::device(s.params, s.status).isEmpty();
}

bool SchsmSoPinPage::validatePage()
{
    if (m_checked || !m_wizard->state().status.initialized())
        return true;
    if (!m_checking)
        checkWithDevice();
    return false; // Next again once the device has answered
}

// One VERIFY of the SO-PIN, now: a wrong SO-PIN costs the try here that the
// initialization would cost at the end, and a right one costs nothing.
void SchsmSoPinPage::checkWithDevice()
{
    m_checking = true;
    m_failure->setText(tr("Checking the SO-PIN with the device…"));
    m_failure->setStyleSheet(QString());
    for (QWidget *w : std::initializer_list<QWidget *>{m_vendorDefault, m_other, m_soPin, m_finalTry})
        w->setEnabled(false);
    m_wizard->beginJob();
    Q_EMIT completeChanged();
    const QString reader = m_wizard->state().reader;
    const PinState before = m_wizard->state().status.soPin;
    const auto ended = [this, reader, before](const QString &failure) {
        m_checking = false;
        m_wizard->endJob(false);
        if (!failure.isEmpty() || m_wizard->state().status.soPin != before)
            Q_EMIT m_wizard->deviceChanged(reader); // the SO-PIN's try counter changed
        if (failure.isEmpty()) {
            m_failure->clear();
            showDeviceState();
            bind();
            m_checked = true;
            m_wizard->next();
        } else {
            showFailure(failure);
        }
    };
    m_wizard->jobs()
        .checkSoPin(reader, m_wizard->state().params.clone())
        .then(this,
              [this, ended](const SchsmStatus &status) {
                  m_wizard->state().status = status;
                  ended({});
              })
        .onCanceled(this, [ended] { ended(tr("The SO-PIN could not be checked.")); })
        .onFailed(this,
                  [this, ended](const SchsmError &e) {
                      // The device's answer carries the tries left: no second command to find out.
                      if (e.code() == SchsmError::Code::StatusWord
                          && ((e.sw() & 0xFFF0) == 0x63C0 || e.sw() == 0x6983))
                          m_wizard->state().status.soPin = PinState::fromStatusWord(e.sw());
                      ended(e.changedNothing() ? e.messageNothingChanged() : e.message());
                  })
        .onFailed(this, [ended] { ended(userError(std::current_exception()).text()); });
}

void SchsmSoPinPage::showFailure(const QString &message)
{
    m_checked = false;
    m_chosen = true; // the refused choice is dropped below and not suggested again
    m_failure->setStyleSheet(QStringLiteral("color: #b02020"));
    showDeviceState();
    // The refused choice is not kept: the vendor's default is no longer picked and the
    // typed SO-PIN is gone, so nothing is sent again without a new decision.
    m_other->setChecked(true);
    m_soPin->wipe();
    m_failure->setText(message);
    bind();
    m_soPin->focusFirst();
}
