// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/certimport/certimportfilepage.h"

#include "keys/keyoperationerror.h"

#include "x509/certificatefile.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>
#include <QWizard>

CertImportFilePage::CertImportFilePage(TokenContents contents, const QString &file, QWidget *parent)
    : QWizardPage(parent), m_contents(std::move(contents)), m_path(new QLineEdit(this)),
      m_unmatched(new QCheckBox(tr("Also import certificates that belong to no key here, as CA or other certificates"), this)),
      m_message(new QLabel(this))
{
    setTitle(tr("Import certificates"));
    setSubTitle(tr("PEM, DER or PKCS#7 (.p7b/.p7c), one certificate or a whole chain."));
    auto *v = new QVBoxLayout(this);
    auto *row = new QHBoxLayout;
    m_path->setPlaceholderText(tr("Certificate file"));
    m_path->setAccessibleName(tr("Certificate file"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setAutoDefault(false); // Enter in the field must not open the file dialog
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    v->addLayout(row);
    v->addWidget(m_unmatched);
    m_message->setWordWrap(true);
    v->addWidget(m_message);
    v->addStretch(1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString f = QFileDialog::getOpenFileName(this, tr("Certificate file"), QString(),
                                                       tr("Certificates (*.pem *.crt *.cer *.der *.p7b *.p7c);;All files (*)"));
        if (!f.isEmpty())
            m_path->setText(f);
    });
    // Enter shows the plan; the write waits for the plan page's button.
    connect(m_path, &QLineEdit::returnPressed, this, [this] {
        if (isComplete() && wizard() && wizard()->currentPage() == this)
            wizard()->next();
    });
    connect(m_path, &QLineEdit::textChanged, this, &CertImportFilePage::reload);
    connect(m_unmatched, &QCheckBox::toggled, this, &CertImportFilePage::reload);
    m_path->setText(file);
    reload();
}

CertificateImportOptions CertImportFilePage::options() const
{
    CertificateImportOptions o;
    o.importUnmatched = m_unmatched->isChecked();
    return o;
}

QString CertImportFilePage::message() const { return m_message->text(); }

bool CertImportFilePage::isComplete() const { return m_plan && m_plan->toWrite() > 0; }

void CertImportFilePage::reload()
{
    m_plan.reset();
    m_certificates.clear();
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_message->setText(tr("Choose a file, or drop one on the token in the main window."));
        Q_EMIT completeChanged();
        return;
    }
    try {
        m_certificates = readCertificateFile(path);
        m_plan = planCertificateImport(m_contents, m_certificates, options());
    } catch (const std::exception &e) {
        QString text = QString::fromUtf8(e.what()).toHtmlEscaped();
        // The refusal has a way out on this very page: say where it is.
        if (const auto *k = dynamic_cast<const KeyOperationError *>(&e);
            k && k->kind() == KeyOperationError::Kind::NoMatchingKey && !m_unmatched->isChecked())
            text += QStringLiteral("<br>")
                + tr("To import it anyway as a CA or other certificate, tick “%1” above.")
                      .arg(m_unmatched->text().remove(QLatin1Char('&')).toHtmlEscaped());
        m_message->setText(QStringLiteral("<span style='color:#b02020'>%1</span>").arg(text));
        Q_EMIT completeChanged();
        return;
    }
    m_message->setText(tr("%n certificate(s) will be written. The next page shows which, before anything is written.",
                          nullptr, m_plan->toWrite()));
    Q_EMIT completeChanged();
}
