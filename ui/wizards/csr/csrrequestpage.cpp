// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrrequestpage.h"

#include "keys/csrvalidator.h"

#include "widgets/signingchoices.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QVBoxLayout>

CsrRequestPage::CsrRequestPage(std::vector<CsrKeyChoice> keys, const QByteArray &preselectedId, QWidget *parent)
    : QWizardPage(parent), m_keys(std::move(keys)), m_key(new QComboBox(this)), m_altNames(new QPlainTextEdit(this)),
      m_usage(new QComboBox(this)), m_digest(new QComboBox(this)), m_pss(new QCheckBox(tr("Use RSA-PSS padding"), this)),
      m_preview(new QLabel(this)), m_message(new QLabel(this))
{
    setTitle(tr("Certificate signing request"));
    setSubTitle(tr("The request is signed on the token; the private key never leaves it."));
    auto *v = new QVBoxLayout(this);
    auto *form = new QFormLayout;
    for (const CsrKeyChoice &k : m_keys)
        m_key->addItem(QStringLiteral("%1 — %2 (ID %3)").arg(k.label, k.description, QString::fromLatin1(k.id.toHex())));
    for (std::size_t i = 0; i < m_keys.size(); ++i)
        if (!preselectedId.isEmpty() && m_keys[i].id == preselectedId)
            m_key->setCurrentIndex(int(i));
    form->addRow(tr("&Key:"), m_key);
    const QList<QPair<QString, QString>> fields = {
        {QStringLiteral("CN"), tr("Common name (CN):")},     {QStringLiteral("O"), tr("Organization (O):")},
        {QStringLiteral("OU"), tr("Organizational unit (OU):")}, {QStringLiteral("L"), tr("Locality (L):")},
        {QStringLiteral("ST"), tr("State or province (ST):")}, {QStringLiteral("C"), tr("Country, 2 letters (C):")},
        {QStringLiteral("emailAddress"), tr("Email address:")}};
    for (const auto &[attr, text] : fields) {
        auto *e = new QLineEdit(this);
        e->setAccessibleName(text);
        if (attr == QLatin1String("C"))
            e->setMaxLength(2);
        form->addRow(text, e);
        m_fields << qMakePair(attr, e);
        connect(e, &QLineEdit::textChanged, this, &CsrRequestPage::update);
    }
    m_altNames->setPlaceholderText(tr("One per line: DNS:host.example.com, email:alice@example.com, IP:192.0.2.1, URI:https://…"));
    m_altNames->setMaximumHeight(70);
    form->addRow(tr("Alternative &names:"), m_altNames);
    SigningChoices::fillUsagePresets(m_usage, tr("None (the CA decides)"));
    form->addRow(tr("&Usage:"), m_usage);
    SigningChoices::fillDigests(m_digest);
    form->addRow(tr("&Digest:"), m_digest);
    form->addRow(QString(), m_pss);
    v->addLayout(form);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_preview->setWordWrap(true);
    v->addWidget(m_preview);
    m_message->setWordWrap(true);
    m_message->setStyleSheet(QStringLiteral("color: #b02020"));
    v->addWidget(m_message);
    connect(m_key, &QComboBox::currentIndexChanged, this, &CsrRequestPage::update);
    connect(m_altNames, &QPlainTextEdit::textChanged, this, &CsrRequestPage::update);
    connect(m_usage, &QComboBox::currentIndexChanged, this, &CsrRequestPage::update);
    connect(m_digest, &QComboBox::currentIndexChanged, this, &CsrRequestPage::update);
    connect(m_pss, &QCheckBox::toggled, this, &CsrRequestPage::update);
    update();
}

QLineEdit *CsrRequestPage::field(const QString &attribute) const
{
    for (const auto &[a, e] : m_fields)
        if (a == attribute)
            return e;
    return nullptr;
}

const CsrKeyChoice *CsrRequestPage::key() const
{
    const int i = m_key->currentIndex();
    return i >= 0 && i < int(m_keys.size()) ? &m_keys[std::size_t(i)] : nullptr;
}

QList<SubjectAltName> CsrRequestPage::parseAltNames(QString *error) const
{
    QList<SubjectAltName> out;
    const QStringList lines = m_altNames->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        const QString type = line.left(colon).trimmed().toLower();
        SubjectAltName n;
        n.value = line.mid(colon + 1).trimmed();
        if (type == QLatin1String("dns"))
            n.type = SubjectAltName::Type::Dns;
        else if (type == QLatin1String("email"))
            n.type = SubjectAltName::Type::Email;
        else if (type == QLatin1String("ip"))
            n.type = SubjectAltName::Type::IpAddress;
        else if (type == QLatin1String("uri"))
            n.type = SubjectAltName::Type::Uri;
        else {
            if (error && error->isEmpty())
                *error = tr("“%1”: start each alternative name with DNS:, email:, IP: or URI:.").arg(line);
            continue;
        }
        out << n;
    }
    return out;
}

CsrSpec CsrRequestPage::spec() const
{
    CsrSpec s;
    s.subject.country = field(QStringLiteral("C"))->text().trimmed();
    s.subject.state = field(QStringLiteral("ST"))->text().trimmed();
    s.subject.locality = field(QStringLiteral("L"))->text().trimmed();
    s.subject.organization = field(QStringLiteral("O"))->text().trimmed();
    s.subject.organizationalUnit = field(QStringLiteral("OU"))->text().trimmed();
    s.subject.commonName = field(QStringLiteral("CN"))->text().trimmed();
    s.subject.emailAddress = field(QStringLiteral("emailAddress"))->text().trimmed();
    s.altNames = parseAltNames(nullptr);
    s.usage = UsagePreset(m_usage->currentData().toInt());
    s.signature.digest = DigestAlgorithm(m_digest->currentData().toInt());
    s.signature.rsaPss = m_pss->isEnabled() && m_pss->isChecked();
    return s;
}

QString CsrRequestPage::validationMessage() const
{
    if (!key())
        return tr("There is no private key on this token to sign a request with.");
    QString altError;
    parseAltNames(&altError);
    if (!altError.isEmpty())
        return altError;
    try {
        return CsrValidator::check(spec(), key()->algorithm);
    } catch (const std::exception &e) {
        return QString::fromUtf8(e.what());
    }
}

bool CsrRequestPage::isComplete() const { return validationMessage().isEmpty(); }

// The previews follow the typing: a subject that cannot be encoded yet shows nothing
// (the validator's sentence says why), rather than ending the wizard.
QString CsrRequestPage::rfc4514Preview() const
{
    try {
        return spec().subject.rfc4514();
    } catch (const std::exception &) {
        return {};
    }
}

QString CsrRequestPage::opensslPreview() const
{
    try {
        return spec().subject.openssl();
    } catch (const std::exception &) {
        return {};
    }
}

void CsrRequestPage::update()
{
    // Next signs on the token unless the PIN page comes first (which is then the commit page).
    setCommitPage(!needsPin());
    m_pss->setEnabled(key() && key()->algorithm == PublicKey::Algorithm::Rsa);
    m_preview->setText(tr("Subject: <tt>%1</tt><br>OpenSSL form: <tt>%2</tt>")
                           .arg(rfc4514Preview().toHtmlEscaped(), opensslPreview().toHtmlEscaped()));
    m_message->setText(validationMessage());
    Q_EMIT completeChanged();
}
