// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "p11/pkcs11.h"

#include <QByteArray>

#include <vector>

class Session;

// The writes of one operation on a token, undone unless commit() is reached:
// objects it created are destroyed, attributes it changed get their old values
// back (newest first). So a failed import, generation or rename leaves nothing
// half-written. Runs on the token's executor, in the session that made the writes.
class ObjectTransaction {
public:
    explicit ObjectTransaction(Session &session) : m_session(session) {}
    ~ObjectTransaction(); // rolls back unless committed; never throws
    ObjectTransaction(const ObjectTransaction &) = delete;
    ObjectTransaction &operator=(const ObjectTransaction &) = delete;

    // C_CreateObject; the object is destroyed on rollback. Throws Pkcs11Error.
    CK_OBJECT_HANDLE create(std::vector<CK_ATTRIBUTE> tmpl);
    // An object made outside create() (C_GenerateKeyPair) that rollback must destroy.
    void adopt(CK_OBJECT_HANDLE object);
    // C_SetAttributeValue of one attribute; the current value is read first and
    // written back on rollback. Throws Pkcs11Error.
    void setAttribute(CK_OBJECT_HANDLE object, CK_ATTRIBUTE_TYPE type, const QByteArray &value);
    void commit() { m_committed = true; }
    // Undo now (also what the destructor does). Failures are logged, not thrown:
    // the caller is already handling the error that made it roll back.
    void rollback() noexcept;

    const std::vector<CK_OBJECT_HANDLE> &created() const { return m_created; }

private:
    struct Change {
        CK_OBJECT_HANDLE object;
        CK_ATTRIBUTE_TYPE type;
        QByteArray oldValue;
    };
    Session &m_session;
    std::vector<CK_OBJECT_HANDLE> m_created;
    std::vector<Change> m_changes;
    bool m_committed = false;
};
