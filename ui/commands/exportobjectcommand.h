// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "inventory/snapshot.h"

#include <QFileDialog>
#include <QObject>
#include <QPointer>

class QWidget;

// Saves a certificate (PEM or DER) or a public key (PEM) to a file. No token call:
// the tree's objects already hold the public material (private keys are never
// exported). The file is written atomically (QSaveFile): an existing file is
// replaced only by a complete export.
class ExportObjectCommand : public QObject {
    Q_OBJECT
public:
    enum class What { CertificatePem, CertificateDer, PublicKeyPem };

    // object: a certificate for CertificatePem/Der; a key (private or public) or a
    // certificate for PublicKeyPem. contents: the token as the tree has it, where an EC
    // private key's public half is found (its public key or certificate).
    ExportObjectCommand(TokenContents contents, ObjectInfo object, What what, QWidget *parent = nullptr);

    // Opens a non-modal save dialog; exported/failed/canceled follow, then the command
    // deletes itself.
    void start();
    // Writes the export to path; returns the error sentence, or empty when done.
    QString exportTo(const QString &path);
    // The bytes that would be written; *error set (and empty result) when there are none.
    QByteArray data(QString *error) const;
    QString suggestedFileName() const;
    QFileDialog *fileDialog() const { return m_dialog; }

Q_SIGNALS:
    void exported(const QString &path);
    void failed(const QString &sentence);
    void canceled();

private:
    void fail(const QString &sentence);
    TokenContents m_contents;
    ObjectInfo m_object;
    What m_what;
    QPointer<QWidget> m_parent;
    QPointer<QFileDialog> m_dialog;
};
