# SPDX-License-Identifier: GPL-3.0-or-later
# cmake -DUI_DIR=<dir> -P check_ui_no_session.cmake
# Fails when a C++ source under UI_DIR includes p11/session.h or calls
# Inventory::withSession / withoutSession: the UI builds a request and starts an
# operation of core/operations instead.
if(NOT IS_DIRECTORY "${UI_DIR}")
    message(FATAL_ERROR "UI_DIR '${UI_DIR}' is not a directory")
endif()
file(GLOB_RECURSE _sources "${UI_DIR}/*.cpp" "${UI_DIR}/*.h")
list(LENGTH _sources _count)
if(_count EQUAL 0)
    message(FATAL_ERROR "no C++ sources under ${UI_DIR}")
endif()
set(_found "")
foreach(_file IN LISTS _sources)
    file(STRINGS "${_file}" _lines REGEX "#[ \t]*include[ \t]*[<\"]p11/session\\.h[>\"]|with(out)?Session[ \t]*<")
    foreach(_line IN LISTS _lines)
        string(APPEND _found "  ${_file}: ${_line}\n")
    endforeach()
endforeach()
if(_found)
    message(FATAL_ERROR "The UI must not see a PKCS#11 session; use an operation from core/operations:\n${_found}")
endif()
message(STATUS "${_count} ui sources checked: no p11/session.h, no withSession")
