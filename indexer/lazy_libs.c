/* lazy_libs.c: loads libxml2 and libarchive on first use (see
 * lazy_libs.h for why).
 * SPDX-License-Identifier: MIT
 *
 * Each library is loaded once per process, by the first thread that asks
 * (pthread_once), and stays loaded. RTLD_LOCAL keeps its symbols out of
 * the process's global scope, as linking liblede.so alone would have.
 */
#define LDI_LAZY_LIBS_LOADER
#include "lazy_libs.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

/* The SONAMEs the build found (CMakeLists.txt); these are the ones of
 * libxml2 2.x and libarchive 3.x. */
#ifndef LDI_LIBXML2_SONAME
#define LDI_LIBXML2_SONAME "libxml2.so.2"
#endif
#ifndef LDI_LIBARCHIVE_SONAME
#define LDI_LIBARCHIVE_SONAME "libarchive.so.13"
#endif

struct ldi_libxml2 ldi_libxml2;
struct ldi_libarchive ldi_libarchive;

/* Why each library could not be loaded (empty: it was); written once,
 * inside its pthread_once, and read only after it. */
static char libxml2_error[512], libarchive_error[512];

/* dlsym gives an object pointer; POSIX guarantees a function pointer
 * fits in it, and copying the bytes is what ISO C allows. */
_Static_assert(sizeof(void *) == sizeof(void (*)(void)),
	       "function pointers are as wide as object pointers");

static void *
open_library(const char *soname, char *error, size_t size)
{
	void *h = dlopen(soname, RTLD_NOW | RTLD_LOCAL);
	if (!h) {
		const char *why = dlerror();
		snprintf(error, size,
			 "cannot load %s, which lede needs to read this "
			 "file: %s",
			 soname, why ? why : "unknown reason");
	}
	return h;
}

/* Looks up name in h into *slot; 0 (and the reason) when it is missing,
 * as in a library older than lede was built for. */
static int
look_up(void *h, const char *soname, const char *name, void *slot,
	char *error, size_t size)
{
	void *sym = dlsym(h, name);
	if (!sym) {
		snprintf(error, size,
			 "%s has no '%s', which lede needs: is it older than "
			 "the one lede was built with?",
			 soname, name);
		return 0;
	}
	memcpy(slot, &sym, sizeof sym);
	return 1;
}

static void
load_libxml2(void)
{
	void *h = open_library(LDI_LIBXML2_SONAME, libxml2_error,
			       sizeof libxml2_error);
	int ok = h != NULL;
#define LOOK_UP(name)                                                         \
	ok = ok && look_up(h, LDI_LIBXML2_SONAME, #name, &ldi_libxml2.name,   \
			   libxml2_error, sizeof libxml2_error);
	LDI_LIBXML2_FUNCTIONS(LOOK_UP)
	LDI_LIBXML2_VARIABLES(LOOK_UP)
#undef LOOK_UP
}

static void
load_libarchive(void)
{
	void *h = open_library(LDI_LIBARCHIVE_SONAME, libarchive_error,
			       sizeof libarchive_error);
	int ok = h != NULL;
#define LOOK_UP(name)                                                         \
	ok = ok && look_up(h, LDI_LIBARCHIVE_SONAME, #name,                   \
			   &ldi_libarchive.name, libarchive_error,           \
			   sizeof libarchive_error);
	LDI_LIBARCHIVE_FUNCTIONS(LOOK_UP)
#undef LOOK_UP
}

static pthread_once_t libxml2_once = PTHREAD_ONCE_INIT;
static pthread_once_t libarchive_once = PTHREAD_ONCE_INIT;

const char *
ldi_load_libxml2(void)
{
	pthread_once(&libxml2_once, load_libxml2);
	return *libxml2_error ? libxml2_error : NULL;
}

const char *
ldi_load_libarchive(void)
{
	pthread_once(&libarchive_once, load_libarchive);
	return *libarchive_error ? libarchive_error : NULL;
}
