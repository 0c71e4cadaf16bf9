// SPDX-License-Identifier: GPL-3.0-or-later
#include "dialogs/supporttracestatus.h"

#include "p11/tracerecorder.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QTimer>

SupportTraceStatus::SupportTraceStatus(TraceRecorder &recorder, QWidget *parent)
    : QWidget(parent), m_recorder(recorder), m_label(new QLabel(this)), m_stop(new QPushButton(tr("Stop trace"), this)),
      m_hide(new QTimer(this))
{
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_stop);
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_stop->setObjectName(QStringLiteral("stopTrace"));
    m_hide->setSingleShot(true);
    m_hide->setInterval(std::chrono::seconds(20));
    connect(m_hide, &QTimer::timeout, this, [this] {
        if (!isRecording())
            hide();
    });
    connect(m_stop, &QPushButton::clicked, this, &SupportTraceStatus::stop);
    showState(); // --trace FILE may have started it before the window existed
}

bool SupportTraceStatus::isRecording() const { return m_recorder.isRecording(); }
QString SupportTraceStatus::fileName() const { return m_recorder.fileName(); }
QString SupportTraceStatus::text() const { return m_label->text(); }

bool SupportTraceStatus::start(const QString &path, QString *error)
{
    if (!m_recorder.start(path, error))
        return false;
    showState();
    Q_EMIT recordingChanged(true);
    return true;
}

void SupportTraceStatus::stop()
{
    if (!isRecording())
        return;
    QString error;
    const QString path = QDir::toNativeSeparators(m_recorder.fileName());
    if (m_recorder.stop(&error))
        m_label->setText(tr("Support trace saved to %1").arg(path));
    else
        m_label->setText(error);
    m_stop->hide();
    m_hide->start();
    Q_EMIT recordingChanged(false);
}

void SupportTraceStatus::showState()
{
    const bool on = isRecording();
    setVisible(on);
    m_stop->setVisible(on);
    if (on)
        m_label->setText(tr("Recording a support trace to %1").arg(QDir::toNativeSeparators(m_recorder.fileName())));
}
