// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/modulecontract.h"

#include "p11/module.h"

#include <QCoreApplication>
#include <QFileInfo>

namespace {
QString sentence(const Module &module, const char *function, const QString &what)
{
    //: %1: module file name, %2: PKCS#11 function, %3: what was wrong with its answer
    return QCoreApplication::translate("ModuleContract",
                                       "The module %1 gave an impossible answer to %2: %3. TokenDesk stopped "
                                       "reading instead of trusting it; the module or its token is faulty.")
        .arg(QFileInfo(module.path()).fileName(), QString::fromLatin1(function), what);
}
} // namespace

ModuleContractError::ModuleContractError(const Module &module, const char *function, const QString &what)
    : TokenDeskError(sentence(module, function, what)), m_function(function)
{
}

void checkCount(const Module &module, const char *function, CK_ULONG count, CK_ULONG limit)
{
    if (count > limit)
        throw ModuleContractError(
            module, function,
            QCoreApplication::translate("ModuleContract", "it reported %1 entries where at most %2 fit").arg(count).arg(limit));
}
