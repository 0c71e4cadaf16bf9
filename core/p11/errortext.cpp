// SPDX-License-Identifier: GPL-3.0-or-later
#include "p11/errortext.h"

#include "p11/ckrname.h"
#include "p11/pkcs11error.h"

#include <QCoreApplication>

namespace {
struct Tr { Q_DECLARE_TR_FUNCTIONS(ErrorText) };

QString pinIncorrect(CK_FLAGS f, bool so)
{
    const CK_FLAGS finalTry = so ? CKF_SO_PIN_FINAL_TRY : CKF_USER_PIN_FINAL_TRY;
    const CK_FLAGS countLow = so ? CKF_SO_PIN_COUNT_LOW : CKF_USER_PIN_COUNT_LOW;
    const CK_FLAGS locked = so ? CKF_SO_PIN_LOCKED : CKF_USER_PIN_LOCKED;
    if (f & locked)
        return so ? Tr::tr("Wrong SO-PIN — the SO-PIN is now locked. The token can only be re-initialized.")
                  : Tr::tr("Wrong PIN — the PIN is now locked. The security officer must unblock it with the SO-PIN.");
    if (f & finalTry)
        return so ? Tr::tr("Wrong SO-PIN — 1 try left. The next wrong entry locks it.")
                  : Tr::tr("Wrong PIN — 1 try left. The next wrong entry locks it.");
    if (f & countLow)
        return so ? Tr::tr("Wrong SO-PIN — and a wrong SO-PIN had already been entered since the last successful login. "
                           "The token does not say how many tries are left; check the SO-PIN before trying again.")
                  : Tr::tr("Wrong PIN — and a wrong PIN had already been entered since the last successful login. "
                           "The token does not say how many tries are left; check the PIN before trying again.");
    return so ? Tr::tr("Wrong SO-PIN. Check it and try again; every wrong entry counts towards locking the token.")
              : Tr::tr("Wrong PIN. Check it and try again; every wrong entry counts towards locking the token.");
}
} // namespace

UserError userError(CK_RV rv, CK_FLAGS f, bool so)
{
    UserError e;
    e.rv = rv;
    e.code = QString::fromLatin1(ckrName(rv));
    switch (rv) {
    case CKR_PIN_INCORRECT: e.sentence = pinIncorrect(f, so); break;
    case CKR_PIN_LOCKED:
        e.sentence = so ? Tr::tr("The SO-PIN is locked. The token cannot be unblocked; it can only be re-initialized, which erases it.")
                        : Tr::tr("The PIN is locked. The security officer must unblock it with the SO-PIN (Token → Unblock PIN).");
        break;
    case CKR_PIN_LEN_RANGE: e.sentence = Tr::tr("The PIN is too short or too long for this token."); break;
    case CKR_PIN_INVALID: e.sentence = Tr::tr("The PIN contains characters this token does not accept."); break;
    case CKR_PIN_EXPIRED: e.sentence = Tr::tr("The PIN has expired. Set a new PIN."); break;
    case CKR_USER_PIN_NOT_INITIALIZED:
        e.sentence = Tr::tr("No user PIN has been set on this token yet. Set one with the SO-PIN first.");
        break;
    case CKR_USER_NOT_LOGGED_IN: e.sentence = Tr::tr("Log in to the token first."); break;
    case CKR_USER_ANOTHER_ALREADY_LOGGED_IN:
    case CKR_USER_TOO_MANY_TYPES:
        e.sentence = Tr::tr("Another user is logged in to this token. Log out first.");
        break;
    case CKR_TOKEN_NOT_PRESENT:
    case CKR_DEVICE_REMOVED:
        e.sentence = Tr::tr("The token was removed. Insert it again; the list refreshes by itself.");
        break;
    case CKR_TOKEN_NOT_RECOGNIZED: e.sentence = Tr::tr("The module does not recognize the card or token in this reader."); break;
    case CKR_TOKEN_WRITE_PROTECTED: e.sentence = Tr::tr("The token is write-protected; nothing can be changed on it."); break;
    case CKR_SESSION_EXISTS:
        e.sentence = Tr::tr("Another program has the token open. Close other programs using it (browsers, mail clients, pcscd users) and try again.");
        break;
    case CKR_SESSION_HANDLE_INVALID:
    case CKR_SESSION_CLOSED:
        e.sentence = Tr::tr("The connection to the token was lost. Refresh (F5) and try again.");
        break;
    case CKR_DEVICE_ERROR: e.sentence = Tr::tr("The token reported a hardware error. Re-insert it and try again."); break;
    case CKR_DEVICE_MEMORY: e.sentence = Tr::tr("The token is full. Delete objects you no longer need."); break;
    case CKR_FUNCTION_NOT_SUPPORTED:
    case CKR_MECHANISM_INVALID:
        e.sentence = Tr::tr("This token or its module does not support that operation.");
        break;
    case CKR_KEY_SIZE_RANGE: e.sentence = Tr::tr("This token does not support that key size."); break;
    case CKR_TEMPLATE_INCONSISTENT:
    case CKR_TEMPLATE_INCOMPLETE:
    case CKR_ATTRIBUTE_VALUE_INVALID:
        e.sentence = Tr::tr("The token refused the object's attributes.");
        break;
    case CKR_CRYPTOKI_NOT_INITIALIZED:
    case CKR_CRYPTOKI_ALREADY_INITIALIZED:
        e.sentence = Tr::tr("The module is in an unexpected state. Use Rescan readers or restart TokenDesk.");
        break;
    case CKR_HOST_MEMORY: e.sentence = Tr::tr("The computer ran out of memory."); break;
    case CKR_CANCEL:
    case CKR_FUNCTION_CANCELED: e.sentence = Tr::tr("The operation was cancelled."); break;
    case CKR_SLOT_ID_INVALID: e.sentence = Tr::tr("The reader is no longer there. Refresh (F5)."); break;
    case CKR_OBJECT_HANDLE_INVALID: e.sentence = Tr::tr("The object no longer exists on the token. Refresh (F5)."); break;
    default: e.sentence = Tr::tr("The token or its module reported an error."); break;
    }
    return e;
}

UserError userError(std::exception_ptr ep, CK_FLAGS f, bool so)
{
    try {
        if (ep)
            std::rethrow_exception(ep);
    } catch (const Pkcs11Error &p) {
        return userError(p.rv(), f, so);
    } catch (const TokenDeskError &t) {
        return UserError{t.message(), {}, CKR_OK};
    } catch (const std::exception &x) {
        return UserError{QString::fromLocal8Bit(x.what()), {}, CKR_GENERAL_ERROR};
    } catch (...) {
    }
    return UserError{Tr::tr("An unexpected error occurred."), {}, CKR_GENERAL_ERROR};
}

QString describeFailure(const QString &operation, const UserError &e)
{
    return Tr::tr("%1 failed: %2").arg(operation, e.text());
}
