# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/attributes.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ckrname.cpp
    ${CMAKE_CURRENT_LIST_DIR}/errortext.cpp
    ${CMAKE_CURRENT_LIST_DIR}/module.cpp
    ${CMAKE_CURRENT_LIST_DIR}/modulecontract.cpp
    ${CMAKE_CURRENT_LIST_DIR}/modulegate.cpp
    ${CMAKE_CURRENT_LIST_DIR}/moduleactivity.cpp
    ${CMAKE_CURRENT_LIST_DIR}/modulehelper.cpp
    ${CMAKE_CURRENT_LIST_DIR}/session.cpp
    ${CMAKE_CURRENT_LIST_DIR}/threadguard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tracecall.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tracerecorder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/uri.cpp ${CMAKE_CURRENT_LIST_DIR}/p11kituri_p.h
)
# Where p11-kit keeps its client module (p11-kit-client.so) for "Run in a separate process".
pkg_get_variable(TOKENDESK_P11KIT_MODULE_DIR p11-kit-1 p11_module_path)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/modulehelper.cpp PROPERTIES
    COMPILE_DEFINITIONS TOKENDESK_P11KIT_MODULE_DIR="${TOKENDESK_P11KIT_MODULE_DIR}")
