// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/pin/changepindialog.h"

#include "widgets/secretedit.h"
#include "dialogs/pin/pinstatuslabel.h"
#include "inventory/inventory.h"
#include "lifecycle/lifecycleerror.h"
#include "lifecycle/lifecyclejobs.h"
#include "lifecycle/pinchangevalidator.h"
#include "lifecycle/pinstatus.h"
#include "operations/tokenoperations.h"
#include "p11/pkcs11error.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace {
QLabel *wrapped(QWidget *parent, const char *name)
{
    auto *l = new QLabel(parent);
    l->setObjectName(QString::fromLatin1(name));
    l->setWordWrap(true);
    return l;
}
} // namespace

ChangePinDialog::ChangePinDialog(Inventory &inventory, const TokenRef &token, const TokenSnapshot &snapshot,
                                 PinChangeMode mode, QWidget *parent)
    : QDialog(parent), m_inventory(inventory), m_ref(token), m_snapshot(snapshot), m_mode(mode),
      m_header(wrapped(this, "header")), m_status(new PinStatusLabel(this)), m_currentLabel(new QLabel(this)),
      m_current(new SecretEdit(this)), m_newLabel(new QLabel(this)), m_new(new SecretEdit(this)),
      m_repeatLabel(new QLabel(this)), m_repeat(new SecretEdit(this)), m_hint(wrapped(this, "hint")),
      m_finalTryAck(new QCheckBox(this)), m_stayLoggedIn(new QCheckBox(this)), m_message(wrapped(this, "message")),
      m_error(wrapped(this, "error")), m_progress(new QProgressBar(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)), m_action(new QPushButton(this)),
      m_unblockInstead(new QPushButton(tr("&Unblock with SO-PIN…"), this)),
      m_initializeInstead(new QPushButton(tr("&Initialize Token…"), this))
{
    m_status->setObjectName(QStringLiteral("pinStatus"));
    m_current->setObjectName(QStringLiteral("currentPin"));
    m_new->setObjectName(QStringLiteral("newPin"));
    m_repeat->setObjectName(QStringLiteral("repeatPin"));
    m_finalTryAck->setObjectName(QStringLiteral("finalTryAck"));
    m_stayLoggedIn->setObjectName(QStringLiteral("stayLoggedIn"));
    m_progress->setObjectName(QStringLiteral("progress"));
    m_action->setObjectName(QStringLiteral("actionButton"));
    m_unblockInstead->setObjectName(QStringLiteral("unblockInstead"));
    m_initializeInstead->setObjectName(QStringLiteral("initializeInstead"));

    m_header->setTextFormat(Qt::RichText);
    m_header->setText(tr("<b>%1</b><br>%2 %3, serial %4")
                          .arg(snapshot.label.toHtmlEscaped(), snapshot.id.manufacturer.toHtmlEscaped(),
                               snapshot.id.model.toHtmlEscaped(), snapshot.id.serial.toHtmlEscaped()));
    m_error->setStyleSheet(QStringLiteral("color: #b02020"));
    m_error->setTextFormat(Qt::RichText);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    m_progress->setRange(0, 0); // a running C_ call cannot report progress, nor be interrupted
    m_progress->setFormat(tr("Waiting for the token…"));
    m_progress->setTextVisible(true);

    auto *form = new QFormLayout;
    form->addRow(m_currentLabel, m_current);
    form->addRow(m_newLabel, m_new);
    form->addRow(m_repeatLabel, m_repeat);

    auto *v = new QVBoxLayout(this);
    v->addWidget(m_header);
    v->addWidget(m_status);
    v->addSpacing(6);
    v->addLayout(form);
    v->addWidget(m_hint);
    v->addWidget(m_finalTryAck);
    v->addWidget(m_stayLoggedIn);
    v->addWidget(m_message);
    v->addWidget(m_error);
    v->addWidget(m_progress);
    v->addStretch();
    v->addWidget(m_buttons);

    m_buttons->addButton(m_action, QDialogButtonBox::AcceptRole);
    m_buttons->addButton(m_unblockInstead, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_initializeInstead, QDialogButtonBox::ActionRole);
    m_action->setDefault(true);
    // Accepting starts the job; the dialog closes only through Close/Cancel.
    connect(m_action, &QPushButton::clicked, this, &ChangePinDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_unblockInstead, &QPushButton::clicked, this, [this] { setMode(PinChangeMode::Unblock); });
    connect(m_initializeInstead, &QPushButton::clicked, this, [this] {
        Q_EMIT initializeRequested(m_ref);
        reject();
    });
    for (SecretEdit *e : {m_current, m_new, m_repeat})
        connect(e, &QLineEdit::textChanged, this, &ChangePinDialog::updateState);
    connect(m_finalTryAck, &QCheckBox::toggled, this, &ChangePinDialog::updateState);

    m_progress->hide();
    m_error->hide();
    applyMode();
    setMinimumWidth(480);

    // Whether our session is logged in decides what the dialog offers ("stay logged in",
    // "you will be logged out"); the snapshot from a scan does not know it, the session does.
    TokenOperations::loginState(m_inventory, m_ref)
        .then(this,
              [this](const TokenOperations::LoginState &state) {
                  m_snapshot.loggedIn = state.loggedIn;
                  m_snapshot.loggedInAs = state.as;
                  updateState();
              })
        .onFailed(this, [] {}); // the operation itself will report what is wrong with the token
}

ChangePinDialog::~ChangePinDialog() { wipeFields(); }

void ChangePinDialog::setMode(PinChangeMode mode)
{
    if (m_busy)
        return;
    m_mode = mode;
    m_succeeded = false;
    m_error->hide();
    applyMode();
}

void ChangePinDialog::applyMode()
{
    wipeFields();
    m_finalTryAck->setChecked(false);
    const bool pinPad = m_snapshot.info.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    const bool userPinSet = PinStatus::of(m_snapshot.info, PinRole::User).state != PinStatus::State::NotSet;
    const QString label = m_snapshot.label;
    QString pinPadText;
    QString unblockText;
    switch (m_mode) {
    case PinChangeMode::User:
        setWindowTitle(tr("Change PIN — %1").arg(label));
        m_action->setText(tr("&Change PIN"));
        m_currentLabel->setText(tr("Current PIN:"));
        m_newLabel->setText(tr("New PIN:"));
        m_repeatLabel->setText(tr("Repeat new PIN:"));
        m_status->setPins(m_snapshot.info, {PinRole::User});
        pinPadText = tr("This reader has a PIN pad. After you click Change PIN, enter the current PIN and then the "
                        "new PIN on the reader when it asks.");
        break;
    case PinChangeMode::So:
        setWindowTitle(tr("Change SO-PIN — %1").arg(label));
        m_action->setText(tr("&Change SO-PIN"));
        m_currentLabel->setText(tr("Current SO-PIN:"));
        m_newLabel->setText(tr("New SO-PIN:"));
        m_repeatLabel->setText(tr("Repeat new SO-PIN:"));
        m_status->setPins(m_snapshot.info, {PinRole::So});
        pinPadText = tr("This reader has a PIN pad. After you click Change SO-PIN, enter the SO-PIN on the reader "
                        "to log in, then the current and the new SO-PIN when it asks.");
        break;
    case PinChangeMode::Unblock:
        unblockText = userPinSet ? tr("The security officer sets a new user PIN with the SO-PIN; this also lifts a "
                                      "lock. The user's keys and certificates stay.")
                                 : tr("The security officer sets the first user PIN with the SO-PIN.");
        setWindowTitle((userPinSet ? tr("Unblock PIN — %1") : tr("Set user PIN — %1")).arg(label));
        m_action->setText(userPinSet ? tr("&Unblock PIN") : tr("&Set PIN"));
        m_currentLabel->setText(tr("SO-PIN:"));
        m_newLabel->setText(tr("New user PIN:"));
        m_repeatLabel->setText(tr("Repeat new user PIN:"));
        m_status->setPins(m_snapshot.info, {PinRole::User, PinRole::So});
        pinPadText = tr("This reader has a PIN pad. After you click %1, enter the SO-PIN on the reader, then the "
                        "new user PIN when it asks.")
                         .arg(m_action->text().remove(QLatin1Char('&')));
        break;
    }
    const PinRules verifiedRules = PinRules::forToken(m_snapshot.info, verifiedRole(m_mode));
    const PinRules newRules = PinRules::forToken(m_snapshot.info, newPinRole(m_mode));
    QString hint = unblockText.isEmpty() ? QString() : unblockText + QLatin1Char(' ');
    if (pinPad) {
        hint += pinPadText;
    } else {
        hint += newPinRole(m_mode) == PinRole::So ? tr("A new SO-PIN on this token has %1.").arg(newRules.lengthText())
                                                 : tr("A new PIN on this token has %1.").arg(newRules.lengthText());
        if (m_mode == PinChangeMode::Unblock && verifiedRules.sixteenHexDigits)
            hint += QLatin1Char(' ') + tr("The SO-PIN of a SmartCard-HSM / Nitrokey HSM is 16 hexadecimal digits.");
    }
    m_hintText = hint;
    m_finalTryAck->setText(verifiedRole(m_mode) == PinRole::So
                               ? tr("I understand: if this SO-PIN is wrong, the SO-PIN locks for good.")
                               : tr("I understand: if this PIN is wrong, the PIN locks."));
    m_stayLoggedIn->setText(tr("Stay logged in to this token afterwards (the PIN itself is not kept)"));
    m_stayLoggedIn->setChecked(false);
    updateState();
    if (!pinPad)
        m_current->setFocus();
}

PinChangeParams ChangePinDialog::currentParams() const
{
    PinChangeParams p;
    p.mode = m_mode;
    p.token = m_snapshot.info;
    p.currentPin = m_current->peek();
    p.newPin = m_new->peek();
    p.newPinConfirmation = m_repeat->peek();
    p.finalTryAcknowledged = m_finalTryAck->isChecked();
    return p;
}

void ChangePinDialog::updateState()
{
    const CK_TOKEN_INFO &ti = m_snapshot.info;
    const QString state = PinChangeValidator::checkState(m_mode, ti);
    const PinStatus verified = PinStatus::of(ti, verifiedRole(m_mode));
    const bool userBlocked = m_mode == PinChangeMode::User
        && (PinStatus::of(ti, PinRole::User).locked()
            || PinStatus::of(ti, PinRole::User).state == PinStatus::State::NotSet);
    const bool soLocked = m_mode != PinChangeMode::User && PinStatus::of(ti, PinRole::So).locked();
    const bool usable = state.isEmpty() && !m_succeeded;

    // Fields only where they can be used: not for a PIN pad, not when the operation is
    // impossible (locked, no user PIN), not after success.
    const bool pinPad = ti.flags & CKF_PROTECTED_AUTHENTICATION_PATH;
    for (QWidget *w : std::initializer_list<QWidget *>{m_currentLabel, m_current, m_newLabel, m_new, m_repeatLabel,
                                                       m_repeat})
        w->setVisible(usable && !pinPad);
    m_hint->setVisible(usable);
    const bool userSession = m_snapshot.loggedIn && m_snapshot.loggedInAs == CKU_USER;
    m_hint->setText(m_mode != PinChangeMode::User && userSession
                        ? m_hintText + QLatin1Char(' ')
                            + tr("You will be logged out of this token: only one of user and security officer can "
                                 "be logged in at a time.")
                        : m_hintText);
    for (SecretEdit *e : {m_current, m_new, m_repeat})
        e->setEnabled(usable && !m_busy);
    // Who is logged in stays logged in; the choice is only for a user not logged in yet.
    m_stayLoggedIn->setVisible(usable && m_mode == PinChangeMode::User && !userSession);
    m_finalTryAck->setVisible(usable && verified.finalTry());
    m_finalTryAck->setEnabled(!m_busy);
    m_stayLoggedIn->setEnabled(!m_busy);
    m_unblockInstead->setVisible(userBlocked && !m_succeeded && (ti.flags & CKF_TOKEN_INITIALIZED));
    m_unblockInstead->setEnabled(!m_busy);
    m_initializeInstead->setVisible(soLocked);
    m_action->setVisible(!m_succeeded);

    PinChangeParams p = currentParams();
    const QString problem = PinChangeValidator::check(p);
    p.wipeSecrets();
    m_action->setEnabled(!m_busy && problem.isEmpty());
    // An empty form needs no sermon: show the problem once the user has typed something,
    // and always the ones that block the operation.
    const bool typed = !m_current->text().isEmpty() || !m_new->text().isEmpty() || !m_repeat->text().isEmpty();
    m_message->setText(!state.isEmpty() || typed || m_finalTryAck->isVisibleTo(this) ? problem : QString());
    m_message->setVisible(!m_message->text().isEmpty() && !m_succeeded);
    growToFit();
}

void ChangePinDialog::growToFit()
{
    // Messages appear and disappear; without a window manager's help (and with some)
    // the dialog would keep its first height and squeeze the PIN fields instead.
    if (!isVisible())
        return;
    layout()->activate();
    const int wanted = sizeHint().height();
    if (height() < wanted)
        resize(width(), wanted);
}

void ChangePinDialog::start()
{
    PinChangeParams p = currentParams();
    const bool ok = PinChangeValidator::check(p).isEmpty();
    p.wipeSecrets();
    if (m_busy || !ok)
        return;
    PinChangeRequest request;
    request.mode = m_mode;
    if (!(m_snapshot.info.flags & CKF_PROTECTED_AUTHENTICATION_PATH)) {
        request.currentPin = m_current->take();
        request.newPin = m_new->take();
    }
    wipeFields();
    request.stayLoggedIn = m_stayLoggedIn->isVisibleTo(this) && m_stayLoggedIn->isChecked();
    m_error->hide();
    setBusy(true);
    // No argument in onFailed: catches every exception, and std::current_exception() inside is it.
    LifecycleJobs::changePin(m_inventory, m_ref, std::move(request))
        .then(this, [this] { finished(nullptr); })
        .onCanceled(this, [this] { finished(std::make_exception_ptr(TokenDeskError(tr("The operation was cancelled before it reached the token.")))); })
        .onFailed(this, [this] { finished(std::current_exception()); });
}

void ChangePinDialog::finished(std::exception_ptr failure)
{
    // Re-read the token either way: after a failure its flags say how many tries are
    // left; after success the old warnings (count low) are gone.
    m_inventory.tokenInfo(m_ref)
        .then(this,
              [this, failure](const TokenSnapshot &t) {
                  const bool loggedIn = m_snapshot.loggedIn;
                  const CK_USER_TYPE as = m_snapshot.loggedInAs;
                  const bool demo = m_snapshot.isDemo;
                  m_snapshot = t;
                  m_snapshot.loggedIn = loggedIn;
                  m_snapshot.loggedInAs = as;
                  m_snapshot.isDemo = demo;
                  showOutcome(failure);
              })
        .onCanceled(this, [this, failure] { showOutcome(failure); })
        .onFailed(this, [this, failure] { showOutcome(failure); });
}

void ChangePinDialog::showOutcome(std::exception_ptr failure)
{
    setBusy(false);
    m_finalTryAck->setChecked(false); // every further try needs its own confirmation
    if (failure) {
        const UserError e = lifecycleError(failure, m_snapshot.info, verifiedRole(m_mode), newPinRole(m_mode));
        m_error->setStyleSheet(QStringLiteral("color: #b02020"));
        m_error->setText(e.text().toHtmlEscaped());
        m_error->show();
    } else {
        m_succeeded = true;
        QString done;
        switch (m_mode) {
        case PinChangeMode::User: done = tr("The PIN was changed."); break;
        case PinChangeMode::So: done = tr("The SO-PIN was changed."); break;
        case PinChangeMode::Unblock: done = tr("The new user PIN is set; the user can log in with it."); break;
        }
        m_error->setStyleSheet(QString());
        m_error->setText(QStringLiteral("<b>%1</b>").arg(done.toHtmlEscaped()));
        m_error->show();
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("Close"));
    }
    m_status->setPins(m_snapshot.info, m_mode == PinChangeMode::Unblock ? QList<PinRole>{PinRole::User, PinRole::So}
                                                                        : QList<PinRole>{verifiedRole(m_mode)});
    updateState();
    if (!failure)
        Q_EMIT pinChanged(m_ref);
    Q_EMIT tokenChanged(m_ref);
}

void ChangePinDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_progress->setVisible(busy);
    m_buttons->button(QDialogButtonBox::Cancel)->setEnabled(!busy);
    updateState();
}

void ChangePinDialog::wipeFields()
{
    for (SecretEdit *e : {m_current, m_new, m_repeat})
        e->wipe();
}

void ChangePinDialog::done(int r)
{
    // A running C_ call cannot be interrupted; the result must be seen, and the
    // tree told, so the dialog stays until the token has answered.
    if (m_busy)
        return;
    wipeFields();
    QDialog::done(r);
}
