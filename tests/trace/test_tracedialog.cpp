// SPDX-License-Identifier: GPL-3.0-or-later
// Help → Record a support trace…: the dialog and the status-bar control, driven the
// way a user does (wrong folder then correction, Enter, Esc, the status bar's Stop).
#include "dialogs/supporttracedialog.h"
#include "dialogs/supporttracestatus.h"
#include "p11/tracerecorder.h"

#include <QFile>
#include <QFileInfo>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestTraceDialog : public QObject {
    Q_OBJECT
    QTemporaryDir m_out;

private Q_SLOTS:
    void dialogStartsAndStops()
    {
        TraceRecorder recorder;
        QWidget window;
        SupportTraceStatus status(recorder, &window);
        SupportTraceDialog dialog(status, &window);
        window.show();
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!status.isVisible());
        auto *path = dialog.findChild<QLineEdit *>(QStringLiteral("tracePath"));
        auto *toggle = dialog.findChild<QPushButton *>(QStringLiteral("toggleTrace"));
        auto *error = dialog.findChild<QLabel *>(QStringLiteral("traceError"));
        QVERIFY(path && toggle && error);
        QVERIFY(path->text().endsWith(QLatin1String(".txt")));

        // A folder that does not exist, then the correction; Enter starts (the default button).
        path->clear();
        QTest::keyClicks(path, m_out.filePath(QStringLiteral("missing/dir/trace.txt")));
        QTest::keyClick(path, Qt::Key_Return);
        QVERIFY(!recorder.isRecording());
        QVERIFY(error->text().contains(QLatin1String("cannot be written")));
        const QString file = m_out.filePath(QStringLiteral("dialog.txt"));
        path->clear();
        QTest::keyClicks(path, file);
        QTest::keyClick(path, Qt::Key_Return);
        QVERIFY(recorder.isRecording());
        QVERIFY(error->text().isEmpty());
        QCOMPARE(toggle->text(), QStringLiteral("&Stop recording"));
        QVERIFY(path->isReadOnly());
        QVERIFY(status.isVisible());
        QVERIFY(status.text().contains(file));

        // Esc closes the dialog; recording goes on until the status bar's Stop.
        QTest::keyClick(&dialog, Qt::Key_Escape);
        QVERIFY(!dialog.isVisible());
        QVERIFY(recorder.isRecording());
        auto *stop = status.findChild<QPushButton *>(QStringLiteral("stopTrace"));
        QVERIFY(stop && stop->isVisible());
        stop->click();
        QVERIFY(!recorder.isRecording());
        QVERIFY(status.text().contains(QLatin1String("saved to")));
        QVERIFY(!stop->isVisible());
        QVERIFY(readAll(file).contains("# stopped "));
        QCOMPARE(QFileInfo(file).permissions() & ~(QFile::ReadUser | QFile::WriteUser), QFile::ReadOwner | QFile::WriteOwner);
    }
};

QTEST_MAIN(TestTraceDialog)
#include "test_tracedialog.moc"
