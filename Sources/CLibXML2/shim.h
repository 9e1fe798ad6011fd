#ifndef INGESTD_CLIBXML2_SHIM_H
#define INGESTD_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
/* Debian's libxml2 is built with ICU; its UErrorCode clashes with the toolchain's copy used by FoundationXML.
   The product never uses the ICU-dependent struct by value, so hide it. */
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/xmlmemory.h>

/* xmlFree is a global function-pointer variable, which Swift 6 rejects. */
static inline void ingestd_xml_free(void *p) { xmlFree(p); }

#endif
