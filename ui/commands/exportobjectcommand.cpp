// SPDX-License-Identifier: GPL-3.0-or-later
#include "commands/exportobjectcommand.h"

#include "keys/objectexport.h"
#include "p11/errortext.h"

#include <QDir>
#include <QFileDialog>
#include <QMessageBox>
#include <QSaveFile>

ExportObjectCommand::ExportObjectCommand(TokenContents contents, ObjectInfo object, What what, QWidget *parent)
    : QObject(parent), m_contents(std::move(contents)), m_object(std::move(object)), m_what(what), m_parent(parent)
{
}

QByteArray ExportObjectCommand::data(QString *error) const
{
    try {
        switch (m_what) {
        case What::CertificatePem: return ObjectExport::certificate(m_object, ObjectExport::Format::Pem);
        case What::CertificateDer: return ObjectExport::certificate(m_object, ObjectExport::Format::Der);
        case What::PublicKeyPem: return ObjectExport::publicKeyPem(m_contents, m_object);
        }
    } catch (const std::exception &) {
        if (error)
            *error = userError(std::current_exception()).text();
    }
    return {};
}

QString ExportObjectCommand::suggestedFileName() const
{
    return ObjectExport::suggestedFileName(m_object,
                                           m_what == What::CertificateDer ? ObjectExport::Format::Der
                                                                          : ObjectExport::Format::Pem,
                                           m_what == What::PublicKeyPem);
}

QString ExportObjectCommand::exportTo(const QString &path)
{
    QString error;
    const QByteArray bytes = data(&error);
    if (bytes.isEmpty())
        return error.isEmpty() ? tr("There is nothing to export.") : error;
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return tr("%1 could not be written: %2").arg(QDir::toNativeSeparators(path), f.errorString());
    return {};
}

void ExportObjectCommand::fail(const QString &sentence)
{
    if (m_parent) {
        auto *box = new QMessageBox(QMessageBox::Warning, tr("Export"), sentence, QMessageBox::Ok, m_parent);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->open();
    }
    Q_EMIT failed(sentence);
}

void ExportObjectCommand::start()
{
    QString error;
    if (data(&error).isEmpty()) {
        // Say so before asking for a file name that could not be used.
        fail(error.isEmpty() ? tr("There is nothing to export.") : error);
        deleteLater();
        return;
    }
    const bool der = m_what == What::CertificateDer;
    const QString title = m_what == What::PublicKeyPem ? tr("Export public key") : tr("Export certificate");
    m_dialog = new QFileDialog(m_parent, title, QDir::home().filePath(suggestedFileName()));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    m_dialog->setAcceptMode(QFileDialog::AcceptSave);
    m_dialog->setFileMode(QFileDialog::AnyFile);
    m_dialog->setNameFilters({der ? tr("DER certificate (*.der *.cer)")
                                  : m_what == What::PublicKeyPem ? tr("PEM public key (*.pem *.pub)")
                                                                 : tr("PEM certificate (*.pem *.crt)"),
                              tr("All files (*)")});
    m_dialog->setDefaultSuffix(der ? QStringLiteral("der") : QStringLiteral("pem"));
    connect(m_dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        const QString problem = exportTo(path);
        if (problem.isEmpty())
            Q_EMIT exported(path);
        else
            fail(problem);
        deleteLater();
    });
    connect(m_dialog, &QFileDialog::rejected, this, [this] {
        Q_EMIT canceled();
        deleteLater();
    });
    m_dialog->open();
}
