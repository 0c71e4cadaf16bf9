# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/treenode.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificatefacts.cpp ${CMAKE_CURRENT_LIST_DIR}/certificatefacts.h
    ${CMAKE_CURRENT_LIST_DIR}/treesearch.cpp ${CMAKE_CURRENT_LIST_DIR}/treesearch.h
    ${CMAKE_CURRENT_LIST_DIR}/tokentreemodel.cpp ${CMAKE_CURRENT_LIST_DIR}/tokentreemodel.h
)
