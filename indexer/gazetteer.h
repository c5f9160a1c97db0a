/* gazetteer.h: the places lede knows by name, for extraction (extract.c)
 * and for place: queries (ldi_place_canonical in extract.h).
 * SPDX-License-Identifier: MIT
 *
 * Countries and the subdivisions a reader would recognise come from
 * Debian's iso-codes (JSON, read with jansson), loaded once per process on
 * first use; cities, regions, the names newspapers use ("UK", "Britain")
 * and Polish inflected forms come from tables in gazetteer.c. The files
 * are looked for in $LEDE_ISO_CODES_DIR when set, else in
 * /usr/share/iso-codes/json. Without them the gazetteer stays empty and
 * no places are found at all, hand tables included: the tables only add
 * to the ISO names, and an index whose places depend on what happened to
 * be installed should at least depend on it all or nothing. Running out
 * of memory while loading leaves it empty in the same way, for the life
 * of the process: the load is not retried.
 */
#ifndef LEDE_GAZETTEER_H
#define LEDE_GAZETTEER_H

#include <stddef.h>

#include "wordmap.h"

/* Flags of a gazetteer entry. */
enum {
	LDI_PLACE_NAME = 1u,	  /* the key names a place: value is its
				     canonical name (const char *) */
	LDI_PLACE_PREFIX = 2u,	  /* a longer name starts with these
				     words */
	LDI_PLACE_CONTEXT = 4u,	  /* also an ordinary word, a name or a
				     football club: a place only right after
				     a locative word ("in Jordan") */
	LDI_PLACE_FIRSTNAME = 8u, /* also a first name ("Georgia"): it may
				     start a person's name */
	LDI_PLACE_POLISH = 16u	  /* a Polish form: only in Polish text */
};

/* The entry for a name written as words joined by single spaces, with
 * U+2019 apostrophes written as ASCII "'" ("Cote d'Ivoire", "U.K."), or
 * NULL. Entries with neither NAME nor PREFIX are stop-listed names: treat
 * them as unknown. Loads the gazetteer on first use; thread-safe. */
const ldi_wordmap_entry_t *ldi_gazetteer_find(const char *key, size_t len);

/* The Polish voivodeship (its ISO name, "Mazowieckie") whose adjective
 * word is, in any of the forms that follow "województwo" ("mazowieckie",
 * "mazowieckim", "mazowieckiego", "mazowieckiemu"), or NULL. */
const char *ldi_gazetteer_voivodeship(const char *word, size_t len);

#endif /* LEDE_GAZETTEER_H */
