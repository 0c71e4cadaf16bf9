# SPDX-License-Identifier: GPL-3.0-or-later
# core/x509: OpenSSL-side work - certificate decoding, public keys from PKCS#11
# attributes, key IDs, certificate file reading. No PKCS#11 calls in here.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/certificatedecoder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificatedecoder.h
    ${CMAKE_CURRENT_LIST_DIR}/certificatefile.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificatefile.h
    ${CMAKE_CURRENT_LIST_DIR}/certificateinfo.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificateinfo.h
    ${CMAKE_CURRENT_LIST_DIR}/comparablekey.cpp
    ${CMAKE_CURRENT_LIST_DIR}/comparablekey.h
    ${CMAKE_CURRENT_LIST_DIR}/ecparams.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ecparams_p.h
    ${CMAKE_CURRENT_LIST_DIR}/keydescription.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keydescription.h
    ${CMAKE_CURRENT_LIST_DIR}/keyid.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyid.h
    ${CMAKE_CURRENT_LIST_DIR}/keymatch.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keymatch.h
    ${CMAKE_CURRENT_LIST_DIR}/opensslutil.cpp
    ${CMAKE_CURRENT_LIST_DIR}/opensslutil_p.h
    ${CMAKE_CURRENT_LIST_DIR}/publickey.cpp
    ${CMAKE_CURRENT_LIST_DIR}/publickey.h
    ${CMAKE_CURRENT_LIST_DIR}/publickeyattributes.h
    ${CMAKE_CURRENT_LIST_DIR}/x509error.cpp
    ${CMAKE_CURRENT_LIST_DIR}/x509error.h
    ${CMAKE_CURRENT_LIST_DIR}/x509logging.cpp
    ${CMAKE_CURRENT_LIST_DIR}/x509logging.h
)
