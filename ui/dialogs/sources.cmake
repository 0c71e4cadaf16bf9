# SPDX-License-Identifier: GPL-3.0-or-later
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/addmoduledialog.cpp ${CMAKE_CURRENT_LIST_DIR}/addmoduledialog.h
    ${CMAKE_CURRENT_LIST_DIR}/logindialog.cpp ${CMAKE_CURRENT_LIST_DIR}/logindialog.h)
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/crashedmodulesdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/crashedmodulesdialog.h)
# Shared by the dialogs: sizing for small screens, copy buttons that say "Copied" (issue 12).
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/dialogfit.cpp ${CMAKE_CURRENT_LIST_DIR}/dialogfit.h
    ${CMAKE_CURRENT_LIST_DIR}/copybutton.cpp ${CMAKE_CURRENT_LIST_DIR}/copybutton.h
    ${CMAKE_CURRENT_LIST_DIR}/resultfields.cpp ${CMAKE_CURRENT_LIST_DIR}/resultfields.h)
# Dialogs of the main window's menus (issue 12): every attribute of an object, About, keyboard shortcuts.
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/attributesdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/attributesdialog.h)
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/firststartpanel.cpp ${CMAKE_CURRENT_LIST_DIR}/firststartpanel.h
    ${CMAKE_CURRENT_LIST_DIR}/aboutdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/aboutdialog.h
    ${CMAKE_CURRENT_LIST_DIR}/shortcutsdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/shortcutsdialog.h)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/aboutdialog.cpp PROPERTIES
    COMPILE_DEFINITIONS "TOKENDESK_P11KIT_VERSION=\"${P11KIT_VERSION}\"")
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/manualdialog.cpp ${CMAKE_CURRENT_LIST_DIR}/manualdialog.h)
include(GNUInstallDirs)
set_source_files_properties(${CMAKE_CURRENT_LIST_DIR}/manualdialog.cpp PROPERTIES
    COMPILE_DEFINITIONS "TOKENDESK_DOC_DIR=\"${CMAKE_INSTALL_FULL_DOCDIR}\";TOKENDESK_SOURCE_DIR=\"${PROJECT_SOURCE_DIR}\"")
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/schsmdevicesdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmdevicesdialog.h)
# Help → Record a support trace… and its status-bar indicator (issue 10).
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/supporttracedialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/supporttracedialog.h ${CMAKE_CURRENT_LIST_DIR}/supporttracestatus.cpp
    ${CMAKE_CURRENT_LIST_DIR}/supporttracestatus.h)
# Tools → Check key backups… (issue 13): SmartCard-HSM key backups against DKEK share files, offline.
target_sources(tokendesk_ui PRIVATE ${CMAKE_CURRENT_LIST_DIR}/checkkeybackupsdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/checkkeybackupsdialog.h)
