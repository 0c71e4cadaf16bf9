// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QAbstractButton>
#include <QDir>
#include <QFile>
#include <QTest>
#include <QWizard>

// The test side of gatep11.cpp: while closed, the module holds C_GenerateKeyPair and
// C_SignInit on the worker thread until open() (the test decides when the token is
// "done", instead of guessing how long a key takes).
class TokenGate {
public:
    explicit TokenGate(QString dir) : m_dir(std::move(dir)) {}
    // From now on the next gated call waits.
    void close()
    {
        QDir(m_dir).removeRecursively();
        QVERIFY(QDir().mkpath(m_dir));
        qputenv("TOKENDESK_GATE_DIR", QFile::encodeName(m_dir));
    }
    // A gated call has reached the token and is waiting.
    bool entered() const { return QFile::exists(m_dir + QStringLiteral("/entered")); }
    void open()
    {
        QFile f(m_dir + QStringLiteral("/open"));
        QVERIFY(f.open(QIODevice::WriteOnly));
    }
    // Calls pass straight through again.
    static void remove() { qunsetenv("TOKENDESK_GATE_DIR"); }

    // The ways a user leaves a wizard: "esc", "close" (the window's close button),
    // "cancel", "back".
    static void tryToLeave(QWizard &w, const QString &how)
    {
        if (how == QLatin1String("esc"))
            QTest::keyClick(&w, Qt::Key_Escape);
        else if (how == QLatin1String("close"))
            w.close(); // the close event the window's button sends
        else if (how == QLatin1String("cancel"))
            QTest::mouseClick(w.button(QWizard::CancelButton), Qt::LeftButton);
        else
            QTest::mouseClick(w.button(QWizard::BackButton), Qt::LeftButton);
    }
    static void addWaysToLeave()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Escape") << QStringLiteral("esc");
        QTest::newRow("window close button") << QStringLiteral("close");
        QTest::newRow("Cancel") << QStringLiteral("cancel");
        QTest::newRow("Back") << QStringLiteral("back");
    }

private:
    QString m_dir;
};
