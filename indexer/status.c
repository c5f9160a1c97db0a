/* status.c: status phrases, error messages, version and memory release.
 * SPDX-License-Identifier: MIT
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "db_internal.h"

const char *
lede_version(void)
{
	return LEDE_VERSION_STRING;
}

const char *
lede_status_str(lede_status_t status)
{
	switch (status) {
	case LEDE_OK: return "success";
	case LEDE_DONE: return "no more items";
	case LEDE_NOMEM: return "out of memory";
	case LEDE_MISUSE: return "library misused";
	case LEDE_NO_INDEX: return "no index there";
	case LEDE_LOCKED: return "index is locked by another writer";
	case LEDE_MODIFIED: return "index changed while reading";
	case LEDE_FORMAT: return "index format differs: re-index needed";
	case LEDE_CORRUPT: return "index is corrupt";
	case LEDE_BAD_QUERY: return "bad query";
	case LEDE_BAD_INPUT: return "input cannot be read as articles";
	case LEDE_IO: return "input/output error";
	case LEDE_XAPIAN: return "Xapian error";
	case LEDE_INTERNAL: return "internal error";
	}
	return "unknown status";
}

void
lede_free(void *p)
{
	free(p);
}

lede_status_t
ldi_status_from_xc(xc_status_t st)
{
	switch (st) {
	case XC_OK: return LEDE_OK;
	case XC_DONE: return LEDE_DONE;
	case XC_NOMEM: return LEDE_NOMEM;
	case XC_MISUSE: return LEDE_MISUSE;
	case XC_NO_DATABASE: return LEDE_NO_INDEX;
	case XC_LOCKED: return LEDE_LOCKED;
	case XC_MODIFIED: return LEDE_MODIFIED;
	case XC_VERSION: return LEDE_FORMAT;
	case XC_CORRUPT: return LEDE_CORRUPT;
	case XC_BAD_QUERY: return LEDE_BAD_QUERY;
	case XC_XAPIAN: return LEDE_XAPIAN;
	case XC_INTERNAL: return LEDE_INTERNAL;
	}
	return LEDE_INTERNAL;
}

#ifdef __GNUC__
__attribute__((format(printf, 1, 0)))
#endif
static char *
vformat(const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		return NULL;
	char *s = malloc((size_t)n + 1);
	if (s)
		vsnprintf(s, (size_t)n + 1, fmt, ap);
	return s;
}

char *
ldi_strdup_printf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(fmt, ap);
	va_end(ap);
	return s;
}

lede_status_t
ldi_set_error(char **errmsg, lede_status_t status, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = vformat(fmt, ap);
	va_end(ap);
	free(*errmsg);
	*errmsg = s;
	return status;
}
