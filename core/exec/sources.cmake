# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokenexecutor.cpp ${CMAKE_CURRENT_LIST_DIR}/tokenexecutor.h
    ${CMAKE_CURRENT_LIST_DIR}/slotmonitor.cpp ${CMAKE_CURRENT_LIST_DIR}/slotmonitor.h
)
