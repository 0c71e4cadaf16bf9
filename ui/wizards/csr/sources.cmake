# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/csrkeychoice.cpp ${CMAKE_CURRENT_LIST_DIR}/csrkeychoice.h
    ${CMAKE_CURRENT_LIST_DIR}/csrpinpage.cpp ${CMAKE_CURRENT_LIST_DIR}/csrpinpage.h
    ${CMAKE_CURRENT_LIST_DIR}/csrrequestpage.cpp ${CMAKE_CURRENT_LIST_DIR}/csrrequestpage.h
    ${CMAKE_CURRENT_LIST_DIR}/csrresultpage.cpp ${CMAKE_CURRENT_LIST_DIR}/csrresultpage.h
    ${CMAKE_CURRENT_LIST_DIR}/csrwizard.cpp ${CMAKE_CURRENT_LIST_DIR}/csrwizard.h
)
