// SPDX-License-Identifier: GPL-3.0-or-later
// The cost of "Run in a separate process": the same PKCS#11 calls against the same
// SoftHSM token, once with the module loaded into this process and once through
// p11-kit's remoting (ModuleHelper), printed side by side in calls per second.
//
//   bench_isolation [--seconds S]   (time per measurement, default 1)
#include "softhsmfixture.h"

#include "p11/module.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QStringList>

#include <cstdio>
#include <cstring>
#include <functional>
#include <thread>
#include <vector>

namespace {
constexpr char kPin[] = "1234";

struct Result {
    const char *what;
    double direct = 0;
    double isolated = 0;
};

// Repeats one step (making `calls` PKCS#11 calls) for about `seconds`; calls per second.
double rate(double seconds, int calls, const std::function<void()> &step)
{
    for (int i = 0; i < 20; ++i) // warm-up
        step();
    QElapsedTimer t;
    t.start();
    qint64 n = 0;
    const qint64 limit = qint64(seconds * 1e9);
    while (t.nsecsElapsed() < limit) {
        for (int i = 0; i < 50; ++i)
            step();
        n += 50;
    }
    return double(n * calls) / (double(t.nsecsElapsed()) / 1e9);
}

CK_SLOT_ID tokenSlot(Module &m)
{
    for (CK_SLOT_ID s : slotList(m, true)) {
        CK_TOKEN_INFO ti{};
        if (P11CALL(m, C_GetTokenInfo, s, &ti) == CKR_OK && std::memcmp(ti.label, "Bench", 5) == 0)
            return s;
    }
    throw Pkcs11Error("C_GetTokenInfo", CKR_TOKEN_NOT_PRESENT);
}

// Fills results[i].direct or .isolated for each measurement.
void measure(Module &m, double seconds, std::vector<Result> &results, bool isolated)
{
    const CK_SLOT_ID slot = tokenSlot(m);
    CK_SESSION_HANDLE s = 0;
    check(P11CALL(m, C_OpenSession, slot, CKF_SERIAL_SESSION | CKF_RW_SESSION, nullptr, nullptr, &s), "C_OpenSession");
    check(P11CALL(m, C_Login, s, CKU_USER, (CK_UTF8CHAR_PTR)kPin, CK_ULONG(std::strlen(kPin))), "C_Login");
    CK_OBJECT_CLASS cls = CKO_PRIVATE_KEY;
    CK_ATTRIBUTE tmpl[] = {{CKA_CLASS, &cls, sizeof cls}};
    CK_OBJECT_HANDLE key = 0;
    CK_ULONG found = 0;
    check(P11CALL(m, C_FindObjectsInit, s, tmpl, 1), "C_FindObjectsInit");
    check(P11CALL(m, C_FindObjects, s, &key, 1, &found), "C_FindObjects");
    check(P11CALL(m, C_FindObjectsFinal, s), "C_FindObjectsFinal");
    if (found != 1)
        throw Pkcs11Error("C_FindObjects", CKR_KEY_HANDLE_INVALID);

    double *slotOf[4];
    for (int i = 0; i < 4; ++i)
        slotOf[i] = isolated ? &results[std::size_t(i)].isolated : &results[std::size_t(i)].direct;

    *slotOf[0] = rate(seconds, 1, [&] {
        char label[64];
        unsigned char id[64];
        CK_ATTRIBUTE a[] = {{CKA_LABEL, label, sizeof label}, {CKA_ID, id, sizeof id}};
        check(P11CALL(m, C_GetAttributeValue, s, key, a, 2), "C_GetAttributeValue");
    });
    *slotOf[1] = rate(seconds, 3, [&] { // C_FindObjectsInit + C_FindObjects + C_FindObjectsFinal
        CK_OBJECT_HANDLE h[16];
        CK_ULONG n = 0;
        check(P11CALL(m, C_FindObjectsInit, s, nullptr, 0), "C_FindObjectsInit");
        check(P11CALL(m, C_FindObjects, s, h, 16, &n), "C_FindObjects");
        check(P11CALL(m, C_FindObjectsFinal, s), "C_FindObjectsFinal");
    });
    *slotOf[2] = rate(seconds, 1, [&] {
        CK_TOKEN_INFO ti{};
        check(P11CALL(m, C_GetTokenInfo, slot, &ti), "C_GetTokenInfo");
    });
    const unsigned char digest[32] = {1, 2, 3};
    *slotOf[3] = rate(seconds, 2, [&] { // C_SignInit + C_Sign, RSA-2048 PKCS#1 v1.5
        CK_MECHANISM mech{CKM_RSA_PKCS, nullptr, 0};
        unsigned char sig[512];
        CK_ULONG len = sizeof sig;
        check(P11CALL(m, C_SignInit, s, &mech, key), "C_SignInit");
        check(P11CALL(m, C_Sign, s, (CK_BYTE_PTR)digest, sizeof digest, sig, &len), "C_Sign");
    });
    P11CALL(m, C_Logout, s);
    P11CALL(m, C_CloseSession, s);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    double seconds = 1.0;
    const QStringList args = app.arguments();
    for (int i = 1; i + 1 < args.size(); ++i)
        if (args[i] == QLatin1String("--seconds"))
            seconds = qMax(0.1, args[i + 1].toDouble());

    SoftHsmFixture hsm; // a private store; the child process inherits SOFTHSM2_CONF
    hsm.initToken(QStringLiteral("Bench"));
    hsm.pkcs11Tool(QStringLiteral("Bench"), {QStringLiteral("--keypairgen"), QStringLiteral("--key-type"),
                                             QStringLiteral("rsa:2048"), QStringLiteral("--label"),
                                             QStringLiteral("bench"), QStringLiteral("--id"), QStringLiteral("01")});

    std::vector<Result> results{{"C_GetAttributeValue (label + ID)"},
                                {"C_FindObjects cycle (Init+Find+Final)"},
                                {"C_GetTokenInfo"},
                                {"C_Sign RSA-2048 (SignInit+Sign)"}};
    int status = 0;
    // Module calls never run on the main (GUI) thread: the guard would abort.
    std::thread worker([&] {
        try {
            for (const bool isolated : {false, true}) {
                ModuleRegistry registry;
                auto m = registry.load(SoftHsmFixture::softhsmModule(), isolated);
                measure(*m, seconds, results, isolated);
            }
        } catch (const std::exception &e) {
            std::fprintf(stderr, "bench_isolation: %s\n", e.what());
            status = 1;
        }
    });
    worker.join();
    if (status)
        return status;
    std::printf("PKCS#11 calls per second, SoftHSM 2, %.1f s per measurement\n", seconds);
    std::printf("%-40s %14s %14s %8s %12s\n", "call", "in process", "separate", "ratio", "extra us");
    for (const Result &r : results)
        std::printf("%-40s %14.0f %14.0f %7.1fx %12.1f\n", r.what, r.direct, r.isolated, r.direct / r.isolated,
                    1e6 / r.isolated - 1e6 / r.direct);
    return 0;
}
