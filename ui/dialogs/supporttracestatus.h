// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QWidget>

class QLabel;
class QPushButton;
class QTimer;
class TraceRecorder;

// The support trace in the status bar: while it records, where the file goes and a
// Stop button; after it stopped, where it was saved (or why it was not). Starting and
// stopping go through here so the state shown is always the recorder's.
class SupportTraceStatus : public QWidget {
    Q_OBJECT
public:
    explicit SupportTraceStatus(TraceRecorder &recorder, QWidget *parent = nullptr);

    bool isRecording() const;
    QString fileName() const;
    // False with a sentence in *error when the file cannot be created.
    bool start(const QString &path, QString *error);
    void stop();
    QString text() const;

Q_SIGNALS:
    void recordingChanged(bool recording);

private:
    void showState();

    TraceRecorder &m_recorder;
    QLabel *m_label;
    QPushButton *m_stop;
    QTimer *m_hide;
};
