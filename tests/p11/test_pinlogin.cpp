// SPDX-License-Identifier: GPL-3.0-or-later
// A wrong PIN is tried exactly once: counted through OpenSC's pkcs11-spy between us and SoftHSM.
#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "p11/errortext.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"

#include <QFile>
#include <QRegularExpression>
#include <QTest>

class TestPinLogin : public QObject {
    Q_OBJECT
    SoftHsmFixture m_hsm;
    QString m_log;

    int calls(const QString &fn)
    {
        QFile f(m_log);
        if (!f.open(QIODevice::ReadOnly))
            return -1;
        const QRegularExpression re(QStringLiteral("^\\d+: %1$").arg(fn), QRegularExpression::MultilineOption);
        return int(QString::fromUtf8(f.readAll()).count(re));
    }

private Q_SLOTS:
    void wrongPinIsNotRetried()
    {
        m_hsm.initToken(QStringLiteral("Spied"));
        m_log = m_hsm.dir() + QStringLiteral("/spy.log");
        qputenv("PKCS11SPY", QFile::encodeName(SoftHsmFixture::softhsmModule()));
        qputenv("PKCS11SPY_OUTPUT", QFile::encodeName(m_log));

        ModuleRegistry registry;
        Inventory inventory(registry);
        const ModuleSnapshot snap = inventory.scan(ModuleSpec{SoftHsmFixture::spyModule(), QStringLiteral("spy"), true}).result();
        QVERIFY2(snap.error.isEmpty(), qPrintable(snap.error));
        std::optional<TokenRef> ref;
        CK_FLAGS flags = 0;
        for (const SlotSnapshot &s : snap.slots)
            if (s.token && s.token->label == QLatin1String("Spied")) {
                ref = TokenRef{snap.path, s.id, s.token->id};
                flags = s.token->info.flags;
            }
        QVERIFY(ref);
        QVERIFY(!(flags & CKF_USER_PIN_COUNT_LOW));

        QFuture<void> f = inventory.login(*ref, CKU_USER, SecureBytes::fromUtf8("0000"));
        CK_RV rv = CKR_OK;
        try {
            f.waitForFinished();
        } catch (const Pkcs11Error &e) {
            rv = e.rv();
        }
        QCOMPARE(QString::fromLatin1(ckrName(rv)), QStringLiteral("CKR_PIN_INCORRECT"));
        QCOMPARE(calls(QStringLiteral("C_Login")), 1);

        // The sentence uses the flags read after the failure.
        const TokenSnapshot after = inventory.tokenInfo(*ref).result();
        const UserError e = userError(rv, after.info.flags);
        QVERIFY2(e.text().startsWith(QStringLiteral("Wrong PIN")), qPrintable(e.text()));
        QVERIFY(e.text().endsWith(QStringLiteral("(CKR_PIN_INCORRECT)")));
        QCOMPARE(calls(QStringLiteral("C_Login")), 1);

        // And the right PIN then works, with one more C_Login.
        inventory.login(*ref, CKU_USER, SecureBytes::fromUtf8("1234")).waitForFinished();
        QCOMPARE(calls(QStringLiteral("C_Login")), 2);
        // The PIN never reaches our own logs; the spy log is the module's business, but our
        // objects never hold it after the call: SecureBytes is wiped (checked by type, not here).
    }
};

QTEST_GUILESS_MAIN(TestPinLogin)
#include "test_pinlogin.moc"
