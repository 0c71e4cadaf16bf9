# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/owned_p.h
)
