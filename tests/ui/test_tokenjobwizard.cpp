// SPDX-License-Identifier: GPL-3.0-or-later
// TokenJobWizard: no key or button abandons a running token job.
#include "widgets/tokenjobwizard.h"

#include <QAbstractButton>
#include <QSignalSpy>
#include <QTest>
#include <QWizardPage>

class TestTokenJobWizard : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void closeWaysRefusedWhileRunning_data()
    {
        QTest::addColumn<QString>("how");
        QTest::newRow("Escape") << QStringLiteral("esc");
        QTest::newRow("window close button") << QStringLiteral("close");
        QTest::newRow("Cancel") << QStringLiteral("cancel");
        QTest::newRow("done()") << QStringLiteral("done");
    }
    void closeWaysRefusedWhileRunning()
    {
        QFETCH(QString, how);
        TokenJobWizard w;
        auto *form = new QWizardPage;
        form->setCommitPage(true);
        auto *run = new QWizardPage;
        w.addPage(form);
        w.addPage(run);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        w.next();
        QCOMPARE(w.currentPage(), run);
        QSignalSpy refused(&w, &TokenJobWizard::closeRefused);
        QSignalSpy ended(&w, &TokenJobWizard::jobEnded);
        w.beginJob();
        QVERIFY(!w.button(QWizard::CancelButton)->isEnabled());
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        auto attempt = [&] {
            if (how == QLatin1String("esc"))
                QTest::keyClick(&w, Qt::Key_Escape);
            else if (how == QLatin1String("close"))
                w.close();
            else if (how == QLatin1String("cancel"))
                w.button(QWizard::CancelButton)->click();
            else
                w.done(QDialog::Accepted);
        };
        attempt();
        QVERIFY(w.isVisible());
        if (how != QLatin1String("cancel")) // a disabled button sends nothing
            QCOMPARE(refused.count(), 1);
        w.endJob(true);
        QCOMPARE(ended.count(), 1);
        QCOMPARE(ended.at(0).at(0).toBool(), true);
        // After the write: no way back to the form, and the wizard closes normally.
        QVERIFY(!w.button(QWizard::BackButton)->isEnabled());
        QVERIFY(w.button(QWizard::CancelButton)->isEnabled());
        attempt();
        QTRY_VERIFY(!w.isVisible());
    }
};

QTEST_MAIN(TestTokenJobWizard)
#include "test_tokenjobwizard.moc"
