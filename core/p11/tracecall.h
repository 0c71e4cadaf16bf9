// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QElapsedTimer>
#include <QString>

#include <initializer_list>
#include <type_traits>
#include <vector>

class TraceRecorder;

// One traced PKCS#11 call. The arguments arrive as machine words; a per-function
// descriptor (tracecall.cpp) says what each one is, so the line names handles,
// attribute types and lengths, mechanisms and counts. It never contains a PIN or
// its length, a label, data or signature bytes, or any attribute value except a
// few public enumerations and flags (CKA_CLASS, CKA_KEY_TYPE, CKA_CERTIFICATE_TYPE,
// CKA_MODULUS_BITS, CKA_TOKEN, CKA_PRIVATE, CKA_SENSITIVE, CKA_EXTRACTABLE).
// In/out lengths are taken before the call, so an array is never read past
// what the caller provided, whatever the module claims afterwards.
class TraceCall {
public:
    TraceCall(TraceRecorder &recorder, const QString &modulePath, const char *function,
              std::initializer_list<quint64> args);
    void finish(CK_RV rv);

    template <typename T>
    static quint64 word(T v) noexcept
    {
        if constexpr (std::is_null_pointer_v<T>)
            return 0;
        else if constexpr (std::is_pointer_v<T>)
            return quint64(reinterpret_cast<quintptr>(v));
        else
            return quint64(v);
    }

private:
    TraceRecorder &m_recorder;
    const QString &m_module;
    const char *m_function;
    const char *m_descriptor;
    std::vector<quint64> m_args;
    std::vector<quint64> m_before; // per argument: *CK_ULONG_PTR, or the template's first length index
    std::vector<CK_ULONG> m_lengths; // template ulValueLen before the call
    QElapsedTimer m_timer;
};
