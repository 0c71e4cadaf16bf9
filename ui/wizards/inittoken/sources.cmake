# SPDX-License-Identifier: GPL-3.0-or-later
# Initialize Token wizard (issue 3): one file per page.
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/choosetokenpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/choosetokenpage.h
    ${CMAKE_CURRENT_LIST_DIR}/confirmerasepage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/confirmerasepage.h
    ${CMAKE_CURRENT_LIST_DIR}/initprogresspage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/initprogresspage.h
    ${CMAKE_CURRENT_LIST_DIR}/initresultpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/initresultpage.h
    ${CMAKE_CURRENT_LIST_DIR}/inittokenstate.h
    ${CMAKE_CURRENT_LIST_DIR}/inittokenwizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inittokenwizard.h
    ${CMAKE_CURRENT_LIST_DIR}/labelpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/labelpage.h
    ${CMAKE_CURRENT_LIST_DIR}/sopinpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sopinpage.h
    ${CMAKE_CURRENT_LIST_DIR}/userpinpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/userpinpage.h
)
