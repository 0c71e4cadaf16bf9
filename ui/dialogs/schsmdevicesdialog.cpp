// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/schsmdevicesdialog.h"

#include "p11/errortext.h"
#include "schsm/schsmreadersearch.h"
#include "widgets/schsmdevicepanel.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include <utility>

SchsmDevicesDialog::SchsmDevicesDialog(SchsmJobs &jobs, SchsmReaderSearch &readerSearch, QWidget *parent,
                                       const QString &preferredReader)
    : QDialog(parent), m_search(readerSearch), m_readers(new QComboBox(this)), m_state(new QLabel(this)),
      m_panel(new SchsmDevicePanel(jobs, readerSearch, this)), m_preferred(preferredReader)
{
    setWindowTitle(tr("SmartCard-HSM devices"));
    m_readers->setObjectName(QStringLiteral("schsmReaders"));
    m_readers->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_state->setObjectName(QStringLiteral("schsmSearchState"));
    m_state->setWordWrap(true);
    auto *searchAgain = new QPushButton(tr("Search &again"), this);
    auto *top = new QFormLayout;
    auto *row = new QHBoxLayout;
    row->addWidget(m_readers, 1);
    row->addWidget(searchAgain);
    // A buddy label: QFormLayout::addRow(QString, layout) has no widget to give the mnemonic to
    // and would show the "&" itself.
    auto *readerLabel = new QLabel(tr("&Reader:"), this);
    readerLabel->setObjectName(QStringLiteral("schsmReaderLabel"));
    readerLabel->setBuddy(m_readers);
    top->addRow(readerLabel, row);
    auto *box = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_state);
    layout->addWidget(m_panel, 1);
    layout->addWidget(box);
    connect(box, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(searchAgain, &QPushButton::clicked, this, &SchsmDevicesDialog::search);
    connect(m_readers, &QComboBox::currentTextChanged, this, [this](const QString &reader) {
        if (reader.isEmpty())
            m_panel->clear();
        else if (reader != m_panel->reader())
            m_panel->setReader(reader);
    });
    resize(560, 480);
    search();
}

void SchsmDevicesDialog::search()
{
    const QString chosen = m_preferred.isEmpty() ? m_readers->currentText() : std::exchange(m_preferred, QString());
    m_readers->setEnabled(false);
    m_state->setText(tr("Looking for SmartCard-HSM devices…"));
    m_state->show();
    const auto show = [this, chosen](const QStringList &found, const QString &problem) {
        m_readers->setEnabled(true);
        {
            const QSignalBlocker quiet(m_readers);
            m_readers->clear();
            m_readers->addItems(found);
            const int keep = m_readers->findText(chosen);
            m_readers->setCurrentIndex(keep >= 0 ? keep : (found.isEmpty() ? -1 : 0));
        }
        if (!problem.isEmpty())
            m_state->setText(problem);
        else if (found.isEmpty())
            m_state->setText(tr("No reader holds a SmartCard-HSM. Insert the device, then search again."));
        m_state->setVisible(!problem.isEmpty() || found.isEmpty());
        // The same reader as before: read its state again, the device may have changed.
        const QString now = m_readers->currentText();
        now.isEmpty() ? m_panel->clear() : m_panel->setReader(now);
    };
    m_search.findReaders()
        .then(this, [show](const QStringList &found) { show(found, {}); })
        .onFailed(this, [show](const std::exception &) {
            show({}, tr("The readers could not be searched: %1").arg(userError(std::current_exception()).text()));
        });
}
