// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QFuture>
#include <QPromise>

#include <exception>

// A future that has already failed with e. For entry points that promise to
// return at once: a caller in a slot gets the error through .onFailed, never as
// an exception thrown out of the call (Qt 6.4 has no QtFuture::makeExceptionalFuture).
template <typename T>
QFuture<T> failedFuture(std::exception_ptr e)
{
    QPromise<T> promise;
    QFuture<T> future = promise.future();
    promise.start();
    promise.setException(std::move(e));
    promise.finish();
    return future;
}
