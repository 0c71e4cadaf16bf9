// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/tracecall.h"

#include "attributes/attributecatalog.h"
#include "p11/ckrname.h"
#include "p11/tracerecorder.h"

#include <QDateTime>
#include <QFileInfo>

#include <algorithm>
#include <cstring>

#include <unistd.h>

namespace {
// One letter per argument, in the order of the PKCS#11 prototype:
//   l slot   s session   o object (in)   u user type   f flags   b CK_BBOOL   M mechanism type
//   m CK_MECHANISM_PTR (type and parameter length)   T template, its count is the next 'n'
//   P secret (PIN): neither the bytes nor the length is recorded; its length is the next 'p'
//   L slot list / K mechanism list / A handle list (out), its count is the next 'c' ('x' = max before it)
//   c CK_ULONG_PTR count or length (out)   d a length (in)   I CK_INFO (out)
//   H session (out)   O object (out)   Y slot (out)   - not recorded (data, labels, info structures)
// Functions not in the table are recorded with their name, return code and duration only.
struct Descriptor {
    const char *function;
    const char *args;
};
constexpr Descriptor kDescriptors[] = {
    {"C_Initialize", "-"},
    {"C_Finalize", "-"},
    {"C_GetInfo", "I"},
    {"C_GetSlotList", "bLc"},
    {"C_GetSlotInfo", "l-"},
    {"C_GetTokenInfo", "l-"},
    {"C_GetMechanismList", "lKc"},
    {"C_GetMechanismInfo", "lM-"},
    {"C_InitToken", "lPp-"},
    {"C_InitPIN", "sPp"},
    {"C_SetPIN", "sPpPp"},
    {"C_OpenSession", "lf--H"},
    {"C_CloseSession", "s"},
    {"C_CloseAllSessions", "l"},
    {"C_GetSessionInfo", "s-"},
    {"C_Login", "suPp"},
    {"C_Logout", "s"},
    {"C_CreateObject", "sTnO"},
    {"C_CopyObject", "soTnO"},
    {"C_DestroyObject", "so"},
    {"C_GetObjectSize", "soc"},
    {"C_GetAttributeValue", "soTn"},
    {"C_SetAttributeValue", "soTn"},
    {"C_FindObjectsInit", "sTn"},
    {"C_FindObjects", "sAxc"},
    {"C_FindObjectsFinal", "s"},
    {"C_EncryptInit", "smo"},
    {"C_Encrypt", "s-d-c"},
    {"C_DecryptInit", "smo"},
    {"C_Decrypt", "s-d-c"},
    {"C_DigestInit", "sm"},
    {"C_Digest", "s-d-c"},
    {"C_SignInit", "smo"},
    {"C_Sign", "s-d-c"},
    {"C_SignUpdate", "s-d"},
    {"C_SignFinal", "s-c"},
    {"C_VerifyInit", "smo"},
    {"C_Verify", "s-d-d"},
    {"C_GenerateKey", "smTnO"},
    {"C_GenerateKeyPair", "smTnTnOO"},
    {"C_WrapKey", "smoo-c"},
    {"C_UnwrapKey", "smo-dTnO"},
    {"C_DeriveKey", "smoTnO"},
    {"C_SeedRandom", "s-d"},
    {"C_GenerateRandom", "s-d"},
    {"C_WaitForSlotEvent", "fY-"},
};

const char *descriptorOf(const char *function)
{
    for (const Descriptor &d : kDescriptors)
        if (std::strcmp(d.function, function) == 0)
            return d.args;
    return "";
}

// Attribute values that are public enumerations or flags; everything else is recorded by type and length only.
enum class Shown { No, Ulong, Bool };
Shown shownValue(CK_ATTRIBUTE_TYPE t)
{
    switch (t) {
    case CKA_CLASS:
    case CKA_KEY_TYPE:
    case CKA_CERTIFICATE_TYPE:
    case CKA_MODULUS_BITS:
        return Shown::Ulong;
    case CKA_TOKEN:
    case CKA_PRIVATE:
    case CKA_SENSITIVE:
    case CKA_EXTRACTABLE:
        return Shown::Bool;
    default:
        return Shown::No;
    }
}

// Caps that keep a line readable whatever a caller or module passes.
constexpr CK_ULONG kMaxListed = 64;
constexpr CK_ULONG kMaxTemplate = 256;

template <typename T>
const T *ptr(quint64 w)
{
    return reinterpret_cast<const T *>(quintptr(w));
}

QString attributeValue(const CK_ATTRIBUTE &a, CK_ULONG room)
{
    const Shown s = shownValue(a.type);
    if (s == Shown::No || !a.pValue || a.ulValueLen == CK_UNAVAILABLE_INFORMATION || a.ulValueLen > room)
        return {};
    if (s == Shown::Bool && a.ulValueLen == sizeof(CK_BBOOL))
        return *static_cast<const CK_BBOOL *>(a.pValue) ? QStringLiteral("=true") : QStringLiteral("=false");
    if (s != Shown::Ulong || a.ulValueLen != sizeof(CK_ULONG))
        return {};
    CK_ULONG v = 0;
    std::memcpy(&v, a.pValue, sizeof v);
    if (a.type == CKA_CLASS)
        return QLatin1Char('=') + ckoName(v);
    if (a.type == CKA_KEY_TYPE)
        return QLatin1Char('=') + ckkName(v);
    return QLatin1Char('=') + QString::number(v);
}

QString length(CK_ULONG n)
{
    return n == CK_UNAVAILABLE_INFORMATION ? QStringLiteral("unavailable") : QString::number(n);
}

QString userName(CK_ULONG u)
{
    switch (u) {
    case CKU_SO:
        return QStringLiteral("CKU_SO");
    case CKU_USER:
        return QStringLiteral("CKU_USER");
    case CKU_CONTEXT_SPECIFIC:
        return QStringLiteral("CKU_CONTEXT_SPECIFIC");
    default:
        return QString::number(u);
    }
}
} // namespace

TraceCall::TraceCall(TraceRecorder &recorder, const QString &modulePath, const char *function,
                     std::initializer_list<quint64> args)
    : m_recorder(recorder), m_module(modulePath), m_function(function), m_descriptor(descriptorOf(function)),
      m_args(args), m_before(m_args.size(), 0)
{
    const std::size_t n = std::min(std::strlen(m_descriptor), m_args.size());
    for (std::size_t i = 0; i < n; ++i) {
        const char k = m_descriptor[i];
        if (k == 'c' && m_args[i]) {
            m_before[i] = *ptr<CK_ULONG>(m_args[i]);
        } else if (k == 'T' && i + 1 < n && m_args[i]) {
            m_before[i] = m_lengths.size();
            const CK_ULONG count = std::min<CK_ULONG>(CK_ULONG(m_args[i + 1]), kMaxTemplate);
            const CK_ATTRIBUTE *t = ptr<CK_ATTRIBUTE>(m_args[i]);
            for (CK_ULONG j = 0; j < count; ++j)
                m_lengths.push_back(t[j].pValue ? t[j].ulValueLen : 0);
        }
    }
    m_timer.start();
}

void TraceCall::finish(CK_RV rv)
{
    const qint64 ns = m_timer.nsecsElapsed();
    QStringList parts;
    bool pinNoted = false;
    const std::size_t n = std::min(std::strlen(m_descriptor), m_args.size());
    const auto countAfter = [&](std::size_t i) -> CK_ULONG {
        // The out count at i, never more than the caller's room before the call.
        if (i >= n || m_descriptor[i] != 'c' || !m_args[i])
            return 0;
        return std::min<CK_ULONG>(*ptr<CK_ULONG>(m_args[i]), CK_ULONG(m_before[i]));
    };
    for (std::size_t i = 0; i < n; ++i) {
        const quint64 w = m_args[i];
        switch (m_descriptor[i]) {
        case 'l':
            parts << QStringLiteral("slot=%1").arg(w);
            break;
        case 's':
            parts << QStringLiteral("session=%1").arg(w);
            break;
        case 'o':
            parts << QStringLiteral("object=%1").arg(w);
            break;
        case 'u':
            parts << QStringLiteral("user=%1").arg(userName(CK_ULONG(w)));
            break;
        case 'f':
            parts << QStringLiteral("flags=0x%1").arg(w, 0, 16);
            break;
        case 'b':
            parts << QStringLiteral("tokenPresent=%1").arg(w ? QStringLiteral("true") : QStringLiteral("false"));
            break;
        case 'M':
            parts << QStringLiteral("mechanism=%1").arg(ckmName(CK_MECHANISM_TYPE(w)));
            break;
        case 'm':
            if (const CK_MECHANISM *m = ptr<CK_MECHANISM>(w))
                parts << QStringLiteral("mechanism=%1 paramLen=%2").arg(ckmName(m->mechanism)).arg(m->ulParameterLen);
            break;
        case 'P':
            if (!pinNoted)
                parts << QStringLiteral("pin=(not recorded)");
            pinNoted = true;
            break;
        case 'T': {
            QStringList attrs;
            if (const CK_ATTRIBUTE *t = ptr<CK_ATTRIBUTE>(w)) {
                const CK_ULONG count = i + 1 < n ? CK_ULONG(m_args[i + 1]) : 0;
                for (CK_ULONG j = 0; j < std::min(count, kMaxTemplate); ++j) {
                    const CK_ULONG room = m_lengths[std::size_t(m_before[i]) + j];
                    attrs << QStringLiteral("%1(%2)%3").arg(AttributeCatalog::name(t[j].type), length(t[j].ulValueLen),
                                                            rv == CKR_OK ? attributeValue(t[j], room) : QString());
                }
                if (count > kMaxTemplate)
                    attrs << QStringLiteral("…%1 more").arg(count - kMaxTemplate);
            }
            parts << QStringLiteral("template=[%1]").arg(attrs.join(QLatin1Char(' ')));
            break;
        }
        case 'L':
        case 'K':
        case 'A': {
            const std::size_t ci = m_descriptor[i] == 'A' ? i + 2 : i + 1;
            CK_ULONG count = countAfter(ci);
            if (m_descriptor[i] == 'A' && i + 1 < n)
                count = std::min<CK_ULONG>(count, CK_ULONG(m_args[i + 1]));
            if (!w || (rv != CKR_OK))
                break;
            QStringList items;
            const CK_ULONG *list = ptr<CK_ULONG>(w);
            for (CK_ULONG j = 0; j < std::min(count, kMaxListed); ++j)
                items << (m_descriptor[i] == 'K' ? ckmName(list[j]) : QString::number(list[j]));
            if (count > kMaxListed)
                items << QStringLiteral("…%1 more").arg(count - kMaxListed);
            const char *name = m_descriptor[i] == 'L' ? "slots" : m_descriptor[i] == 'K' ? "mechanisms" : "objects";
            parts << QStringLiteral("%1=[%2]").arg(QLatin1String(name), items.join(QLatin1Char(' ')));
            break;
        }
        case 'x':
            parts << QStringLiteral("max=%1").arg(w);
            break;
        case 'c':
            if (w)
                parts << QStringLiteral("count=%1").arg(length(*ptr<CK_ULONG>(w)));
            break;
        case 'd':
            parts << QStringLiteral("length=%1").arg(w);
            break;
        case 'I':
            if (w && rv == CKR_OK) {
                const CK_INFO &info = *ptr<CK_INFO>(w);
                m_recorder.moduleInfo(m_module, info);
                parts << QString::fromUtf8(TraceRecorder::describeInfo(info));
            }
            break;
        case 'H':
        case 'O':
        case 'Y':
            if (w && rv == CKR_OK)
                parts << QStringLiteral("%1=%2")
                             .arg(m_descriptor[i] == 'H'   ? QStringLiteral("newSession")
                                  : m_descriptor[i] == 'O' ? QStringLiteral("newObject")
                                                           : QStringLiteral("eventSlot"))
                             .arg(*ptr<CK_ULONG>(w));
            break;
        default:
            break;
        }
    }
    const QString line = QStringLiteral("%1 tid=%2 %3 %4 %5 -> %6 %7us\n")
                             .arg(QDateTime::currentDateTimeUtc().toString(QStringLiteral("HH:mm:ss.zzz")))
                             .arg(::gettid())
                             .arg(QFileInfo(m_module).fileName(), QLatin1String(m_function), parts.join(QLatin1Char(' ')),
                                  QLatin1String(ckrName(rv)))
                             .arg(double(ns) / 1000.0, 0, 'f', 1);
    m_recorder.write(line.toUtf8());
}
