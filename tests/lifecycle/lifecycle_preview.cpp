// SPDX-License-Identifier: GPL-3.0-or-later
// Not a test: opens the Initialize Token wizard or a PIN dialog on a throwaway
// SoftHSM store, for screenshots and for trying the flows by hand.
//   lifecycle_preview wizard [page]      page 0..5: jump forward with sample input (5: initialize)
//   lifecycle_preview pin|so|unblock     the PIN dialogs on a token with objects
//   lifecycle_preview wrongpin           the PIN dialog after a wrong PIN
//   lifecycle_preview locked|finaltry    the PIN dialog as it looks for such a token (flags shown only)
#include "softhsmfixture.h"

#include "dialogs/pin/changepindialog.h"
#include "inventory/inventory.h"
#include "p11/module.h"
#include "wizards/inittoken/inittokenwizard.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>

namespace {
void type(QWidget *root, const char *name, const QString &text)
{
    if (auto *e = root->findChild<QLineEdit *>(QString::fromLatin1(name)))
        e->setText(text);
}

void advance(QWizard *w, int pages)
{
    if (pages <= 0)
        return;
    switch (w->currentId()) {
    case InitTokenWizard::ChooseTokenPageId: break;
    case InitTokenWizard::SoPinPageId: type(w, "soPin", QStringLiteral("so-secret-1")); break;
    case InitTokenWizard::LabelPageId: type(w, "label", QStringLiteral("Finance signing key")); break;
    case InitTokenWizard::UserPinPageId:
        type(w, "userPin", QStringLiteral("246810"));
        type(w, "userPinRepeat", QStringLiteral("246810"));
        break;
    case InitTokenWizard::ConfirmPageId: type(w, "confirmation", QStringLiteral("Finance HSM")); break;
    default: break;
    }
    if (!w->currentPage()->isComplete())
        return;
    w->next();
    QTimer::singleShot(300, w, [w, pages] { advance(w, pages - 1); });
}
} // namespace

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const QString mode = argc > 1 ? QString::fromLocal8Bit(argv[1]) : QStringLiteral("wizard");
    const int page = argc > 2 ? QString::fromLocal8Bit(argv[2]).toInt() : 0;
    SoftHsmFixture hsm;
    hsm.initToken(QStringLiteral("Finance HSM"), QStringLiteral("123456"), QStringLiteral("so-secret-1"));
    hsm.pkcs11Tool(QStringLiteral("Finance HSM"),
                   {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"), QStringLiteral("EC:prime256v1"),
                    QStringLiteral("--id"), QStringLiteral("01"), QStringLiteral("--label"), QStringLiteral("signing")},
                   QStringLiteral("123456"));
    hsm.initToken(QStringLiteral("Backup token"), QStringLiteral("123456"), QStringLiteral("so-secret-2"));

    ModuleRegistry registry;
    Inventory inventory(registry);
    const ModuleSpec spec{SoftHsmFixture::softhsmModule(), QStringLiteral("softhsm2"), false};
    inventory.scan(spec).then(&app, [&](const ModuleSnapshot &snap) {
        std::optional<TokenRef> ref;
        TokenSnapshot token;
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->label == QLatin1String("Finance HSM")) {
                ref = TokenRef{snap.path, s.id, s.token->id};
                token = *s.token;
            }
        if (mode == QLatin1String("wizard")) {
            auto *w = new InitTokenWizard(inventory, registry, {spec}, ref);
            QObject::connect(w, &InitTokenWizard::tokensListed, w, [w, page] { advance(w, page); });
            w->setAttribute(Qt::WA_DeleteOnClose);
            w->show();
            return;
        }
        const PinChangeMode m = mode == QLatin1String("so") ? PinChangeMode::So
            : mode == QLatin1String("unblock")              ? PinChangeMode::Unblock
                                                            : PinChangeMode::User;
        // Display only: SoftHSM never locks, so the state is painted onto the snapshot.
        if (mode == QLatin1String("locked"))
            token.info.flags |= CKF_USER_PIN_LOCKED;
        if (mode == QLatin1String("finaltry"))
            token.info.flags |= CKF_USER_PIN_FINAL_TRY | CKF_USER_PIN_COUNT_LOW;
        auto *d = new ChangePinDialog(inventory, *ref, token, m);
        d->setAttribute(Qt::WA_DeleteOnClose);
        d->show();
        if (mode == QLatin1String("wrongpin")) {
            type(d, "currentPin", QStringLiteral("000000"));
            type(d, "newPin", QStringLiteral("654321"));
            type(d, "repeatPin", QStringLiteral("654321"));
            d->findChild<QPushButton *>(QStringLiteral("actionButton"))->click();
        }
    });
    const int rc = app.exec();
    return rc;
}
