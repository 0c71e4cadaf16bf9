# SPDX-License-Identifier: GPL-3.0-or-later
# SmartCard-HSM wizards (issue 16): Initialize (replaces the generic wizard for these devices), Import DKEK Shares.
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/schsmconfirminitpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmdkekpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmimportprogresspage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmimportresultpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmimportshareswizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmimportstate.h
    ${CMAKE_CURRENT_LIST_DIR}/schsminitializewizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsminitprogresspage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsminitresultpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsminitstate.h
    ${CMAKE_CURRENT_LIST_DIR}/schsmlabelpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmnewsopinpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmsecretpair.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmsharespage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmsopinpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmstatushtml.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmuserpinpage.cpp
)
