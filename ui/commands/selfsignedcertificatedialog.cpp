// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/selfsignedcertificatedialog.h"
#include "widgets/secretedit.h"

#include "dialogs/dialogfit.h"
#include "inventory/inventory.h"
#include "keys/hexid.h"
#include "keys/tokenobjects.h"
#include "operations/tokenoperations.h"
#include "widgets/signingchoices.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <memory>

SelfSignedCertificateDialog::SelfSignedCertificateDialog(Inventory &inventory, TokenRef token, TokenContents contents,
                                                         const ObjectInfo &object, QWidget *parent)
    : TokenCommandDialog(inventory, std::move(token), parent), m_days(new QSpinBox(this)), m_usage(new QComboBox(this)),
      m_digest(new QComboBox(this)), m_pin(new SecretEdit(this)), m_preview(new QLabel(this)),
      m_create(new QPushButton(tr("&Create certificate"), this))
{
    setWindowTitle(tr("Self-signed certificate"));
    for (const CsrKeyChoice &k : CsrKeyChoice::fromObjects(contents.objects))
        if (k.id == object.id && !m_key)
            m_key = k;
    QStringList existing;
    for (const ObjectInfo &o : contents.objects)
        if (o.cls == CKO_CERTIFICATE && m_key && o.id == m_key->id)
            existing << TokenObjects::describe(o);

    auto *v = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setText(m_key ? tr("A certificate signed by the key itself, for tests and internal use, for <b>%1</b> "
                              "(%2, ID %3). The token makes the signature; the certificate is stored on the token "
                              "with the key's ID and label.")
                               .arg(m_key->label.toHtmlEscaped(), m_key->description.toHtmlEscaped(),
                                    HexId::format(m_key->id))
                         : tr("There is no private key with the ID %1 on this token (log in to see private keys).")
                               .arg(HexId::format(object.id)));
    v->addWidget(intro);
    if (!existing.isEmpty()) {
        auto *note = new QLabel(tr("The key already has %1. The new certificate is added next to it; programs may "
                                   "pick either.").arg(existing.join(tr(", "))),
                                this);
        note->setWordWrap(true);
        v->addWidget(note);
    }
    auto *form = new QFormLayout;
    const QList<QPair<QString, QString>> fields = {{QStringLiteral("CN"), tr("Common name (CN):")},
                                                   {QStringLiteral("O"), tr("Organization (O):")},
                                                   {QStringLiteral("OU"), tr("Organizational unit (OU):")},
                                                   {QStringLiteral("C"), tr("Country, 2 letters (C):")}};
    for (const auto &[attr, text] : fields) {
        auto *e = new QLineEdit(this);
        e->setAccessibleName(text);
        if (attr == QLatin1String("C"))
            e->setMaxLength(2);
        form->addRow(text, e);
        m_fields << qMakePair(attr, e);
        connect(e, &QLineEdit::textChanged, this, &SelfSignedCertificateDialog::revalidate);
    }
    if (m_key)
        field(QStringLiteral("CN"))->setText(m_key->label);
    m_days->setRange(1, SelfSignedRequest::kMaxDays);
    m_days->setValue(365);
    m_days->setSuffix(tr(" days"));
    form->addRow(tr("&Valid for:"), m_days);
    SigningChoices::fillUsagePresets(m_usage, tr("None"));
    form->addRow(tr("&Usage:"), m_usage);
    SigningChoices::fillDigests(m_digest);
    form->addRow(tr("&Digest:"), m_digest);
    m_pin->setAccessibleName(tr("PIN for this signature"));
    m_pin->setPlaceholderText(tr("empty on a reader with a PIN pad"));
    form->addRow(tr("&PIN for this signature:"), m_pin);
    // Only keys marked CKA_ALWAYS_AUTHENTICATE want the PIN again (context-specific login).
    const bool askPin = m_key && m_key->alwaysAuthenticate;
    m_pin->setVisible(askPin);
    form->labelForField(m_pin)->setVisible(askPin);
    v->addLayout(form);
    m_preview->setWordWrap(true);
    m_preview->setTextInteractionFlags(Qt::TextSelectableByMouse);
    v->addWidget(m_preview);
    addFormEnd(v, m_create);
    connect(m_create, &QPushButton::clicked, this, &SelfSignedCertificateDialog::run);
    connect(m_days, &QSpinBox::valueChanged, this, &SelfSignedCertificateDialog::revalidate);
    connect(m_usage, &QComboBox::currentIndexChanged, this, &SelfSignedCertificateDialog::revalidate);
    connect(m_digest, &QComboBox::currentIndexChanged, this, &SelfSignedCertificateDialog::revalidate);
    DialogFit::initial(this, 520);
    revalidate();
}

QLineEdit *SelfSignedCertificateDialog::field(const QString &attribute) const
{
    for (const auto &[a, e] : m_fields)
        if (a == attribute)
            return e;
    return nullptr;
}

SelfSignedRequest SelfSignedCertificateDialog::request() const
{
    SelfSignedRequest r;
    r.subject.commonName = field(QStringLiteral("CN"))->text().trimmed();
    r.subject.organization = field(QStringLiteral("O"))->text().trimmed();
    r.subject.organizationalUnit = field(QStringLiteral("OU"))->text().trimmed();
    r.subject.country = field(QStringLiteral("C"))->text().trimmed();
    r.validDays = m_days->value();
    r.usage = UsagePreset(m_usage->currentData().toInt());
    r.signature.digest = DigestAlgorithm(m_digest->currentData().toInt());
    r.store = true;
    return r;
}

QString SelfSignedCertificateDialog::validationMessage() const
{
    if (!m_key)
        return tr("Choose a private key on a token you are logged in to.");
    try {
        return request().check(m_key->algorithm);
    } catch (const std::exception &e) {
        // A value OpenSSL refuses to encode while the user is still typing.
        return QString::fromUtf8(e.what());
    }
}

void SelfSignedCertificateDialog::revalidate()
{
    QString subject;
    try {
        subject = request().subject.rfc4514();
    } catch (const std::exception &) {
        // shown by the validation message below
    }
    m_preview->setText(tr("Subject and issuer: <tt>%1</tt>").arg(subject.toHtmlEscaped()));
    const QString message = m_result ? QString() : validationMessage();
    setValidation(message);
    m_create->setEnabled(!m_result && message.isEmpty() && !isBusy());
}

void SelfSignedCertificateDialog::run()
{
    if (m_result || isBusy() || !validationMessage().isEmpty())
        return;
    TokenOperations::SelfSignedCertificateRequest r;
    r.keyId = m_key->id;
    r.certificate = request();
    // The operation wipes the PIN when the signature is done.
    if (m_key->alwaysAuthenticate && !m_pin->text().isEmpty())
        r.contextPin = m_pin->take();
    beginJob(tr("Waiting for the token to sign the certificate with “%1”…").arg(m_key->label));
    m_create->setEnabled(false);
    TokenOperations::createSelfSignedCertificate(m_inventory, m_token, std::move(r))
        .then(this,
              [this](const SelfSignedResult &res) {
                  m_result = res;
                  endJob(true);
                  setStatus(tr("Created and stored on the token, valid from %1 to %2 (UTC).")
                                .arg(res.info.notBefore.toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                     res.info.notAfter.toString(QStringLiteral("yyyy-MM-dd HH:mm"))));
                  setResultFields({{tr("Subject:"), res.info.subject},
                                   {tr("SHA-256:"), res.info.sha256Fingerprint},
                                   {tr("URI:"), res.uri}});
                  offerClose();
                  revalidate();
              })
        .onCanceled(this, [this] {
            endJob(false);
            setError(tr("The certificate was not created: the job was cancelled before it reached the token."));
            revalidate();
        })
        .onFailed(this, [this](const std::exception &) {
            showFailure(tr("Creating the certificate"), std::current_exception());
            endJob(false);
            revalidate();
        });
}

void SelfSignedCertificateDialog::done(int r)
{
    m_pin->wipe();
    TokenCommandDialog::done(r);
}
