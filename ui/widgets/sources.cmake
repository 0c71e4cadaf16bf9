# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/detailpane.cpp ${CMAKE_CURRENT_LIST_DIR}/detailpane.h
    ${CMAKE_CURRENT_LIST_DIR}/signingchoices.cpp ${CMAKE_CURRENT_LIST_DIR}/signingchoices.h
    ${CMAKE_CURRENT_LIST_DIR}/secretedit.cpp ${CMAKE_CURRENT_LIST_DIR}/secretedit.h
    ${CMAKE_CURRENT_LIST_DIR}/tokenjobwizard.cpp ${CMAKE_CURRENT_LIST_DIR}/tokenjobwizard.h
    ${CMAKE_CURRENT_LIST_DIR}/secretlabel.cpp ${CMAKE_CURRENT_LIST_DIR}/secretlabel.h
    ${CMAKE_CURRENT_LIST_DIR}/expirybadge.cpp ${CMAKE_CURRENT_LIST_DIR}/expirybadge.h
    ${CMAKE_CURRENT_LIST_DIR}/pairingbadge.cpp ${CMAKE_CURRENT_LIST_DIR}/pairingbadge.h
    ${CMAKE_CURRENT_LIST_DIR}/resultheadlinepage.cpp ${CMAKE_CURRENT_LIST_DIR}/resultheadlinepage.h
    ${CMAKE_CURRENT_LIST_DIR}/readbackresultpage.cpp ${CMAKE_CURRENT_LIST_DIR}/readbackresultpage.h
    ${CMAKE_CURRENT_LIST_DIR}/datavalue.cpp ${CMAKE_CURRENT_LIST_DIR}/datavalue.h
    ${CMAKE_CURRENT_LIST_DIR}/treefilter.cpp ${CMAKE_CURRENT_LIST_DIR}/treefilter.h
    ${CMAKE_CURRENT_LIST_DIR}/treeitemdelegate.cpp ${CMAKE_CURRENT_LIST_DIR}/treeitemdelegate.h
    ${CMAKE_CURRENT_LIST_DIR}/scrollanchor.cpp ${CMAKE_CURRENT_LIST_DIR}/scrollanchor.h
    ${CMAKE_CURRENT_LIST_DIR}/expirywarningsetting.cpp ${CMAKE_CURRENT_LIST_DIR}/expirywarningsetting.h)
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/schsmdevicepanel.cpp ${CMAKE_CURRENT_LIST_DIR}/schsmdevicepanel.h
    ${CMAKE_CURRENT_LIST_DIR}/eraseconfirmpage.cpp ${CMAKE_CURRENT_LIST_DIR}/eraseconfirmpage.h)
