# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/certimportfilepage.cpp ${CMAKE_CURRENT_LIST_DIR}/certimportfilepage.h
    ${CMAKE_CURRENT_LIST_DIR}/certimportplanpage.cpp ${CMAKE_CURRENT_LIST_DIR}/certimportplanpage.h
    ${CMAKE_CURRENT_LIST_DIR}/certimportrunpage.cpp ${CMAKE_CURRENT_LIST_DIR}/certimportrunpage.h
    ${CMAKE_CURRENT_LIST_DIR}/certimportwizard.cpp ${CMAKE_CURRENT_LIST_DIR}/certimportwizard.h
)
