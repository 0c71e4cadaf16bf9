// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/logindialog.h"

#include "inventory/p11text.h"
#include "widgets/secretedit.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

LoginDialog::LoginDialog(const TokenSnapshot &token, QWidget *parent)
    : QDialog(parent), m_token(token), m_protected(token.info.flags & CKF_PROTECTED_AUTHENTICATION_PATH),
      m_status(new QLabel(this)), m_error(new QLabel(this)), m_pin(new SecretEdit(this)),
      m_asUser(new QRadioButton(tr("User"), this)), m_asSo(new QRadioButton(tr("Security officer (SO)"), this)),
      m_finalTryAck(new QCheckBox(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Log in to “%1”").arg(token.label));
    auto *v = new QVBoxLayout(this);
    auto *head = new QLabel(tr("<b>%1</b><br>%2 %3, serial %4")
                                .arg(token.label.toHtmlEscaped(), token.id.manufacturer.toHtmlEscaped(),
                                     token.id.model.toHtmlEscaped(), token.id.serial.toHtmlEscaped()),
                            this);
    v->addWidget(head);
    m_status->setWordWrap(true);
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
    m_finalTryAck->setText(tr("I understand: if this PIN is wrong, the token locks."));
    v->addWidget(m_finalTryAck);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b02020"));
    m_error->hide();
    v->addWidget(m_error);
    v->addWidget(m_buttons);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Log in"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_pin, &SecretEdit::textChanged, this, &LoginDialog::updateState);
    connect(m_finalTryAck, &QCheckBox::toggled, this, &LoginDialog::updateState);
    connect(m_asUser, &QRadioButton::toggled, this, &LoginDialog::updateState);
    updateState();
}

LoginDialog::~LoginDialog() = default;

CK_USER_TYPE LoginDialog::userType() const { return m_asSo->isChecked() ? CKU_SO : CKU_USER; }

void LoginDialog::updateState()
{
    const CK_FLAGS f = m_token.info.flags;
    const bool so = userType() == CKU_SO;
    const bool locked = f & (so ? CKF_SO_PIN_LOCKED : CKF_USER_PIN_LOCKED);
    const bool finalTry = f & (so ? CKF_SO_PIN_FINAL_TRY : CKF_USER_PIN_FINAL_TRY);
    const bool low = f & (so ? CKF_SO_PIN_COUNT_LOW : CKF_USER_PIN_COUNT_LOW);
    QString status = so ? tr("SO-PIN: %1").arg(P11Text::soPinState(f)) : tr("User PIN: %1").arg(P11Text::userPinState(f));
    if (locked)
        status += so ? tr("<br><b>The SO-PIN is locked.</b> The token cannot be unblocked; only re-initialization (which erases it) helps.")
                     : tr("<br><b>The PIN is locked.</b> Logging in is not possible; the security officer must unblock it with the SO-PIN.");
    else if (finalTry)
        status += tr("<br><b>One try left.</b> A wrong PIN now locks the token.");
    else if (low)
        status += tr("<br>A wrong PIN was entered before; only a few tries are left.");
    if (m_protected)
        status += tr("<br>This reader has a PIN pad: after you click Log in, enter the PIN on the reader.");
    else
        status += tr("<br>PIN length: %1 to %2 characters.").arg(m_token.info.ulMinPinLen).arg(m_token.info.ulMaxPinLen);
    m_status->setText(status);
    m_finalTryAck->setVisible(finalTry && !locked);
    const qsizetype len = m_pin->utf8Length();
    const bool lengthOk = m_protected
        || (len > 0 && (m_token.info.ulMinPinLen == 0 || CK_ULONG(len) >= m_token.info.ulMinPinLen));
    m_pin->setEnabled(!locked);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!locked && lengthOk && (!finalTry || m_finalTryAck->isChecked()));
}

std::optional<SecureBytes> LoginDialog::takePin()
{
    if (m_protected)
        return std::nullopt;
    return m_pin->take();
}

void LoginDialog::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void LoginDialog::done(int r)
{
    if (r != QDialog::Accepted)
        m_pin->wipe();
    QDialog::done(r);
}
