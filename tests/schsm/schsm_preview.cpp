// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: shows pages of the SmartCard-HSM wizards on the emulated card, for
// screenshots and for trying the flows by hand. Run through with_card.sh:
//   with_card.sh -- schsm_preview init [page]    page 0..6: SO-PIN … commit page, 6: the result
//   with_card.sh -- schsm_preview wrongso        the SO-PIN page after a wrong SO-PIN (checked at once)
//   with_card.sh -- schsm_preview fresh          the SO-PIN page of a device fresh from the factory
//   with_card.sh -- schsm_preview import [page]  0: no files, 1: two shares opened, 2: imported
// Prints "ready" once the page is shown, and quits 5 s later unless SCHSM_PREVIEW_STAY is set;
// SCHSM_PREVIEW_GRAB=file.png saves the wizard window then (what the README shows).
#include "schsmtestsupport.h"

#include "dkek/dkeksharejobs.h"
#include "schsm/schsmdevice.h"
#include "schsm/schsmjobs.h"
#include "widgets/secretedit.h"
#include "wizards/dkek/unlockdkeksharedialog.h"
#include "wizards/schsm/schsmimportshareswizard.h"
#include "wizards/schsm/schsminitializewizard.h"
#include "wizards/schsm/schsmsharespage.h"

#include <QApplication>
#include <QCheckBox>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTimer>
#include <QWizard>

#include <cstdio>

namespace {
void type(QWidget *root, const char *name, const QString &text)
{
    if (auto *e = root->findChild<QLineEdit *>(QString::fromLatin1(name)))
        e->setText(text);
}

bool g_readyOnResult = true; // false: the caller says when the page is ready

void ready()
{
    if (const QString grab = qEnvironmentVariable("SCHSM_PREVIEW_GRAB"); !grab.isEmpty()) {
        for (QWidget *w : QApplication::topLevelWidgets())
            if (w->isVisible() && qobject_cast<QWizard *>(w))
                w->grab().save(grab);
    }
    std::printf("ready\n");
    std::fflush(stdout);
    // Time for a screenshot, then quit (so with_card.sh ends its pcscd); SCHSM_PREVIEW_STAY keeps it open.
    if (qEnvironmentVariableIsEmpty("SCHSM_PREVIEW_STAY"))
        QTimer::singleShot(5000, qApp, &QCoreApplication::quit);
}

// Fills the current page with sample input and goes on, pages times.
void advance(SchsmInitializeWizard *w, int pages)
{
    if (pages <= 0) {
        QTimer::singleShot(500, w, ready);
        return;
    }
    switch (w->currentId()) {
    case SchsmInitializeWizard::SoPinPageId: type(w, "currentSoPin", QStringLiteral("0011223344556677")); break;
    case SchsmInitializeWizard::NewSoPinPageId:
        type(w, "newSoPin", QStringLiteral("8899AABBCCDDEEFF"));
        type(w, "newSoPinRepeat", QStringLiteral("8899AABBCCDDEEFF"));
        break;
    case SchsmInitializeWizard::UserPinPageId:
        type(w, "userPin", QStringLiteral("246810"));
        type(w, "userPinRepeat", QStringLiteral("246810"));
        break;
    case SchsmInitializeWizard::DkekPageId: w->findChild<QSpinBox *>(QStringLiteral("dkekShares"))->setValue(2); break;
    case SchsmInitializeWizard::LabelPageId: type(w, "label", QStringLiteral("Finance HSM")); break;
    case SchsmInitializeWizard::ConfirmPageId: type(w, "confirmation", QStringLiteral("DETD0000042")); break;
    default: break;
    }
    if (!w->currentPage()->isComplete() || w->currentId() == SchsmInitializeWizard::ResultPageId) {
        QTimer::singleShot(300, w, [w, pages] { advance(w, pages); }); // the device is still being read
        return;
    }
    w->next();
    QTimer::singleShot(300, w, [w, pages] {
        // The progress page moves on by itself; wait for the result.
        if (w->currentId() == SchsmInitializeWizard::ProgressPageId) {
            if (g_readyOnResult)
                QObject::connect(w, &QWizard::currentIdChanged, w, [w] {
                    if (w->currentId() == SchsmInitializeWizard::ResultPageId)
                        QTimer::singleShot(500, w, ready);
                });
            return;
        }
        advance(w, pages - 1);
    });
}

void initializeWithScHsmTool()
{
    SchsmTest::control(QStringLiteral("factory"));
    SchsmTest::runTool(QStringLiteral("sc-hsm-tool"),
                       {QStringLiteral("--initialize"), QStringLiteral("--so-pin"), QStringLiteral("0011223344556677"),
                        QStringLiteral("--pin"), QStringLiteral("648219"), QStringLiteral("--dkek-shares"),
                        QStringLiteral("2"), QStringLiteral("--label"), QStringLiteral("Old label")});
}

// Opens the shares as a user would: the unlock dialog for each, with its password.
void openShares(SchsmImportSharesWizard *w, const QStringList &paths, int page)
{
    SchsmSharesPage *shares = w->sharesPage();
    shares->setIterationCountForTesting(1000);
    auto answered = std::make_shared<int>(0);
    QObject::connect(shares, &SchsmSharesPage::unlockAsked, w, [shares, answered] {
        const char *passwords[] = {"alpha-share", "bravo-share"};
        for (auto *d : shares->findChildren<UnlockDkekShareDialog *>()) {
            if (d->isVisible()) {
                type(d, "unlockPasswordEdit", QString::fromLatin1(passwords[*answered % 2]));
                ++*answered;
                QTimer::singleShot(200, d, [d] { d->accept(); });
            }
        }
    });
    // The page reports a share opened before its unlock dialog closes (the dialog's end asks
    // for the next file), so the last share is known to be the last only once the page is
    // no longer opening: checking at shareOpened itself waited for ever.
    QObject::connect(shares, &SchsmSharesPage::completeChanged, w, [w, page, answered, n = paths.size()] {
        if (*answered < n || w->sharesPage()->isOpening() || int(w->state().shares.size()) < n
            || w->property("previewShown").toBool())
            return;
        w->setProperty("previewShown", true);
        if (page >= 2) {
            QObject::connect(w, &QWizard::currentIdChanged, w, [w] {
                if (w->currentId() == SchsmImportSharesWizard::ResultPageId)
                    QTimer::singleShot(500, w, ready);
            });
            QTimer::singleShot(300, w, [w] { w->next(); });
        } else {
            QTimer::singleShot(500, w, ready);
        }
    });
    shares->addShareFiles(paths);
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("init");
    const int page = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 0;
    const QString reader = QString::fromUtf8(qgetenv("SCHSM_READER"));
    if (reader.isEmpty()) {
        std::fprintf(stderr, "run through tests/schsm/with_card.sh\n");
        return 2;
    }
    SchsmJobs jobs;
    QTemporaryDir dir;

    if (mode == QLatin1String("fresh")) {
        SchsmTest::control(QStringLiteral("factory"));
        auto *w = new SchsmInitializeWizard(jobs, reader, SchsmDevice::readStatus(reader));
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->show();
        QTimer::singleShot(500, w, ready);
        return app.exec();
    }
    if (mode == QLatin1String("init") || mode == QLatin1String("wrongso")) {
        initializeWithScHsmTool();
        auto *w = new SchsmInitializeWizard(jobs, reader, SchsmDevice::readStatus(reader));
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->show();
        if (mode == QLatin1String("wrongso")) {
            g_readyOnResult = false;
            // Back on the SO-PIN page once the job has ended and the device was read again.
            QObject::connect(w, &SchsmInitializeWizard::deviceChanged, w, [w] { QTimer::singleShot(500, w, ready); });
            // A wrong SO-PIN: the device refuses it as Next is pressed on its page.
            QTimer::singleShot(300, w, [w] {
                type(w, "currentSoPin", QStringLiteral("FFFFFFFFFFFFFFFF"));
                w->next();
            });
        } else {
            QTimer::singleShot(300, w, [w, page] { advance(w, page); });
        }
        return app.exec();
    }

    if (mode == QLatin1String("import")) {
        initializeWithScHsmTool();
        QStringList paths;
        for (const auto &[name, password] : {std::pair{"alpha.pbe", "alpha-share"}, std::pair{"bravo.pbe", "bravo-share"}}) {
            CreateShareRequest req;
            req.path = dir.filePath(QString::fromLatin1(name));
            req.password = SecureBytes::fromUtf8(password);
            req.iterations = 1000;
            DkekShareJobs::create(req);
            paths << req.path;
        }
        auto *w = new SchsmImportSharesWizard(jobs, reader, SchsmDevice::readStatus(reader));
        w->setAttribute(Qt::WA_DeleteOnClose);
        w->show();
        if (page == 0)
            QTimer::singleShot(500, w, ready);
        else
            QTimer::singleShot(300, w, [w, paths, page] { openShares(w, paths, page); });
        return app.exec();
    }
    std::fprintf(stderr, "usage: schsm_preview init [page] | wrongso | fresh | import [page]\n");
    return 2;
}
