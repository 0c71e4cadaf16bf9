// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/supporttracedialog.h"

#include "dialogs/supporttracestatus.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

SupportTraceDialog::SupportTraceDialog(SupportTraceStatus &status, QWidget *parent)
    : QDialog(parent), m_status(status), m_path(new QLineEdit(this)), m_browse(new QPushButton(tr("&Browse…"), this)),
      m_toggle(new QPushButton(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Record a Support Trace"));
    auto *explain = new QLabel(
        tr("While recording, TokenDesk writes every call it makes to a PKCS#11 module to the file below: the "
           "function, slot, session and object numbers, attribute types and lengths, the mechanism, the result code, "
           "how long the call took and on which thread. Attach the file to a support request.\n\n"
           "Never recorded: PINs (not even their length), passwords, key material, data and signatures, and attribute "
           "values other than the object class, key type, certificate type, key size and the token, private, "
           "sensitive and extractable flags.\n\n"
           "Labels are not recorded either: they often hold names or e-mail addresses, which are personal data. "
           "The file does name the module files and the versions of TokenDesk, Qt and OpenSSL. Read it before you "
           "send it: it is plain text."),
        this);
    explain->setWordWrap(true);
    m_path->setObjectName(QStringLiteral("tracePath"));
    m_path->setText(defaultFileName());
    m_toggle->setObjectName(QStringLiteral("toggleTrace"));
    m_error->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("traceError"));

    auto *fileRow = new QHBoxLayout;
    auto *fileLabel = new QLabel(tr("&File:"), this);
    fileLabel->setBuddy(m_path);
    fileRow->addWidget(fileLabel);
    fileRow->addWidget(m_path, 1);
    fileRow->addWidget(m_browse);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_toggle, QDialogButtonBox::ActionRole);
    m_toggle->setDefault(true);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_toggle, &QPushButton::clicked, this, &SupportTraceDialog::startOrStop);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        auto *pick = new QFileDialog(this, tr("Save Support Trace"), m_path->text(), tr("Text files (*.txt)"));
        pick->setAcceptMode(QFileDialog::AcceptSave);
        pick->setAttribute(Qt::WA_DeleteOnClose);
        connect(pick, &QFileDialog::fileSelected, m_path, &QLineEdit::setText);
        pick->open();
    });
    connect(&m_status, &SupportTraceStatus::recordingChanged, this, &SupportTraceDialog::showState);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(explain);
    layout->addLayout(fileRow);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    showState();
}

QString SupportTraceDialog::defaultFileName()
{
    QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    if (dir.isEmpty() || !QDir(dir).exists())
        dir = QDir::homePath();
    return QDir(dir).filePath(QStringLiteral("tokendesk-trace-%1.txt")
                                  .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss"))));
}

void SupportTraceDialog::startOrStop()
{
    m_error->clear();
    if (m_status.isRecording()) {
        m_status.stop();
        return;
    }
    const QString path = m_path->text().trimmed();
    if (path.isEmpty()) {
        m_error->setText(tr("Choose the file the trace is written to."));
        return;
    }
    QString error;
    if (!m_status.start(QDir::fromNativeSeparators(path), &error))
        m_error->setText(error);
}

void SupportTraceDialog::showState()
{
    const bool on = m_status.isRecording();
    m_toggle->setText(on ? tr("&Stop recording") : tr("&Start recording"));
    m_path->setReadOnly(on);
    m_browse->setEnabled(!on);
    if (on)
        m_path->setText(QDir::toNativeSeparators(m_status.fileName()));
    else if (!m_status.text().isEmpty() && m_status.isVisible())
        m_error->setText(m_status.text());
}
