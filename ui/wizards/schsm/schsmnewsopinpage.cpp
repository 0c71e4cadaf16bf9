// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/schsm/schsmnewsopinpage.h"

#include "schsm/initializedevicevalidator.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmsecretpair.h"

#include <QCheckBox>
#include <QLabel>
#include <QVBoxLayout>

SchsmNewSoPinPage::SchsmNewSoPinPage(SchsmInitializeWizard *wizard)
    : m_wizard(wizard), m_intro(new QLabel(this)),
      m_change(new QCheckBox(tr("&Change the SO-PIN right after the initialization"), this)),
      m_pins(new SchsmSecretPair(QStringLiteral("newSoPin"), tr("&New SO-PIN:"), tr("&Repeat the new SO-PIN:"), this)),
      m_message(new QLabel(this))
{
    setTitle(tr("New SO-PIN"));
    m_change->setObjectName(QStringLiteral("changeSoPin"));
    m_message->setObjectName(QStringLiteral("newSoPinMessage"));
    m_intro->setWordWrap(true);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    m_pins->setMaxLength(16);
    m_change->setChecked(true);
    auto *hint = new QLabel(tr("An SO-PIN has exactly 16 hexadecimal digits (0-9, A-F). It is needed to initialize "
                               "the device again and, if allowed, to reset the user PIN: keep it safe."),
                            this);
    hint->setWordWrap(true);
    auto *v = new QVBoxLayout(this);
    v->addWidget(m_intro);
    v->addWidget(m_change);
    v->addWidget(m_pins);
    v->addWidget(hint);
    v->addWidget(m_message);
    v->addStretch();
    connect(m_change, &QCheckBox::toggled, this, &SchsmNewSoPinPage::bind);
    connect(m_pins, &SchsmSecretPair::changed, this, &SchsmNewSoPinPage::bind);
}

QString SchsmNewSoPinPage::typeOrUntick()
{
    return tr("Type the new SO-PIN in both fields, or untick the box to keep the current SO-PIN.");
}

bool SchsmNewSoPinPage::mustChange() const
{
    // The vendor's default is public, on a fresh device as on one initialized with it.
    return m_wizard->state().params.currentSoPin == InitializeDeviceValidator::vendorDefaultSoPin();
}

void SchsmNewSoPinPage::initializePage()
{
    if (mustChange()) {
        setSubTitle(tr("The vendor's default SO-PIN is public: choose a new one. It replaces the default right "
                       "after the initialization."));
        m_intro->setText(QString());
    } else {
        setSubTitle(tr("Optionally replace the SO-PIN right after the initialization."));
        m_intro->setText(typeOrUntick());
    }
    m_intro->setVisible(!m_intro->text().isEmpty());
    if (mustChange())
        m_change->setChecked(true);
    m_change->setEnabled(!mustChange());
    bind();
    // Into the first field, also where the box comes first: digits typed at once land there.
    m_pins->focusFirstLater();
}

// What keeps Next disabled; with the box ticked that includes fields not yet (both) typed,
// so a ticked box never goes on as "keep the current SO-PIN".
QString SchsmNewSoPinPage::problem() const
{
    if (m_change->isChecked()) {
        if (!m_pins->matches())
            return tr("The two SO-PINs differ.");
        if (m_pins->utf8Length() == 0)
            return typeOrUntick();
    }
    return InitializeDeviceValidator::soPins(m_wizard->state().params);
}

void SchsmNewSoPinPage::bind()
{
    InitializeDeviceParams &p = m_wizard->state().params;
    const bool changing = m_change->isChecked();
    m_pins->setEnabled(changing);
    p.newSoPin = changing ? m_pins->peek() : SecureBytes();
    // Said once something was typed; a mismatch only once the repeat field was used.
    QString shown;
    if (!changing || m_pins->typed())
        shown = changing && !m_pins->matches() && !m_pins->mismatchShown() ? InitializeDeviceValidator::soPins(p)
                                                                            : problem();
    m_message->setText(shown);
    Q_EMIT completeChanged();
}

bool SchsmNewSoPinPage::isComplete() const { return problem().isEmpty(); }
