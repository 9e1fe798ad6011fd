#ifndef INGESTD_CLIBETPAN_SHIM_H
#define INGESTD_CLIBETPAN_SHIM_H
#include <libetpan/libetpan.h>

/* clist's iteration helpers are macros, which Swift cannot import. */
static inline clistiter *ingestd_clist_begin(clist *list) { return clist_begin(list); }
static inline clistiter *ingestd_clist_next(clistiter *iter) { return clist_next(iter); }
static inline void *ingestd_clist_content(clistiter *iter) { return clist_content(iter); }
static inline int ingestd_clist_count(clist *list) { return clist_count(list); }

#endif
