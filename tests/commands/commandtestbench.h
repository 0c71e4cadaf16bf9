// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "p11/module.h"

#include <QFuture>
#include <QList>
#include <QTest>

#include <memory>

// pkcs11-tool -O output, one entry per object: the consumers' view of a token.
struct ToolEntry {
    QString header; // "Private Key Object; RSA", "Certificate Object; type = X.509 cert"
    QString label;
    QString id;     // hex, lower case
};

// SoftHSM tokens for the command dialogs, driven as the main window drives them:
// Inventory scans and logs in, the dialogs get the contents readObjects listed.
// Every wait is on the event loop (QTest::qWaitFor), never future.result() on a
// job that has not finished: jobs submitted on the GUI thread start from the event
// loop. Test PINs are throwaway values and may go on child command lines.
class CommandTestBench {
public:
    // module: the PKCS#11 module to scan (default SoftHSM; e.g. the hold module that forwards to it).
    explicit CommandTestBench(QString module = {});
    ~CommandTestBench();

    // softhsm2-util --init-token. Before open(): SoftHSM sees only the tokens that
    // existed at its C_Initialize.
    void initToken(const QString &label) { m_hsm.initToken(label, pin()); }
    // Scans SoftHSM through Inventory and logs in to the token with this label.
    TokenRef open(const QString &label);
    TokenContents contents(const TokenRef &token);

    template <typename T>
    static T await(QFuture<T> f, int timeoutMs = 30000)
    {
        if (!QTest::qWaitFor([&] { return f.isFinished(); }, timeoutMs)) {
            QTest::qFail("a token job did not finish in time", __FILE__, __LINE__);
            return T();
        }
        return f.result();
    }

    Inventory &inventory() { return *m_inventory; }
    SoftHsmFixture &hsm() { return m_hsm; }
    QString path(const QString &name) const { return m_hsm.dir() + QLatin1Char('/') + name; }
    static QString pin() { return QStringLiteral("1234"); }

    QByteArray tool(const QString &label, const QStringList &args) { return m_hsm.pkcs11Tool(label, args, pin()); }
    QList<ToolEntry> toolObjects(const QString &label);
    static const ToolEntry *findTool(const QList<ToolEntry> &objects, const QString &headerStart, const QString &label);
    // The result points into objects: a temporary list (findTool(toolObjects(...), ...)) would leave it
    // dangling (test_keyops read freed memory so under AddressSanitizer), so keep the list in a variable.
    static const ToolEntry *findTool(QList<ToolEntry> &&, const QString &, const QString &) = delete;

    static QByteArray openssl(const QStringList &args);
    static void writeFile(const QString &path, const QByteArray &data);
    static QByteArray readFile(const QString &path);
    static const ObjectInfo *find(const TokenContents &c, CK_OBJECT_CLASS cls, const QString &label);

    // A CA (made here with openssl) issues a certificate for the public key of the
    // token key with this ID, via openssl x509 -force_pubkey. Returns the DER file.
    QString certificateFor(const QString &tokenLabel, const QString &idHex, const QString &cn);
    // keytool -list through SunPKCS11 for the token: aliases of its PrivateKeyEntry lines.
    QStringList keytoolPrivateKeyEntries(const TokenRef &token);

private:
    SoftHsmFixture m_hsm; // first: SOFTHSM2_CONF is set before anything loads SoftHSM
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
    QString m_module;
    ModuleSnapshot m_scan;
    QString m_caKey, m_caPem;
};
