# SPDX-License-Identifier: GPL-3.0-or-later
# core/workstation: "Use this key in…" (issue 14). Pure text generators for the
# consumers' configuration files and command lines; no PKCS#11 calls, no file writes.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/keyfacts.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyfacts.h
    ${CMAKE_CURRENT_LIST_DIR}/keylocator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keylocator.h
    ${CMAKE_CURRENT_LIST_DIR}/setuptarget.cpp
    ${CMAKE_CURRENT_LIST_DIR}/setuptarget.h
    ${CMAKE_CURRENT_LIST_DIR}/setuptext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/setuptext.h
    ${CMAKE_CURRENT_LIST_DIR}/javasetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/javasetup.h
    ${CMAKE_CURRENT_LIST_DIR}/opensslsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/opensslsetup.h
    ${CMAKE_CURRENT_LIST_DIR}/sshsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sshsetup.h
    ${CMAKE_CURRENT_LIST_DIR}/p11kitsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/p11kitsetup.h)
