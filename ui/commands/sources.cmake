# SPDX-License-Identifier: GPL-3.0-or-later
# One dialog (or command) per user action on a token's objects.
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/tokencommanddialog.cpp ${CMAKE_CURRENT_LIST_DIR}/tokencommanddialog.h
    ${CMAKE_CURRENT_LIST_DIR}/deleteobjectsdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/deleteobjectsdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/renamekeydialog.cpp ${CMAKE_CURRENT_LIST_DIR}/renamekeydialog.h
    ${CMAKE_CURRENT_LIST_DIR}/exportobjectcommand.cpp ${CMAKE_CURRENT_LIST_DIR}/exportobjectcommand.h
    ${CMAKE_CURRENT_LIST_DIR}/selfsignedcertificatedialog.cpp ${CMAKE_CURRENT_LIST_DIR}/selfsignedcertificatedialog.h
    ${CMAKE_CURRENT_LIST_DIR}/pkcs12importdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/pkcs12importdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/healthfindingwidget.cpp ${CMAKE_CURRENT_LIST_DIR}/healthfindingwidget.h
    ${CMAKE_CURRENT_LIST_DIR}/healthcheckdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/healthcheckdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/backupkeysdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/backupkeysdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/restorekeysdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/restorekeysdialog.h
)
