// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/tokencommanddialog.h"

#include "dialogs/resultfields.h"
#include "dialogs/dialogfit.h"
#include "p11/errortext.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

TokenCommandDialog::TokenCommandDialog(Inventory &inventory, TokenRef token, QWidget *parent)
    : QDialog(parent), m_inventory(inventory), m_token(std::move(token)), m_status(new QLabel(this)),
      m_error(new QLabel(this)), m_results(new ResultFields(this)), m_busy(new QProgressBar(this)),
      m_validation(new QLabel(this)), m_cancel(new QPushButton(tr("Cancel"), this))
{
    // Placed by addFormEnd(); a dialog that validates while it builds its fields may set
    // the sentence before that.
    m_validation->setWordWrap(true);
    m_validation->setStyleSheet(QStringLiteral("color: #b02020"));
    m_validation->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, &TokenCommandDialog::reject);
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status->hide();
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b02020"));
    m_error->hide();
    m_busy->setRange(0, 0);
    m_busy->setTextVisible(false);
    m_busy->hide();
}

void TokenCommandDialog::addStatusArea(QVBoxLayout *layout)
{
    layout->addWidget(m_status);
    layout->addWidget(m_results);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);
}

void TokenCommandDialog::addFormEnd(QVBoxLayout *layout, QPushButton *action)
{
    layout->addWidget(m_validation);
    addStatusArea(layout);
    layout->addStretch(1);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(action, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_cancel, QDialogButtonBox::RejectRole);
    m_cancel->show();
    layout->addWidget(buttons);
}

void TokenCommandDialog::setValidation(const QString &message)
{
    m_validation->setText(message);
    m_validation->setVisible(!message.isEmpty());
}

void TokenCommandDialog::offerClose() { m_cancel->setText(tr("Close")); }

QString TokenCommandDialog::statusText() const { return m_status->text(); }

QString TokenCommandDialog::errorText() const { return m_error->text(); }

QStringList TokenCommandDialog::resultValues() const { return m_results->values(); }

void TokenCommandDialog::setBusy(bool busy, const QString &text)
{
    m_isBusy = busy;
    m_busy->setVisible(busy);
    const auto boxes = findChildren<QDialogButtonBox *>();
    for (QDialogButtonBox *box : boxes)
        for (QAbstractButton *b : box->buttons())
            if (busy)
                b->setEnabled(false);
            else if (box->buttonRole(b) == QDialogButtonBox::RejectRole)
                b->setEnabled(true);
    if (busy) {
        setError({});
        setResultFields({});
        setStatus(text);
        Q_EMIT jobStarted();
    } else {
        // The "waiting for the token" line is over: a failure must not leave it standing
        // next to the error. Callers set the outcome's status after this.
        setStatus({});
    }
}

void TokenCommandDialog::setStatus(const QString &text)
{
    m_status->setText(text);
    m_status->setVisible(!text.isEmpty());
    DialogFit::grow(this);
}

void TokenCommandDialog::setError(const QString &text)
{
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    DialogFit::grow(this);
}

void TokenCommandDialog::setResultFields(const QList<QPair<QString, QString>> &fields)
{
    m_results->setFields(fields);
    DialogFit::grow(this);
}

void TokenCommandDialog::showFailure(const QString &operation, std::exception_ptr e)
{
    setError(describeFailure(operation, userError(e)));
}

void TokenCommandDialog::endJob(bool ok)
{
    setBusy(false);
    Q_EMIT tokenChanged(m_token);
    Q_EMIT jobFinished(ok);
}

bool TokenCommandDialog::refuseWhileBusy()
{
    if (!m_isBusy)
        return false;
    setStatus(tr("Waiting for the token: an operation in progress cannot be interrupted. The window can be "
                 "closed once it has finished."));
    return true;
}

void TokenCommandDialog::reject()
{
    if (!refuseWhileBusy())
        QDialog::reject();
}

void TokenCommandDialog::done(int result)
{
    if (!refuseWhileBusy())
        QDialog::done(result);
}
