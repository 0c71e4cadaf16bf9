// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/logindialog.h"

#include "dialogs/pin/pinstatuslabel.h"
#include "inventory/inventory.h"
#include "lifecycle/displayfield.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/pinstatus.h"
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
    v->addWidget(head);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::RichText);
    v->addWidget(m_status);
    auto *form = new QFormLayout;
    auto *who = new QHBoxLayout;
    who->addWidget(m_asUser);
    who->addWidget(m_asSo);
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

void LoginDialog::updateState()
{
    const PinRole role = userType() == CKU_SO ? PinRole::So : PinRole::User;
    const PinStatus pin = PinStatus::of(m_token.info, role);
    QString status = PinStatusLabel::html(m_token.info, role);
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
        ->setEnabled(!m_busy && !pin.locked() && lengthOk && (!pin.finalTry() || m_finalTryAck->isChecked()));
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!m_busy);
    // The state and error lines change length (a wrong PIN adds two sentences): grow
    // with them, or the wrapped labels overlap the form.
    if (isVisible())
        adjustSize();
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
    auto show = [this, e, role] {
        setBusy(false);
        m_finalTryAck->setChecked(false); // every last try needs its own confirmation
        m_pin->wipe();
        m_error->setStyleSheet(QStringLiteral("color: #b02020"));
        m_error->setText(e ? lifecycleError(e, m_token.info, role, role).text() : tr("The login was cancelled."));
        m_error->show();
        updateState();
        m_pin->setFocus();
        Q_EMIT tokenChanged(m_ref);
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

void LoginDialog::done(int r)
{
    if (m_busy) {
        Q_EMIT closeRefused(tr("Waiting for the token: a login in progress cannot be interrupted."));
        return;
    }
    m_pin->wipe();
    QDialog::done(r);
}
