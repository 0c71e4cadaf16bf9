# SPDX-License-Identifier: GPL-3.0-or-later
# SmartCard-HSM / Nitrokey HSM over PC/SC (issue 16): status, initialization, DKEK share import.
# Key backups in sc-hsm-tool --wrap-key's format, their offline check and the host-side blob builder (issue 13).
pkg_check_modules(PCSCLITE REQUIRED IMPORTED_TARGET libpcsclite)
target_link_libraries(tokendesk_core PRIVATE PkgConfig::PCSCLITE)
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/apdu.cpp
    ${CMAKE_CURRENT_LIST_DIR}/dkekimportplan.cpp
    ${CMAKE_CURRENT_LIST_DIR}/initializedevicevalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keybackupcheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keybackuperror.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keybackupfile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keybackupsave.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyblob.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pcscchannel.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmcard.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmdevice.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmerror.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmjobs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmkeybackup.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmkeyrestore.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmlog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmobjects.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmreadersearch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmreport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmstatus.cpp
    ${CMAKE_CURRENT_LIST_DIR}/schsmtokenlink.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tlv.cpp
)
