// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/keygen/keygenparamspage.h"

#include "keys/keygenvalidator.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

KeyGenParamsPage::KeyGenParamsPage(const TokenSnapshot &token, std::vector<QByteArray> existingIds, QWidget *parent)
    : QWizardPage(parent), m_offered(KeyAlgorithm::offeredBy(token.mechanisms)), m_existingIds(std::move(existingIds)),
      m_algorithm(new QComboBox(this)), m_label(new QLineEdit(this)), m_id(new QLineEdit(this)),
      m_legacy(new QCheckBox(tr("I need RSA-1024 for an old system and accept that it is no longer considered secure"), this)),
      m_advanced(new QGroupBox(tr("Advanced: key attributes"), this)), m_caveat(new QLabel(this)),
      m_message(new QLabel(this))
{
    setTitle(tr("New key pair on “%1”").arg(token.label));
    setSubTitle(tr("Only algorithms this token's mechanism list offers are shown."));
    // Generate writes to the token: no way back to this page afterwards, so the
    // same form cannot make a second pair (TokenJobWizard).
    setCommitPage(true);
    auto *v = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (const KeyAlgorithm &a : m_offered)
        m_algorithm->addItem((a.legacy ? tr("%1 (legacy)").arg(a.displayName()) : a.displayName()), a.id());
    const int p256 = m_algorithm->findData(QStringLiteral("ec-prime256v1"));
    const int rsa2048 = m_algorithm->findData(QStringLiteral("rsa-2048"));
    m_algorithm->setCurrentIndex(rsa2048 >= 0 ? rsa2048 : (p256 >= 0 ? p256 : 0));
    form->addRow(tr("&Algorithm:"), m_algorithm);
    form->addRow(QString(), m_legacy);
    // What consumers cannot do with this algorithm (e.g. Ed25519 and OpenSSL's pkcs11 engine on Debian 12).
    m_caveat->setWordWrap(true);
    m_caveat->setStyleSheet(QStringLiteral("color: #8a5a00"));
    form->addRow(QString(), m_caveat);
    m_label->setPlaceholderText(tr("e.g. VPN client key"));
    form->addRow(tr("&Label:"), m_label);
    m_id->setPlaceholderText(tr("derived from the public key (SHA-1, as OpenSC does)"));
    form->addRow(tr("CKA_&ID (hex):"), m_id);
    v->addLayout(form);

    m_advanced->setCheckable(true);
    m_advanced->setChecked(false);
    auto *adv = new QVBoxLayout(m_advanced);
    auto box = [this, adv](const QString &text) {
        auto *c = new QCheckBox(text, m_advanced);
        adv->addWidget(c);
        connect(c, &QCheckBox::toggled, this, &KeyGenParamsPage::updateMessage);
        return c;
    };
    m_private = box(tr("Private object (hidden until login)"));
    m_sensitive = box(tr("Sensitive (the key value never leaves the token in clear)"));
    m_extractable = box(tr("Extractable (may be wrapped out of the token)"));
    m_alwaysAuth = box(tr("Ask for the PIN for every use (CKA_ALWAYS_AUTHENTICATE)"));
    m_sign = box(tr("Sign"));
    m_decrypt = box(tr("Decrypt"));
    m_unwrap = box(tr("Unwrap"));
    m_derive = box(tr("Derive (ECDH)"));
    v->addWidget(m_advanced);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    v->addWidget(m_message);
    v->addStretch(1);

    connect(m_algorithm, &QComboBox::currentIndexChanged, this, &KeyGenParamsPage::algorithmChanged);
    connect(m_label, &QLineEdit::textChanged, this, &KeyGenParamsPage::updateMessage);
    connect(m_id, &QLineEdit::textChanged, this, &KeyGenParamsPage::updateMessage);
    connect(m_legacy, &QCheckBox::toggled, this, &KeyGenParamsPage::updateMessage);
    // The advanced section only shows what it would change; unticked, the safe defaults apply.
    connect(m_advanced, &QGroupBox::toggled, this, &KeyGenParamsPage::algorithmChanged);
    algorithmChanged();
}

void KeyGenParamsPage::algorithmChanged()
{
    const auto alg = KeyAlgorithm::fromId(m_algorithm->currentData().toString());
    m_legacy->setVisible(alg && alg->legacy);
    m_caveat->setText(caveatText());
    m_caveat->setVisible(!m_caveat->text().isEmpty());
    // A usage the key type cannot have is off and cannot be ticked: the boxes show
    // exactly what the key will be allowed to do.
    const bool rsa = alg && alg->family == KeyAlgorithm::Family::Rsa;
    const bool ec = alg && alg->family == KeyAlgorithm::Family::Ec;
    for (const auto &[box, applies] : {std::pair{m_decrypt, rsa}, std::pair{m_unwrap, rsa}, std::pair{m_derive, ec}}) {
        if (!applies) {
            const QSignalBlocker b(box);
            box->setChecked(false);
        }
        box->setEnabled(applies && m_advanced->isChecked());
    }
    if (alg && !m_advanced->isChecked()) {
        const KeyGenSpec d = KeyGenSpec::defaultsFor(*alg);
        const QSignalBlocker b1(m_private), b2(m_sensitive), b3(m_extractable), b4(m_alwaysAuth), b5(m_sign),
            b6(m_decrypt), b7(m_unwrap), b8(m_derive);
        m_private->setChecked(d.privateObject);
        m_sensitive->setChecked(d.sensitive);
        m_extractable->setChecked(d.extractable);
        m_alwaysAuth->setChecked(d.alwaysAuthenticate);
        m_sign->setChecked(d.sign);
        m_decrypt->setChecked(d.decrypt);
        m_unwrap->setChecked(d.unwrap);
        m_derive->setChecked(d.derive);
    }
    updateMessage();
}

KeyGenSpec KeyGenParamsPage::spec() const
{
    const auto alg = KeyAlgorithm::fromId(m_algorithm->currentData().toString());
    KeyGenSpec s = alg ? KeyGenSpec::defaultsFor(*alg) : KeyGenSpec{};
    s.label = m_label->text().trimmed();
    s.idHex = m_id->text().trimmed();
    s.acceptLegacy = m_legacy->isChecked();
    if (m_advanced->isChecked()) {
        s.privateObject = m_private->isChecked();
        s.sensitive = m_sensitive->isChecked();
        s.extractable = m_extractable->isChecked();
        s.alwaysAuthenticate = m_alwaysAuth->isChecked();
        s.sign = m_sign->isChecked();
        s.decrypt = m_decrypt->isChecked();
        s.unwrap = m_unwrap->isChecked();
        s.derive = m_derive->isChecked();
    }
    return s;
}

QString KeyGenParamsPage::validationMessage() const
{
    if (m_offered.empty())
        return tr("This token offers no key-pair generation mechanism TokenDesk knows.");
    return KeyGenValidator::check(spec(), m_offered, m_existingIds);
}

QString KeyGenParamsPage::caveatText() const
{
    const auto alg = KeyAlgorithm::fromId(m_algorithm->currentData().toString());
    return alg ? alg->caveat() : QString();
}

bool KeyGenParamsPage::isComplete() const { return validationMessage().isEmpty(); }

void KeyGenParamsPage::updateMessage()
{
    m_message->setText(validationMessage());
    Q_EMIT completeChanged();
}
