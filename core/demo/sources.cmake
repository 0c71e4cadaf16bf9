# SPDX-License-Identifier: GPL-3.0-or-later
# core/demo: the SoftHSM demo token offered when the machine has no token.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/demotoken.cpp
    ${CMAKE_CURRENT_LIST_DIR}/demotoken.h
)
