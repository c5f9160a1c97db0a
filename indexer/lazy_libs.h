/* lazy_libs.h: libxml2 and libarchive, loaded when a reader first needs
 * them.
 * SPDX-License-Identifier: MIT
 *
 * Only the readers use them (HTML pages, feeds and HTML fragments;
 * archives). Linked into liblede.so, they and what they pull in (ICU,
 * nettle, lzma, zstd, lz4, bzip2, acl) cost every process that loads
 * liblede about 0.75 ms of mapping and relocation at start, which a
 * one-shot lede-search, which never reads a file, paid on every query.
 * So liblede does not name them: the first reader to need one loads it
 * with dlopen, by the SONAME the build found, and looks up the functions
 * lede calls.
 *
 * A file that uses them includes their headers, then this one: each
 * function lede calls is then a macro for a pointer in ldi_libxml2 or
 * ldi_libarchive, so the code reads as if they were linked. Before the
 * first call, the caller must load the library (ldi_load_libxml2,
 * ldi_load_libarchive); ldi_xml_init does it for libxml2.
 *
 * Adding a function lede calls means adding it to the list here;
 * --no-undefined on liblede.so (CMakeLists.txt) fails the build for one
 * forgotten.
 */
#ifndef LEDE_LAZY_LIBS_H
#define LEDE_LAZY_LIBS_H

#include <archive.h>
#include <archive_entry.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/entities.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>

/* The functions of libxml2 lede calls. */
#define LDI_LIBXML2_FUNCTIONS(X)                                              \
	X(xmlInitParser)                                                      \
	X(htmlNewParserCtxt)                                                  \
	X(htmlCtxtReadMemory)                                                 \
	X(htmlFreeParserCtxt)                                                 \
	X(htmlEntityLookup)                                                   \
	X(htmlNodeDumpFormatOutput)                                           \
	X(xmlNewParserCtxt)                                                   \
	X(xmlCtxtReadMemory)                                                  \
	X(xmlFreeParserCtxt)                                                  \
	X(xmlFreeDoc)                                                         \
	X(xmlFreeNode)                                                        \
	X(xmlUnlinkNode)                                                      \
	X(xmlDocGetRootElement)                                               \
	X(xmlGetDocEntity)                                                    \
	X(xmlGetNsProp)                                                       \
	X(xmlNodeGetBase)                                                     \
	X(xmlNodeGetLang)                                                     \
	X(xmlNodeDump)                                                        \
	X(xmlBuildURI)                                                        \
	X(xmlBufferCreate)                                                    \
	X(xmlBufferContent)                                                   \
	X(xmlBufferLength)                                                    \
	X(xmlBufferFree)                                                      \
	X(xmlAllocOutputBuffer)                                               \
	X(xmlOutputBufferGetContent)                                          \
	X(xmlOutputBufferGetSize)                                             \
	X(xmlOutputBufferClose)

/* libxml2's variables lede reads: xmlFree is a pointer to the function
 * that frees what libxml2 allocated. */
#define LDI_LIBXML2_VARIABLES(X) X(xmlFree)

/* The functions of libarchive lede calls. */
#define LDI_LIBARCHIVE_FUNCTIONS(X)                                           \
	X(archive_read_new)                                                   \
	X(archive_read_free)                                                  \
	X(archive_read_support_filter_all)                                    \
	X(archive_read_support_format_tar)                                    \
	X(archive_read_support_format_zip)                                    \
	X(archive_read_support_format_cpio)                                   \
	X(archive_read_support_format_7zip)                                   \
	X(archive_read_support_format_raw)                                    \
	X(archive_read_open_fd)                                               \
	X(archive_read_open_filename)                                         \
	X(archive_read_next_header)                                           \
	X(archive_read_data)                                                  \
	X(archive_error_string)                                               \
	X(archive_format)                                                     \
	X(archive_entry_filetype)                                             \
	X(archive_entry_pathname)

#define LDI_LAZY_MEMBER(name) __typeof__(&name) name;

struct ldi_libxml2 {
	LDI_LIBXML2_FUNCTIONS(LDI_LAZY_MEMBER)
	LDI_LIBXML2_VARIABLES(LDI_LAZY_MEMBER)
};

struct ldi_libarchive {
	LDI_LIBARCHIVE_FUNCTIONS(LDI_LAZY_MEMBER)
};

/* Filled by the loaders below; read-only after. */
extern struct ldi_libxml2 ldi_libxml2;
extern struct ldi_libarchive ldi_libarchive;

/* Load the library once per process (any thread) and look up every
 * function in the lists above. NULL when it is loaded; else why not (its
 * SONAME and the loader's reason), the same text on every call. */
const char *ldi_load_libxml2(void);
const char *ldi_load_libarchive(void);

#ifndef LDI_LAZY_LIBS_LOADER
/* From here on a call of one of the listed functions calls through the
 * pointer; a macro does not expand inside its own expansion, so the
 * member keeps the name. */
#define xmlInitParser (ldi_libxml2.xmlInitParser)
#define htmlNewParserCtxt (ldi_libxml2.htmlNewParserCtxt)
#define htmlCtxtReadMemory (ldi_libxml2.htmlCtxtReadMemory)
#define htmlFreeParserCtxt (ldi_libxml2.htmlFreeParserCtxt)
#define htmlEntityLookup (ldi_libxml2.htmlEntityLookup)
#define htmlNodeDumpFormatOutput (ldi_libxml2.htmlNodeDumpFormatOutput)
#define xmlNewParserCtxt (ldi_libxml2.xmlNewParserCtxt)
#define xmlCtxtReadMemory (ldi_libxml2.xmlCtxtReadMemory)
#define xmlFreeParserCtxt (ldi_libxml2.xmlFreeParserCtxt)
#define xmlFreeDoc (ldi_libxml2.xmlFreeDoc)
#define xmlFreeNode (ldi_libxml2.xmlFreeNode)
#define xmlUnlinkNode (ldi_libxml2.xmlUnlinkNode)
#define xmlDocGetRootElement (ldi_libxml2.xmlDocGetRootElement)
#define xmlGetDocEntity (ldi_libxml2.xmlGetDocEntity)
#define xmlGetNsProp (ldi_libxml2.xmlGetNsProp)
#define xmlNodeGetBase (ldi_libxml2.xmlNodeGetBase)
#define xmlNodeGetLang (ldi_libxml2.xmlNodeGetLang)
#define xmlNodeDump (ldi_libxml2.xmlNodeDump)
#define xmlBuildURI (ldi_libxml2.xmlBuildURI)
#define xmlBufferCreate (ldi_libxml2.xmlBufferCreate)
#define xmlBufferContent (ldi_libxml2.xmlBufferContent)
#define xmlBufferLength (ldi_libxml2.xmlBufferLength)
#define xmlBufferFree (ldi_libxml2.xmlBufferFree)
#define xmlAllocOutputBuffer (ldi_libxml2.xmlAllocOutputBuffer)
#define xmlOutputBufferGetContent (ldi_libxml2.xmlOutputBufferGetContent)
#define xmlOutputBufferGetSize (ldi_libxml2.xmlOutputBufferGetSize)
#define xmlOutputBufferClose (ldi_libxml2.xmlOutputBufferClose)
/* A variable: the member points at it. */
#define xmlFree (*ldi_libxml2.xmlFree)

#define archive_read_new (ldi_libarchive.archive_read_new)
#define archive_read_free (ldi_libarchive.archive_read_free)
#define archive_read_support_filter_all                                       \
	(ldi_libarchive.archive_read_support_filter_all)
#define archive_read_support_format_tar                                       \
	(ldi_libarchive.archive_read_support_format_tar)
#define archive_read_support_format_zip                                       \
	(ldi_libarchive.archive_read_support_format_zip)
#define archive_read_support_format_cpio                                      \
	(ldi_libarchive.archive_read_support_format_cpio)
#define archive_read_support_format_7zip                                      \
	(ldi_libarchive.archive_read_support_format_7zip)
#define archive_read_support_format_raw                                       \
	(ldi_libarchive.archive_read_support_format_raw)
#define archive_read_open_fd (ldi_libarchive.archive_read_open_fd)
#define archive_read_open_filename (ldi_libarchive.archive_read_open_filename)
#define archive_read_next_header (ldi_libarchive.archive_read_next_header)
#define archive_read_data (ldi_libarchive.archive_read_data)
#define archive_error_string (ldi_libarchive.archive_error_string)
#define archive_format (ldi_libarchive.archive_format)
#define archive_entry_filetype (ldi_libarchive.archive_entry_filetype)
#define archive_entry_pathname (ldi_libarchive.archive_entry_pathname)
#endif /* LDI_LAZY_LIBS_LOADER */

#endif /* LEDE_LAZY_LIBS_H */
