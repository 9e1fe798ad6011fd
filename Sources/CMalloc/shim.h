#ifndef CMALLOC_SHIM_H
#define CMALLOC_SHIM_H
/* glibc's malloc tuning (mallopt): part of libc, nothing to link. */
#include <malloc.h>
#endif
