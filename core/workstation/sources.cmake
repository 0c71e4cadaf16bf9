# SPDX-License-Identifier: GPL-3.0-or-later
# core/workstation: "Use this key in…" (issue 14). Pure text generators for the
# consumers' configuration files and command lines (no PKCS#11 calls), and the
# writer that puts them in place with backups, a journal and Undo.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/consumerproof.cpp
    ${CMAKE_CURRENT_LIST_DIR}/consumerproof.h
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
    ${CMAKE_CURRENT_LIST_DIR}/jsseclient.cpp
    ${CMAKE_CURRENT_LIST_DIR}/jsseclient.h
    ${CMAKE_CURRENT_LIST_DIR}/opensslsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/opensslsetup.h
    ${CMAKE_CURRENT_LIST_DIR}/sshsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sshsetup.h
    ${CMAKE_CURRENT_LIST_DIR}/p11kitsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/p11kitsetup.h
    ${CMAKE_CURRENT_LIST_DIR}/atomicfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/atomicfile.h
    ${CMAKE_CURRENT_LIST_DIR}/markedblock.cpp
    ${CMAKE_CURRENT_LIST_DIR}/markedblock.h
    ${CMAKE_CURRENT_LIST_DIR}/setupplan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/setupplan.h
    ${CMAKE_CURRENT_LIST_DIR}/setupdiff.cpp
    ${CMAKE_CURRENT_LIST_DIR}/setupdiff.h
    ${CMAKE_CURRENT_LIST_DIR}/setupjournal.cpp
    ${CMAKE_CURRENT_LIST_DIR}/setupjournal.h
    ${CMAKE_CURRENT_LIST_DIR}/setupwriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/setupwriter.h
    ${CMAKE_CURRENT_LIST_DIR}/nssdb.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nssdb.h
    ${CMAKE_CURRENT_LIST_DIR}/nsssetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/nsssetup.h
    ${CMAKE_CURRENT_LIST_DIR}/gskitsetup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/gskitsetup.h
    ${CMAKE_CURRENT_LIST_DIR}/workstationcheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/workstationcheck.h)
