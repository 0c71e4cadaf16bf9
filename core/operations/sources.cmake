# SPDX-License-Identifier: GPL-3.0-or-later
# core/operations: the asynchronous entry points the UI starts (a plain request
# in, a QFuture of a plain result out); the UI never sees a PKCS#11 session.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokenoperations.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenoperations.h
)
