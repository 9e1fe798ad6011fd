#ifndef INGESTD_CGNUTLS_SHIM_H
#define INGESTD_CGNUTLS_SHIM_H
#include <gnutls/gnutls.h>
#include <gnutls/x509.h>

/* gnutls_free is a global function-pointer variable, which Swift 6 rejects as shared mutable state. */
static inline void ingestd_gnutls_free(void *pointer) { gnutls_free(pointer); }

#endif
