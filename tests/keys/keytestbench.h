// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "softhsmfixture.h"

#include "inventory/inventory.h"
#include "p11/module.h"

#include <QList>
#include <QTemporaryDir>

#include <memory>

// pkcs11-tool -O output, one object per entry (the consumers' view of a token).
struct ToolObject {
    QString header; // "Private Key Object; RSA", "Certificate Object; type = X.509 cert"
    QString label;
    QString id;     // hex, lower case
    QString usage;
    QString access;
    QString subject;
};

// SoftHSM tokens driven through core exactly as the UI drives them: Inventory
// scans the module, logs in once, and every core/keys call runs inside
// Inventory::withSession on the token's executor. Test PINs are throwaway
// values and may go on child command lines.
class KeyTestBench {
public:
    KeyTestBench();
    ~KeyTestBench();

    // softhsm2-util --init-token for each label, then scan and log in through Inventory.
    // Call once, before anything else: SoftHSM sees only the tokens that existed at its
    // C_Initialize.
    std::vector<TokenRef> addTokens(const QStringList &labels, const QString &pin = QStringLiteral("1234"));
    // Scan and log in to tokens that already exist (prepared with softhsm2-util and
    // pkcs11-tool before core loaded SoftHSM).
    std::vector<TokenRef> openTokens(const QStringList &labels, const QString &pin = QStringLiteral("1234"));
    TokenRef addToken(const QString &label, const QString &pin = QStringLiteral("1234"))
    {
        const std::vector<TokenRef> refs = addTokens({label}, pin);
        return refs.empty() ? TokenRef() : refs.front();
    }
    Inventory &inventory() { return *m_inventory; }
    SoftHsmFixture &hsm() { return m_hsm; }
    QString path(const QString &name) const { return m_work.filePath(name); }
    QString confPath() const { return m_hsm.confPath(); }
    static QString module() { return SoftHsmFixture::softhsmModule(); }

    // Runs a core job on the token's executor with its logged-in session; exceptions arrive here.
    template <typename T, typename Job> // Job: T(Session &, const CK_TOKEN_INFO &)
    T onToken(const TokenRef &token, Job job)
    {
        return m_inventory
            ->withSession<T>(token, [job = std::move(job)](QPromise<T> &p, Session &s, const CK_TOKEN_INFO &info) mutable {
                p.addResult(job(s, info));
            })
            .result();
    }
    TokenContents contents(const TokenRef &token) { return m_inventory->readObjects(token).result(); }
    CK_SLOT_ID slotOf(const TokenRef &token);

    // The consumers' view: pkcs11-tool -O, logged in.
    QList<ToolObject> toolObjects(const QString &label, const QString &pin = QStringLiteral("1234"));
    int toolObjectCount(const QString &label) { return int(toolObjects(label).size()); }
    static const ToolObject *findTool(const QList<ToolObject> &objects, const QString &headerStart, const QString &label);
    // The result points into objects: a temporary list (findTool(toolObjects(...), ...)) would leave it
    // dangling (test_keyops read freed memory so under AddressSanitizer), so keep the list in a variable.
    static const ToolObject *findTool(QList<ToolObject> &&, const QString &, const QString &) = delete;

    static void writeFile(const QString &path, const QByteArray &data);
    static QByteArray readFile(const QString &path);
    // openssl with args; fails the test unless it exits 0.
    static QByteArray openssl(const QStringList &args, const QByteArray &stdinData = {});
    // OPENSSL_CONF for the pkcs11 engine (libengine-pkcs11-openssl) on SoftHSM, PIN in the
    // file (a throwaway test PIN). Given to child processes only: never to this process.
    QString engineConfig(const QString &pin = QStringLiteral("1234"));
    // A shell command line with OPENSSL_CONF pointing at engineConfig(). Returns the exit
    // code (139 when openssl crashes on a key it could not load); merges stderr into *out.
    int runWithEngine(const QString &commandLine, QByteArray *out = nullptr);

private:
    SoftHsmFixture m_hsm; // first: SOFTHSM2_CONF is set before anything loads SoftHSM
    QTemporaryDir m_work;
    ModuleRegistry m_registry;
    std::unique_ptr<Inventory> m_inventory;
};
