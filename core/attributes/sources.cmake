# SPDX-License-Identifier: GPL-3.0-or-later
# Every attribute of an object, for the attribute view (issue 12): the table of standard
# CKA_* types, the one-by-one read on the token's worker, and the values in words.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/attributecatalog.cpp ${CMAKE_CURRENT_LIST_DIR}/attributecatalog.h
    ${CMAKE_CURRENT_LIST_DIR}/attributedump.cpp ${CMAKE_CURRENT_LIST_DIR}/attributedump.h
    ${CMAKE_CURRENT_LIST_DIR}/attributetext.cpp ${CMAKE_CURRENT_LIST_DIR}/attributetext.h
)
