/* extract.h: the fields an article names without labelling them: places,
 * organisations, people and quotes.
 * SPDX-License-Identifier: MIT
 *
 * Precision beats recall: a wrong facet value misleads every reader of a
 * facet list, a missing one costs one article's recall. Every rule here
 * therefore needs positive evidence (a gazetteer entry, an honorific or
 * title, an organisation word, an acronym with its expansion, a speech
 * verb), never capitalisation alone.
 *
 * Each entity has one canonical form, so that a facet shows one value per
 * entity: "United Kingdom" for UK, U.K., Britain; "Gordon Brown" for a
 * later "Mr Brown" in the same article; "Independent Office for Police
 * Conduct" for IOPC once the article has spelt it out.
 */
#ifndef LEDE_EXTRACT_H
#define LEDE_EXTRACT_H

#include <stddef.h>

#include "lede.h"

typedef struct ldi_entities {
	char **places;		/* canonical names, each once, in order of
				   first mention */
	size_t n_places;
	char **orgs;
	size_t n_orgs;
	char **people;
	size_t n_people;
	lede_quote_t *quotes;	/* text and speaker malloc'ed; speaker NULL
				   when the sentence names no one */
	size_t n_quotes;
} ldi_entities_t;

/* Extracts entities from an article's headline and body (either may be
 * NULL; UTF-8; body paragraphs separated by "\n\n", crossheads on lines
 * of their own). `language` is the article's BCP 47 code or NULL: rules
 * for names and speech verbs are English ones, and for other languages
 * only the gazetteer (places) runs. Fills *out (zeroed first); free it
 * with ldi_entities_free. Returns LEDE_OK or LEDE_NOMEM (*out then
 * empty). Thread-safe: the gazetteer is loaded once, on first use. */
lede_status_t ldi_extract(const char *headline, const char *body,
			  const char *language, ldi_entities_t *out);

void ldi_entities_free(ldi_entities_t *e);

/* The canonical name of a place as written ("UK", "U.K." and "Britain"
 * give "United Kingdom") or NULL when the gazetteer does not know it. Borrowed
 * from the gazetteer, valid for the life of the process. For the query
 * side: place:UK must find what was indexed as "United Kingdom". */
const char *ldi_place_canonical(const char *name, size_t len);

#endif /* LEDE_EXTRACT_H */
