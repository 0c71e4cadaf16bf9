// SPDX-License-Identifier: GPL-3.0-or-later
#include "enumerationchild.h"

#include "inventory/p11text.h"
#include "inventory/scanner.h"
#include "p11/module.h"
#include "p11/pkcs11error.h"
#include "p11/session.h"

#include <QElapsedTimer>

#include <cstdio>

int EnumerationChild::run(const QString &modulePath, const QString &tokenLabel, const QString &pin)
{
    QElapsedTimer all;
    all.start();
    try {
        ModuleRegistry registry;
        std::shared_ptr<Module> module = registry.load(modulePath);
        // The same lookup pkcs11-tool makes for --token-label: slots with a token, then their info.
        CK_ULONG n = 0;
        check(P11CALL(*module, C_GetSlotList, CK_TRUE, nullptr, &n), "C_GetSlotList");
        std::vector<CK_SLOT_ID> slots(n);
        if (n)
            check(P11CALL(*module, C_GetSlotList, CK_TRUE, slots.data(), &n), "C_GetSlotList");
        slots.resize(n);
        std::optional<CK_SLOT_ID> slot;
        CK_TOKEN_INFO info{};
        for (CK_SLOT_ID s : slots) {
            if (P11CALL(*module, C_GetTokenInfo, s, &info) == CKR_OK && P11Text::padded(info.label) == tokenLabel) {
                slot = s;
                break;
            }
        }
        if (!slot) {
            std::fprintf(stderr, "no token labelled %s\n", qPrintable(tokenLabel));
            return 2;
        }
        std::size_t objects = 0;
        qint64 enumerateNs = 0;
        {
            Session session(module, *slot, true); // read-write, as Inventory opens it
            // A throwaway benchmark PIN, given on the command line as pkcs11-tool gets it.
            session.login(CKU_USER, SecureBytes::fromUtf8(pin.toStdString()));
            QElapsedTimer t;
            t.start();
            const TokenContents contents = Scanner::readObjects(session, info);
            enumerateNs = t.nsecsElapsed();
            objects = contents.objects.size();
            session.logout();
        }
        module.reset(); // C_Finalize, so the in-process time covers what pkcs11-tool's run covers
        std::printf("objects=%zu enumerate_ms=%.3f inprocess_ms=%.3f\n", objects, double(enumerateNs) / 1e6,
                    double(all.nsecsElapsed()) / 1e6);
        return 0;
    } catch (const std::exception &e) {
        std::fprintf(stderr, "enumeration failed: %s\n", e.what());
        return 1;
    }
}
