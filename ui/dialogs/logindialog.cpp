// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/logindialog.h"

#include "dialogs/pin/pinstatuslabel.h"
#include "inventory/inventory.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/pinstatus.h"
#include "schsm/schsmjobs.h"
#include "schsm/schsmreadersearch.h"
#include "schsm/schsmtokenlink.h"
#include "widgets/secretedit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

LoginDialog::LoginDialog(Inventory &inventory, const TokenRef &ref, const TokenSnapshot &token, QWidget *parent)
    : QDialog(parent), m_inventory(inventory), m_ref(ref), m_token(token),
      m_protected(token.info.flags & CKF_PROTECTED_AUTHENTICATION_PATH), m_status(new QLabel(this)),
      m_error(new QLabel(this)), m_pin(new SecretEdit(this)), m_asUser(new QRadioButton(tr("User"), this)),
      m_asSo(new QRadioButton(tr("Security officer (SO)"), this)), m_finalTryAck(new QCheckBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Log in to “%1”").arg(DisplayField::text(token.label)));
    m_status->setObjectName(QStringLiteral("pinStatus"));
    m_error->setObjectName(QStringLiteral("error"));
    m_pin->setObjectName(QStringLiteral("pin"));
    m_finalTryAck->setObjectName(QStringLiteral("finalTryAck"));
    auto *v = new QVBoxLayout(this);
    setMinimumWidth(fontMetrics().averageCharWidth() * 64);
    auto *head = new QLabel(tr("<b>%1</b><br>%2 %3, serial %4")
                                .arg(DisplayField::text(token.label).toHtmlEscaped(),
                                     DisplayField::text(token.id.manufacturer).toHtmlEscaped(),
                                     DisplayField::text(token.id.model).toHtmlEscaped(),
                                     DisplayField::text(token.id.serial).toHtmlEscaped()),
                            this);
    // A long manufacturer, model or label wraps inside the dialog's margins instead of
    // widening the dialog up to its edge.
    head->setObjectName(QStringLiteral("tokenHead"));
    head->setWordWrap(true);
    v->addWidget(head);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    v->addWidget(m_status);
    auto *form = new QFormLayout;
    auto *who = new QHBoxLayout;
    who->addWidget(m_asUser);
    who->addWidget(m_asSo);
    who->addStretch(1);
    m_asUser->setChecked(true);
    form->addRow(tr("Log in as:"), who);
    m_pin->setAccessibleName(tr("PIN"));
    if (token.info.ulMaxPinLen > 0 && token.info.ulMaxPinLen < 1024)
        m_pin->setMaxLength(int(token.info.ulMaxPinLen));
    form->addRow(tr("PIN:"), m_pin);
    v->addLayout(form);
    if (m_protected) {
        m_pin->hide();
        form->labelForField(m_pin)->hide();
    }
    m_finalTryAck->setText(tr("I understand: if this PIN is wrong, the PIN locks."));
    v->addWidget(m_finalTryAck);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020"));
    m_error->hide();
    v->addWidget(m_error);
    v->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    // Not accept(): the dialog closes only once the token said yes.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &LoginDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pin, &SecretEdit::textChanged, this, &LoginDialog::updateState);
    connect(m_finalTryAck, &QCheckBox::toggled, this, &LoginDialog::updateState);
    connect(m_asUser, &QRadioButton::toggled, this, [this] {
        m_finalTryAck->setChecked(false); // the confirmation was for the other PIN
        updateState();
    });
    updateState();
}

LoginDialog::~LoginDialog() = default;

CK_USER_TYPE LoginDialog::userType() const { return m_asSo->isChecked() ? CKU_SO : CKU_USER; }

namespace {
// The device's PIN state in the terms of PinStatus (for its advice and the last-try tick).
PinStatus asPinStatus(const PinState &device)
{
    PinStatus s;
    if (device.kind == PinState::Kind::Locked)
        s.state = PinStatus::State::Locked;
    else if (device.kind == PinState::Kind::TriesLeft && device.triesLeft == 1)
        s.state = PinStatus::State::FinalTry;
    return s;
}
} // namespace

std::optional<PinState> LoginDialog::devicePin() const
{
    if (!m_device)
        return std::nullopt;
    return userType() == CKU_SO ? m_device->soPin : m_device->userPin;
}

void LoginDialog::updateState()
{
    const PinRole role = userType() == CKU_SO ? PinRole::So : PinRole::User;
    const std::optional<PinState> device = devicePin();
    const PinStatus pin = device ? asPinStatus(*device) : PinStatus::of(m_token.info, role);
    QString status;
    if (m_readingDevice) {
        status = tr("Reading the tries left from the SmartCard-HSM device…");
    } else if (device) {
        const QString state = role == PinRole::So ? tr("SO-PIN: %1").arg(device->text())
                                                  : tr("User PIN: %1").arg(device->text());
        status = QStringLiteral("<b>%1</b>").arg(state.toHtmlEscaped());
        if (pin.locked() || pin.finalTry())
            status = QStringLiteral("<span style=\"color:#b02020\">%1</span>").arg(status);
        status += QStringLiteral("<br>")
            + tr("As the SmartCard-HSM device %1 reports it.").arg(m_device->serial).toHtmlEscaped();
        if (const QString advice = pin.advice(role); !advice.isEmpty())
            status += QStringLiteral("<br>") + advice.toHtmlEscaped();
    } else {
        status = PinStatusLabel::html(m_token.info, role);
    }
    if (m_protected)
        status += QStringLiteral("<br>") + tr("This reader has a PIN pad: after you click Log in, enter the PIN on the reader.");
    else
        status += QStringLiteral("<br>")
            + tr("PIN length: %1 to %2 characters.").arg(m_token.info.ulMinPinLen).arg(m_token.info.ulMaxPinLen);
    m_status->setText(status);
    m_finalTryAck->setVisible(pin.finalTry());
    const qsizetype len = m_pin->utf8Length();
    const bool lengthOk = m_protected
        || (len > 0 && (m_token.info.ulMinPinLen == 0 || CK_ULONG(len) >= m_token.info.ulMinPinLen));
    m_pin->setEnabled(!pin.locked() && !m_busy);
    for (QWidget *w : std::initializer_list<QWidget *>{m_asUser, m_asSo, m_finalTryAck})
        w->setEnabled(!m_busy);
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_busy && !m_readingDevice && !pin.locked() && lengthOk
                     && (!pin.finalTry() || m_finalTryAck->isChecked()));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!m_busy);
    // The state and error lines change length (a wrong PIN adds two sentences): grow
    // with them, or the wrapped labels overlap the form.
    if (isVisible())
        adjustSize();
}

void LoginDialog::showDeviceTries(SchsmJobs &jobs, SchsmReaderSearch &search, const QString &slotDescription)
{
    m_jobs = &jobs;
    m_slotDescription = slotDescription;
    // Log in stays usable while the readers are searched (a token of another kind must not
    // wait for PC/SC); it waits once the slot turned out to be a SmartCard-HSM's reader.
    m_lookingUp = true;
    const auto settled = [this] {
        m_lookingUp = false;
        updateState();
    };
    search.findReaders()
        .then(this,
              [this, settled](const QStringList &readers) {
                  m_reader = SchsmTokenLink::readerOf(m_slotDescription, readers);
                  if (m_reader.isEmpty())
                      settled(); // not a SmartCard-HSM's token: its flags
                  else
                      readDevice(settled);
              })
        .onCanceled(this, settled)
        .onFailed(this, [settled](const std::exception &) { settled(); }); // no PC/SC service: no device
}

void LoginDialog::readDevice(std::function<void()> then)
{
    m_readingDevice = true;
    updateState();
    const auto ended = [this, then](std::optional<SchsmStatus> status) {
        // Another card in the token's reader is not this token's device.
        if (status && !SchsmTokenLink::isDevice(m_slotDescription, m_token.id.serial, *status))
            status.reset();
        m_device = std::move(status);
        m_readingDevice = false;
        then();
    };
    m_jobs->readStatus(m_reader)
        .then(this, [ended](const SchsmStatus &s) { ended(s); })
        .onCanceled(this, [ended] { ended(std::nullopt); })
        .onFailed(this, [ended](const std::exception &) { ended(std::nullopt); });
}

void LoginDialog::setBusy(bool busy)
{
    m_busy = busy;
    updateState();
}

void LoginDialog::start()
{
    if (m_busy || !m_buttons->button(QDialogButtonBox::Ok)->isEnabled())
        return; // Enter in the field while the button is off: nothing to send
    const CK_USER_TYPE user = userType();
    std::optional<SecureBytes> pin;
    if (!m_protected)
        pin = m_pin->take();
    m_error->setText(m_protected ? tr("Enter the PIN on the reader…") : tr("Logging in…"));
    m_error->setStyleSheet(QString());
    m_error->show();
    setBusy(true);
    m_inventory.login(m_ref, user, std::move(pin))
        .then(this,
              [this, user] {
                  setBusy(false);
                  Q_EMIT tokenChanged(m_ref); // a login clears COUNT_LOW
                  Q_EMIT loggedIn(m_ref, user);
                  accept();
              })
        .onCanceled(this, [this] { failed(nullptr); })
        .onFailed(this, [this] { failed(std::current_exception()); });
}

void LoginDialog::failed(std::exception_ptr e)
{
    // Re-read the token: the flags after a wrong PIN say whether one try is left.
    const PinRole role = userType() == CKU_SO ? PinRole::So : PinRole::User;
    auto finish = [this, e, role] {
        setBusy(false);
        m_finalTryAck->setChecked(false); // every last try needs its own confirmation
        m_pin->wipe();
        m_error->setStyleSheet(QStringLiteral("color: #b02020"));
        m_error->setText(e ? errorText(e, role) : tr("The login was cancelled."));
        m_error->show();
        updateState();
        m_pin->setFocus();
        Q_EMIT tokenChanged(m_ref);
    };
    // A SmartCard-HSM: its tries as the device now reports them.
    auto show = [this, finish] {
        if (m_jobs && !m_reader.isEmpty())
            readDevice(finish);
        else
            finish();
    };
    m_inventory.tokenInfo(m_ref)
        .then(this,
              [this, show](const TokenSnapshot &t) {
                  m_token.info = t.info;
                  show();
              })
        .onCanceled(this, show)
        .onFailed(this, show);
}

QString LoginDialog::errorText(std::exception_ptr e, PinRole role) const
{
    UserError u = lifecycleError(e, m_token.info, role, role);
    const std::optional<PinState> device = devicePin();
    // The flags say nothing of the tries; the device does.
    if (u.rv == CKR_PIN_INCORRECT && device && device->kind == PinState::Kind::TriesLeft)
        u.sentence = role == PinRole::So
            ? tr("Wrong SO-PIN. The device reports %n tries left.", nullptr, device->triesLeft)
            : tr("Wrong PIN. The device reports %n tries left.", nullptr, device->triesLeft);
    else if (u.rv == CKR_PIN_INCORRECT && device && device->kind == PinState::Kind::Locked)
        u.sentence = role == PinRole::So ? tr("Wrong SO-PIN. The device reports the SO-PIN locked now.")
                                         : tr("Wrong PIN. The device reports the PIN locked now.");
    return u.text();
}

void LoginDialog::done(int r)
{
    if (m_busy) {
        Q_EMIT closeRefused(tr("Waiting for the token: a login in progress cannot be interrupted."));
        return;
    }
    m_pin->wipe();
    QDialog::done(r);
}
