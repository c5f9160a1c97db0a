/* suggest.c: "did you mean": the query with its misspelt words replaced.
 * SPDX-License-Identifier: MIT
 *
 * A word is misspelt for lede when it is in no article at all (its
 * folded form is not a term) and Xapian's spelling table, which the
 * writer fills with every article's words, knows a word within two edits.
 * The suggestion is the query as the user typed it with only those words
 * swapped, so fields, phrases and operators stay as they were.
 */
#include <stdlib.h>
#include <string.h>

#include "analyze.h"
#include "search_internal.h"

#define MAX_EDITS 2

static int word_byte(unsigned char c)
{
	return c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '\'';
}

static int asked_for(const ldi_parsed_query_t *pq, const char *w, size_t n)
{
	size_t i;

	for (i = 0; i < pq->n_words; i++)
		if (strlen(pq->words[i]) == n && !memcmp(pq->words[i], w, n))
			return 1;
	return 0;
}

/* The replacement for the word text[0..n), or NULL (caller frees). */
static char *better_word(lede_db_t *db, const ldi_parsed_query_t *pq,
			 const char *text, size_t n, int *nomem)
{
	char *folded = NULL, *sugg = NULL;
	size_t flen;
	uint32_t freq = 1;

	if (ldi_fold(text, n, &folded, &flen) != 0) {
		*nomem = 1;
		return NULL;
	}
	if (flen >= 3 && asked_for(pq, folded, flen) &&
	    xc_db_termfreq(db->xdb, folded, flen, &freq) == XC_OK &&
	    freq == 0 &&
	    xc_db_spelling_suggestion(db->xdb, folded, flen, MAX_EDITS,
				      &sugg) == XC_OK &&
	    sugg && !strcmp(sugg, folded)) {
		xc_free(sugg);
		sugg = NULL;
	}
	free(folded);
	if (sugg) {
		size_t slen = strlen(sugg);
		char *copy = malloc(slen + 1);

		if (copy)
			memcpy(copy, sugg, slen + 1);
		xc_free(sugg);
		if (!copy)
			*nomem = 1;
		return copy;
	}
	return NULL;
}

lede_status_t ldi_suggest(lede_db_t *db, const char *text,
			  const ldi_parsed_query_t *pq, char **out)
{
	size_t len = strlen(text), i = 0, cap = 2 * len + 64, o = 0;
	char *buf = malloc(cap);
	int changed = 0, nomem = 0;

	*out = NULL;
	if (!buf)
		return LEDE_NOMEM;
	while (i < len && !nomem) {
		size_t start = i, n;
		char *better;

		if (!word_byte((unsigned char)text[i])) {
			buf[o++] = text[i++];
			continue;
		}
		while (i < len && word_byte((unsigned char)text[i]))
			i++;
		n = i - start;
		/* "field:value": the field name and its value stay. */
		if (i < len && text[i] == ':') {
			while (i < len && text[i] != ' ')
				i++;
			n = i - start;
			better = NULL;
		} else {
			better = better_word(db, pq, text + start, n, &nomem);
		}
		if (better) {
			size_t blen = strlen(better);

			if (o + blen + (len - i) + 1 > cap) {
				char *grown;

				cap = o + blen + (len - i) + 64;
				grown = realloc(buf, cap);
				if (!grown) {
					free(better);
					nomem = 1;
					break;
				}
				buf = grown;
			}
			memcpy(buf + o, better, blen);
			o += blen;
			changed = 1;
			free(better);
		} else {
			if (o + n + (len - i) + 1 > cap) {
				char *grown;

				cap = o + n + (len - i) + 64;
				grown = realloc(buf, cap);
				if (!grown) {
					nomem = 1;
					break;
				}
				buf = grown;
			}
			memcpy(buf + o, text + start, n);
			o += n;
		}
	}
	if (nomem) {
		free(buf);
		return LEDE_NOMEM;
	}
	buf[o] = '\0';
	if (changed)
		*out = buf;
	else
		free(buf);
	return LEDE_OK;
}
