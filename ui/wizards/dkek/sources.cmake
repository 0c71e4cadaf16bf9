# SPDX-License-Identifier: GPL-3.0-or-later
# DKEK shares (issue 5): Create DKEK Share wizard, Check DKEK Shares dialog, paper backup.
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/checkdkeksharesdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/createdkeksharewizard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekcustodiansharepage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekderivationpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekdestinationpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekpaperbackup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekprotectionpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekresultpage.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekshareopener.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekshareslist.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkeksharetable.cpp
    ${CMAKE_CURRENT_LIST_DIR}/unlockdkeksharedialog.cpp
)
