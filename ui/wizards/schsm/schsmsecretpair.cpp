// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmsecretpair.h"

#include "widgets/secretedit.h"

#include <QApplication>
#include <QFocusEvent>
#include <QFormLayout>
#include <QLabel>

SchsmSecretPair::SchsmSecretPair(const QString &name, const QString &label, const QString &repeatLabel,
                                 QWidget *parent)
    : QWidget(parent), m_first(new SecretEdit(this)), m_repeat(new SecretEdit(this)), m_form(new QFormLayout(this))
{
    m_first->setObjectName(name);
    m_repeat->setObjectName(name + QStringLiteral("Repeat"));
    m_form->setContentsMargins(0, 0, 0, 0);
    auto *firstLabel = new QLabel(label, this);
    firstLabel->setBuddy(m_first);
    auto *secondLabel = new QLabel(repeatLabel, this);
    secondLabel->setBuddy(m_repeat);
    m_form->addRow(firstLabel, m_first);
    m_form->addRow(secondLabel, m_repeat);
    m_repeat->installEventFilter(this);
    connect(m_first, &QLineEdit::textChanged, this, &SchsmSecretPair::changed);
    connect(m_repeat, &QLineEdit::textChanged, this, &SchsmSecretPair::changed);
    connect(m_first, &QLineEdit::textEdited, this, &SchsmSecretPair::edited);
    connect(m_repeat, &QLineEdit::textEdited, this, &SchsmSecretPair::edited);
}

bool SchsmSecretPair::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == m_repeat && event->type() == QEvent::FocusOut) {
        // Leaving the field, not the window or for a menu.
        const Qt::FocusReason reason = static_cast<QFocusEvent *>(event)->reason();
        if (reason != Qt::ActiveWindowFocusReason && reason != Qt::PopupFocusReason && !m_repeatLeft) {
            m_repeatLeft = true;
            Q_EMIT changed();
        }
    }
    return QWidget::eventFilter(watched, event);
}

SecureBytes SchsmSecretPair::peek() const { return m_first->peek(); }

bool SchsmSecretPair::typed() const { return !m_first->text().isEmpty() || !m_repeat->text().isEmpty(); }

qsizetype SchsmSecretPair::utf8Length() const { return m_first->utf8Length(); }

bool SchsmSecretPair::matches() const { return !m_repeatShown || m_first->peek() == m_repeat->peek(); }

bool SchsmSecretPair::mismatchShown() const
{
    return !matches() && (!m_repeat->text().isEmpty() || m_repeatLeft);
}

bool SchsmSecretPair::containsFocus() const
{
    const QWidget *focus = QApplication::focusWidget();
    return focus && isAncestorOf(focus);
}

void SchsmSecretPair::wipe()
{
    m_first->wipe();
    m_repeat->wipe();
    m_repeatLeft = false;
}

void SchsmSecretPair::setMaxLength(int n)
{
    m_first->setMaxLength(n);
    m_repeat->setMaxLength(n);
}

void SchsmSecretPair::setPlaceholderText(const QString &text)
{
    m_first->setPlaceholderText(text);
    m_repeat->setPlaceholderText(text);
}

void SchsmSecretPair::setRepeatShown(bool shown)
{
    if (m_repeatShown == shown)
        return;
    m_repeatShown = shown;
    if (!shown)
        m_repeat->wipe(); // a hidden field keeps no secret
    m_form->setRowVisible(m_repeat, shown);
    Q_EMIT changed();
}

void SchsmSecretPair::focusFirst() { m_first->setFocus(); }

void SchsmSecretPair::focusFirstLater()
{
    QMetaObject::invokeMethod(
        m_first,
        [this] {
            if (m_first->isVisible() && m_first->isEnabled())
                m_first->setFocus();
        },
        Qt::QueuedConnection);
}
