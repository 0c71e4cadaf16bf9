# SPDX-License-Identifier: GPL-3.0-or-later
# Issue 14, the GUI half: "Use this key in…" and Help → Check this workstation… (core/workstation does the work).
target_sources(tokendesk_ui PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/usekeydialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usekeydialog.h
    ${CMAKE_CURRENT_LIST_DIR}/checkworkstationdialog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/checkworkstationdialog.h
)
