// SPDX-License-Identifier: GPL-3.0-or-later
#include "wizards/dkek/dkekdestinationpage.h"

#include "dkek/createsharevalidator.h"
#include "wizards/dkek/dkekcreatestate.h"

#include <QCheckBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGridLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

DkekDestinationPage::DkekDestinationPage(DkekCreateState *state, QWidget *parent)
    : QWizardPage(parent), m_state(state)
{
    setTitle(tr("Create a DKEK Share"));
    setSubTitle(tr("Choose where to save the new share file."));

    auto *intro = new QLabel(
        tr("A SmartCard-HSM or Nitrokey HSM combines one or more DKEK shares into its Device Key Encryption Key, "
           "which protects key backups. Each share is a file protected by a password. Keep the file, its paper "
           "backup and its password in separate safe places: anyone with all of them can restore the share."));
    intro->setWordWrap(true);

    m_path = new QLineEdit;
    m_path->setObjectName(QStringLiteral("destinationEdit"));
    m_path->setPlaceholderText(tr("e.g. dkek-share-1.pbe"));
    auto *browse = new QPushButton(tr("&Browse\u2026"));
    browse->setObjectName(QStringLiteral("browseButton"));
    m_replace = new QCheckBox(tr("&Replace the existing file"));
    m_replace->setObjectName(QStringLiteral("replaceCheck"));
    m_replace->setVisible(false);
    m_problem = new QLabel;
    m_problem->setObjectName(QStringLiteral("destinationProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(QStringLiteral("color: palette(link);"));

    auto *note = new QLabel(tr("The file is written so that only you can read it. sc-hsm-tool and TokenDesk "
                               "use the same file format."));
    note->setWordWrap(true);

    auto *row = new QGridLayout;
    auto *label = new QLabel(tr("&Save share as:"));
    label->setBuddy(m_path);
    row->addWidget(label, 0, 0);
    row->addWidget(m_path, 0, 1);
    row->addWidget(browse, 0, 2);
    row->addWidget(m_replace, 1, 1, 1, 2);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addSpacing(12);
    layout->addLayout(row);
    layout->addWidget(m_problem);
    layout->addStretch();
    layout->addWidget(note);

    connect(browse, &QPushButton::clicked, this, &DkekDestinationPage::browse);
    connect(m_path, &QLineEdit::textChanged, this, &DkekDestinationPage::update);
    connect(m_replace, &QCheckBox::toggled, this, &DkekDestinationPage::update);
    update();
}

void DkekDestinationPage::setPath(const QString &path)
{
    m_path->setText(QDir::toNativeSeparators(path));
}

void DkekDestinationPage::browse()
{
    QString start = m_path->text();
    if (start.isEmpty())
        start = QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
                    .filePath(QStringLiteral("dkek-share-1.pbe"));
    // The file dialog asks before an existing file is chosen; that answer counts as consent.
    const QString chosen = QFileDialog::getSaveFileName(this, tr("Save DKEK Share"), start,
                                                        tr("DKEK share files (*.pbe);;All files (*)"));
    if (chosen.isEmpty())
        return;
    m_path->setText(QDir::toNativeSeparators(chosen));
    if (QFileInfo::exists(chosen))
        m_replace->setChecked(true);
}

void DkekDestinationPage::update()
{
    const QString path = QDir::fromNativeSeparators(m_path->text().trimmed());
    const QFileInfo info(path);
    const bool exists = !path.isEmpty() && (info.exists() || info.isSymLink()) && !info.isDir();
    m_replace->setVisible(exists);
    if (!exists && m_replace->isChecked())
        m_replace->setChecked(false);

    m_state->params.path = path.isEmpty() ? QString() : info.absoluteFilePath();
    m_state->params.replaceExisting = exists && m_replace->isChecked();
    // Say nothing about an empty field; the greyed-out Next button says enough.
    m_problem->setText(path.isEmpty() ? QString() : CreateShareValidator::checkDestination(m_state->params));
    Q_EMIT completeChanged();
}

bool DkekDestinationPage::isComplete() const
{
    return CreateShareValidator::checkDestination(m_state->params).isEmpty();
}

bool DkekDestinationPage::validatePage()
{
    update(); // the file may have appeared since the last keystroke
    return isComplete();
}
