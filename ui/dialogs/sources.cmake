# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/addmoduledialog.cpp ${CMAKE_CURRENT_LIST_DIR}/addmoduledialog.h
    ${CMAKE_CURRENT_LIST_DIR}/logindialog.cpp ${CMAKE_CURRENT_LIST_DIR}/logindialog.h)
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/crashedmodulesdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/crashedmodulesdialog.h)
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/schsmdevicesdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmdevicesdialog.h)
