# SPDX-License-Identifier: GPL-3.0-or-later
# PC/SC service and readers, for the first-start panel (issue 12). Uses core/schsm's PC/SC link.
target_sources(tokendesk_core PRIVATE ${CMAKE_CURRENT_LIST_DIR}/readerstatus.cpp ${CMAKE_CURRENT_LIST_DIR}/readerstatus.h)
