# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/discovery.cpp
    ${CMAKE_CURRENT_LIST_DIR}/p11text.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scanner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/snapshot.cpp
)
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/inventory.cpp ${CMAKE_CURRENT_LIST_DIR}/inventory.h
)
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/pairing.cpp)
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/objectfacts.cpp ${CMAKE_CURRENT_LIST_DIR}/report.cpp)
# Modules that crashed or hung before (issue 10).
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/crashedmodules.cpp ${CMAKE_CURRENT_LIST_DIR}/crashedmodules.h)
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/moduleprobe.cpp ${CMAKE_CURRENT_LIST_DIR}/moduleprobe.h)
# One order of objects for the tree and --list, and the help-desk summary of a certificate (issue 12).
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/objectorder.cpp ${CMAKE_CURRENT_LIST_DIR}/objectorder.h
    ${CMAKE_CURRENT_LIST_DIR}/certificatesummary.cpp ${CMAKE_CURRENT_LIST_DIR}/certificatesummary.h
    ${CMAKE_CURRENT_LIST_DIR}/reportcsv.cpp)
# Each certificate and key decoded once per distinct value, for pairing and facts (issue 11).
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/objectdecoder.cpp ${CMAKE_CURRENT_LIST_DIR}/objectdecoder.h)
