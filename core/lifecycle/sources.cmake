# SPDX-License-Identifier: GPL-3.0-or-later
# Token and PIN lifecycle (issue 3): initialization, PIN change, unblock, their validators.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/displayfield.cpp
    ${CMAKE_CURRENT_LIST_DIR}/displayfield.h
    ${CMAKE_CURRENT_LIST_DIR}/inittokenparams.h
    ${CMAKE_CURRENT_LIST_DIR}/inittokenvalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/inittokenvalidator.h
    ${CMAKE_CURRENT_LIST_DIR}/lifecycleerror.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lifecycleerror.h
    ${CMAKE_CURRENT_LIST_DIR}/lifecyclejobs.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lifecyclejobs.h
    ${CMAKE_CURRENT_LIST_DIR}/lifecyclelog.cpp
    ${CMAKE_CURRENT_LIST_DIR}/lifecyclelog.h
    ${CMAKE_CURRENT_LIST_DIR}/objectcount.cpp
    ${CMAKE_CURRENT_LIST_DIR}/objectcount.h
    ${CMAKE_CURRENT_LIST_DIR}/pinchangeparams.h
    ${CMAKE_CURRENT_LIST_DIR}/pinchanger.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pinchanger.h
    ${CMAKE_CURRENT_LIST_DIR}/pinchangevalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pinchangevalidator.h
    ${CMAKE_CURRENT_LIST_DIR}/pinrules.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pinrules.h
    ${CMAKE_CURRENT_LIST_DIR}/pinstatus.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pinstatus.h
    ${CMAKE_CURRENT_LIST_DIR}/pinvalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pinvalidator.h
    ${CMAKE_CURRENT_LIST_DIR}/scopedsession.cpp
    ${CMAKE_CURRENT_LIST_DIR}/scopedsession.h
    ${CMAKE_CURRENT_LIST_DIR}/tokeninitializer.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokeninitializer.h
)
