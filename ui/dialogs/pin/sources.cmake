# SPDX-License-Identifier: GPL-3.0-or-later
# PIN dialogs (issue 3): change PIN, change SO-PIN, unblock PIN; PIN widgets shared with the init wizard.
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/changepindialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/changepindialog.h
    ${CMAKE_CURRENT_LIST_DIR}/pinstatuslabel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pinstatuslabel.h
)
