# SPDX-License-Identifier: GPL-3.0-or-later
# core/keys: key generation, CSRs, certificate and PKCS#12 import, self-signed
# certificates, delete/rename/export and the token health check (issue 4).
#
# Signing with a token key goes through C_Sign in our own session
# (tokensigner.h), not through libp11's EVP_PKEY: libp11 loads and
# C_Initializes the module itself and C_Finalizes it when its context goes,
# underneath the sessions and logins TokenDesk holds for the same module (a
# module is loaded once per process, issue 2), and it would need the PIN for a
# login of its own. C_Sign needs neither, so libp11 is not linked.
target_sources(tokendesk_core PRIVATE
    ${CMAKE_CURRENT_LIST_DIR}/certificateimport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificateimport.h
    ${CMAKE_CURRENT_LIST_DIR}/certificatewriter.cpp
    ${CMAKE_CURRENT_LIST_DIR}/certificatewriter.h
    ${CMAKE_CURRENT_LIST_DIR}/csrbuilder.cpp
    ${CMAKE_CURRENT_LIST_DIR}/csrbuilder.h
    ${CMAKE_CURRENT_LIST_DIR}/csrspec.h
    ${CMAKE_CURRENT_LIST_DIR}/csrvalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/csrvalidator.h
    ${CMAKE_CURRENT_LIST_DIR}/healthcheck.cpp
    ${CMAKE_CURRENT_LIST_DIR}/healthcheck.h
    ${CMAKE_CURRENT_LIST_DIR}/healthfinding.h
    ${CMAKE_CURRENT_LIST_DIR}/hexid.cpp
    ${CMAKE_CURRENT_LIST_DIR}/hexid.h
    ${CMAKE_CURRENT_LIST_DIR}/keyalgorithm.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyalgorithm.h
    ${CMAKE_CURRENT_LIST_DIR}/keygenerator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keygenerator.h
    ${CMAKE_CURRENT_LIST_DIR}/keygenspec.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keygenspec.h
    ${CMAKE_CURRENT_LIST_DIR}/keygenvalidator.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keygenvalidator.h
    ${CMAKE_CURRENT_LIST_DIR}/keyoperationerror.h
    ${CMAKE_CURRENT_LIST_DIR}/keyrename.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyrename.h
    ${CMAKE_CURRENT_LIST_DIR}/keyslogging.cpp
    ${CMAKE_CURRENT_LIST_DIR}/keyslogging.h
    ${CMAKE_CURRENT_LIST_DIR}/objectdeletion.cpp
    ${CMAKE_CURRENT_LIST_DIR}/objectdeletion.h
    ${CMAKE_CURRENT_LIST_DIR}/objectexport.cpp
    ${CMAKE_CURRENT_LIST_DIR}/objectexport.h
    ${CMAKE_CURRENT_LIST_DIR}/objecttransaction.cpp
    ${CMAKE_CURRENT_LIST_DIR}/objecttransaction.h
    ${CMAKE_CURRENT_LIST_DIR}/ossl.cpp
    ${CMAKE_CURRENT_LIST_DIR}/ossl_p.h
    ${CMAKE_CURRENT_LIST_DIR}/pkcs12import.cpp
    ${CMAKE_CURRENT_LIST_DIR}/pkcs12import.h
    ${CMAKE_CURRENT_LIST_DIR}/requestextensions.cpp
    ${CMAKE_CURRENT_LIST_DIR}/requestextensions_p.h
    ${CMAKE_CURRENT_LIST_DIR}/selfsignedcert.cpp
    ${CMAKE_CURRENT_LIST_DIR}/selfsignedcert.h
    ${CMAKE_CURRENT_LIST_DIR}/signaturescheme.cpp
    ${CMAKE_CURRENT_LIST_DIR}/signaturescheme.h
    ${CMAKE_CURRENT_LIST_DIR}/subjectname.cpp
    ${CMAKE_CURRENT_LIST_DIR}/subjectname.h
    ${CMAKE_CURRENT_LIST_DIR}/tokenkey.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenkey.h
    ${CMAKE_CURRENT_LIST_DIR}/tokenobjects.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokenobjects.h
    ${CMAKE_CURRENT_LIST_DIR}/tokensigner.cpp
    ${CMAKE_CURRENT_LIST_DIR}/tokensigner.h
    ${CMAKE_CURRENT_LIST_DIR}/usagepreset.cpp
    ${CMAKE_CURRENT_LIST_DIR}/usagepreset.h
)
