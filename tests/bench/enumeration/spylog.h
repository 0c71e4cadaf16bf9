// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

#include <map>

// The calls recorded by OpenSC's pkcs11-spy (PKCS11SPY_OUTPUT): every call
// starts a block with a line "<n>: C_Function". Counting those lines counts the
// calls exactly as the module saw them, for TokenDesk and pkcs11-tool alike.
class SpyLog {
public:
    static SpyLog read(const QString &path);

    int total() const { return m_total; }
    int count(const QString &function) const;
    // The calls that enumerate objects: finding them and reading their attributes
    // (and the session-state query core makes first). Module loading, slot
    // lookup and login are the same fixed handful in both programs.
    int enumerationCalls() const;
    const std::map<QString, int> &byFunction() const { return m_byFunction; }

private:
    std::map<QString, int> m_byFunction;
    int m_total = 0;
};
