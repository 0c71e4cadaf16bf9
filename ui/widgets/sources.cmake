# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/detailpane.cpp ${CMAKE_CURRENT_LIST_DIR}/detailpane.h
    ${CMAKE_CURRENT_LIST_DIR}/signingchoices.cpp ${CMAKE_CURRENT_LIST_DIR}/signingchoices.h
    ${CMAKE_CURRENT_LIST_DIR}/secretedit.cpp ${CMAKE_CURRENT_LIST_DIR}/secretedit.h
    ${CMAKE_CURRENT_LIST_DIR}/tokenjobwizard.cpp ${CMAKE_CURRENT_LIST_DIR}/tokenjobwizard.h
    ${CMAKE_CURRENT_LIST_DIR}/secretlabel.cpp ${CMAKE_CURRENT_LIST_DIR}/secretlabel.h)
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/schsmdevicepanel.cpp ${CMAKE_CURRENT_LIST_DIR}/schsmdevicepanel.h)
