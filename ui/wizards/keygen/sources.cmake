# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/keygenwizard.cpp ${CMAKE_CURRENT_LIST_DIR}/keygenwizard.h
    ${CMAKE_CURRENT_LIST_DIR}/keygenparamspage.cpp ${CMAKE_CURRENT_LIST_DIR}/keygenparamspage.h
    ${CMAKE_CURRENT_LIST_DIR}/keygenrunpage.cpp ${CMAKE_CURRENT_LIST_DIR}/keygenrunpage.h
)
