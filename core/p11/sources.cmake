# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/attributes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ckrname.cpp
    ${CMAKE_CURRENT_LIST_DIR}/errortext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/module.cpp
    ${CMAKE_CURRENT_LIST_DIR}/modulecontract.cpp
    ${CMAKE_CURRENT_LIST_DIR}/modulegate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/moduleactivity.cpp
    ${CMAKE_CURRENT_LIST_DIR}/session.cpp
    ${CMAKE_CURRENT_LIST_DIR}/threadguard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tracecall.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tracerecorder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/uri.cpp
)
