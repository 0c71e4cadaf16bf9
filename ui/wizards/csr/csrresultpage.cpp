// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/csr/csrresultpage.h"

#include "inventory/inventory.h"
#include "p11/errortext.h"
#include "wizards/csr/csrrequestpage.h"

#include <QAbstractButton>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QVBoxLayout>
#include <QWizard>

CsrResultPage::CsrResultPage(Inventory &inventory, TokenRef token, CsrRequestPage *request, QWidget *parent)
    : QWizardPage(parent), m_inventory(inventory), m_token(std::move(token)), m_request(request),
      m_status(new QLabel(this)), m_busy(new QProgressBar(this)), m_details(new QPlainTextEdit(this)),
      m_savePem(new QPushButton(tr("Save as &PEM…"), this)), m_saveDer(new QPushButton(tr("Save as &DER…"), this))
{
    setTitle(tr("Signing the request on the token"));
    auto *v = new QVBoxLayout(this);
    m_status->setWordWrap(true);
    v->addWidget(m_status);
    m_busy->setRange(0, 0);
    v->addWidget(m_busy);
    m_details->setReadOnly(true);
    v->addWidget(m_details, 1);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_savePem);
    buttons->addWidget(m_saveDer);
    buttons->addStretch(1);
    v->addLayout(buttons);
    setFinalPage(true);
    auto saveAs = [this](bool der) {
        const QString path = QFileDialog::getSaveFileName(this, tr("Save certificate signing request"),
                                                          der ? QStringLiteral("request.der") : QStringLiteral("request.csr"),
                                                          der ? tr("DER (*.der)") : tr("PEM (*.csr *.pem)"));
        if (path.isEmpty())
            return;
        const QString error = save(path, der);
        if (!error.isEmpty())
            QMessageBox::warning(this, tr("Save request"), error);
        else
            m_status->setText(tr("Saved to %1. Send it to your certificate authority.").arg(path));
    };
    connect(m_savePem, &QPushButton::clicked, this, [saveAs] { saveAs(false); });
    connect(m_saveDer, &QPushButton::clicked, this, [saveAs] { saveAs(true); });
}

QString CsrResultPage::statusText() const { return m_status->text(); }

QString CsrResultPage::save(const QString &path, bool der) const
{
    if (!m_result)
        return tr("There is no request to save.");
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(der ? m_result->der : m_result->pem) < 0 || !f.commit())
        return tr("%1 could not be written: %2").arg(path, f.errorString());
    return {};
}

void CsrResultPage::initializePage()
{
    m_result.reset();
    m_details->clear();
    m_savePem->setEnabled(false);
    m_saveDer->setEnabled(false);
    const CsrKeyChoice *key = m_request->key();
    if (!key)
        return;
    const CsrSpec spec = m_request->spec();
    const QByteArray keyId = key->id;
    std::optional<SecureBytes> contextPin;
    if (key->alwaysAuthenticate) {
        // CKA_ALWAYS_AUTHENTICATE: the token wants the PIN again for this one signature.
        bool ok = false;
        QString pin = QInputDialog::getText(this, tr("PIN for this signature"),
                                            tr("The key “%1” asks for the PIN for every use. Enter it to sign the request:")
                                                .arg(key->label),
                                            QLineEdit::Password, QString(), &ok);
        if (!ok) {
            m_status->setText(tr("No PIN was given; the request was not signed. Go back to try again."));
            m_busy->hide();
            return;
        }
        QByteArray utf8 = pin.toUtf8();
        contextPin.emplace(utf8.constData(), std::size_t(utf8.size()));
        OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
        pin.fill(QLatin1Char(' '));
    }
    m_busy->show();
    m_status->setText(tr("Waiting for the token to sign the request with “%1”…").arg(key->label));
    wizard()->button(QWizard::BackButton)->setEnabled(false);
    auto pin = std::make_shared<std::optional<SecureBytes>>(std::move(contextPin));
    m_inventory
        .withSession<CsrResult>(m_token,
                                [keyId, spec, pin](QPromise<CsrResult> &p, Session &s, const CK_TOKEN_INFO &ti) {
                                    std::optional<SecureBytes> once = std::move(*pin);
                                    pin->reset();
                                    p.addResult(createCsr(s, ti, keyId, spec, std::move(once)));
                                })
        .then(this,
              [this](const CsrResult &r) {
                  m_busy->hide();
                  m_result = r;
                  m_status->setText(tr("The request is signed and its signature checked against the key. Save it:"));
                  m_details->setPlainText(tr("Subject: %1\nOpenSSL form: %2\nKey: %3\n\nThe same with openssl:\n%4\n\n%5")
                                              .arg(r.subjectRfc4514, r.subjectOpenssl, r.keyUri, r.opensslCommand,
                                                   QString::fromLatin1(r.pem)));
                  m_savePem->setEnabled(true);
                  m_saveDer->setEnabled(true);
                  wizard()->button(QWizard::BackButton)->setEnabled(true);
                  Q_EMIT completeChanged();
                  Q_EMIT finishedSigning(true);
              })
        .onFailed(this, [this](const std::exception &) {
            m_busy->hide();
            m_status->setText(describeFailure(tr("Signing the request"), userError(std::current_exception())));
            wizard()->button(QWizard::BackButton)->setEnabled(true);
            Q_EMIT finishedSigning(false);
        });
}
