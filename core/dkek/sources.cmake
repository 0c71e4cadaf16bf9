# SPDX-License-Identifier: GPL-3.0-or-later
# DKEK share files for SmartCard-HSM / Nitrokey HSM (issue 5).
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/createsharevalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/custodianshare.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekerror.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkeklog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkeksharefile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkeksharejobs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keycheckvalue.cpp
    ${CMAKE_CURRENT_LIST_DIR}/legacykdf.cpp
    ${CMAKE_CURRENT_LIST_DIR}/opensslrandomsource.cpp
    ${CMAKE_CURRENT_LIST_DIR}/passwordsharing.cpp
    ${CMAKE_CURRENT_LIST_DIR}/passwordstrength.cpp
    ${CMAKE_CURRENT_LIST_DIR}/sharefilewriter.cpp
)
