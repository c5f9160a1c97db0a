/* finish.c: completes each record a reader gives before the caller sees
 * it: what the format did not say is filled from what is known.
 * SPDX-License-Identifier: MIT
 *
 * Readers only read; this is the one place that decides, for every
 * format alike, where a missing section, source or language comes from,
 * and that runs extraction. In order:
 * - every string is made valid UTF-8 (readers of self-describing formats
 *   decode; this catches whatever slipped through);
 * - an article bigger than LDI_MAX_ARTICLE is skipped with a warning;
 * - section: the record's, else the folder the input sits in (for
 *   formats of one article per file, when the caller allows it), else
 *   the link's path;
 * - source: the record's unless it is a URL (feed exports put the feed's
 *   address there), else the host of the link, else of that URL;
 * - language: the record's, else detected from the text;
 * - places, organisations, people and quotes: extracted from the text
 *   when the record has none of them.
 */
#include <stdlib.h>
#include <string.h>

#include "extract.h"
#include "finish.h"
#include "language.h"
#include "url.h"
#include "utf8.h"

#define HOST_MAX 256

/* Replaces *field by a repaired copy when it is not valid UTF-8. The
 * copy is kept in owned[*n]. */
static int repair(const char **field, char **owned, size_t *n)
{
	size_t len;
	char *fixed;

	if (!*field)
		return 0;
	len = strlen(*field);
	if (!ldi_utf8_invalid(*field, len))
		return 0;
	fixed = ldi_utf8_repair(*field, len, NULL, NULL);
	if (!fixed)
		return -1;
	owned[(*n)++] = fixed;
	*field = fixed;
	return 0;
}

/* A list of strings with every invalid one repaired: a new array when
 * any needed it. */
static int repair_list(const char *const **list, size_t count,
		       const char ***copy, char ***owned, size_t *n_owned)
{
	size_t i, bad = 0;

	for (i = 0; i < count; i++)
		if ((*list)[i] &&
		    ldi_utf8_invalid((*list)[i], strlen((*list)[i])))
			bad++;
	if (!bad)
		return 0;
	*copy = malloc(count * sizeof **copy);
	*owned = malloc(bad * sizeof **owned);
	if (!*copy || !*owned)
		return -1;
	for (i = 0; i < count; i++) {
		(*copy)[i] = (*list)[i];
		if (repair(&(*copy)[i], *owned, n_owned) != 0)
			return -1;
	}
	*list = *copy;
	return 0;
}

static int empty(const char *s)
{
	return !s || !*s;
}

/* The folder that holds `name` ("business" for "business/001.txt"), if
 * it can name a section; written to buf. */
static int folder_section(const char *name, char *buf, size_t size)
{
	const char *slash, *start;
	size_t len;

	if (!name || !(slash = strrchr(name, '/')))
		return 0;
	start = slash;
	while (start > name && start[-1] != '/')
		start--;
	len = (size_t)(slash - start);
	if (!ldi_folder_is_section(start, len) || len + 1 > size)
		return 0;
	memcpy(buf, start, len);
	buf[len] = '\0';
	return 1;
}

typedef struct owned_lists {
	const char **authors, **tags, **places, **orgs, **people;
	char **own_authors, **own_tags, **own_places, **own_orgs,
		**own_people;
	size_t n_authors, n_tags, n_places, n_orgs, n_people;
} owned_lists_t;

static void free_lists(owned_lists_t *o)
{
	size_t i;

	for (i = 0; i < o->n_authors; i++)
		free(o->own_authors[i]);
	for (i = 0; i < o->n_tags; i++)
		free(o->own_tags[i]);
	for (i = 0; i < o->n_places; i++)
		free(o->own_places[i]);
	for (i = 0; i < o->n_orgs; i++)
		free(o->own_orgs[i]);
	for (i = 0; i < o->n_people; i++)
		free(o->own_people[i]);
	free(o->authors);
	free(o->tags);
	free(o->places);
	free(o->orgs);
	free(o->people);
	free(o->own_authors);
	free(o->own_tags);
	free(o->own_places);
	free(o->own_orgs);
	free(o->own_people);
}

static int repair_all(lede_article_t *a, char **owned, size_t *n_owned,
		      owned_lists_t *o)
{
	const char **fields[] = {&a->id,      &a->headline, &a->body,
				 &a->source,  &a->section,  &a->language,
				 &a->url};
	size_t i;

	for (i = 0; i < sizeof fields / sizeof fields[0]; i++)
		if (repair(fields[i], owned, n_owned) != 0)
			return -1;
	if (repair_list(&a->authors, a->n_authors, &o->authors,
			&o->own_authors, &o->n_authors) != 0 ||
	    repair_list(&a->tags, a->n_tags, &o->tags, &o->own_tags,
			&o->n_tags) != 0 ||
	    repair_list(&a->places, a->n_places, &o->places, &o->own_places,
			&o->n_places) != 0 ||
	    repair_list(&a->orgs, a->n_orgs, &o->orgs, &o->own_orgs,
			&o->n_orgs) != 0 ||
	    repair_list(&a->people, a->n_people, &o->people, &o->own_people,
			&o->n_people) != 0)
		return -1;
	return 0;
}

int ldi_finish_article(void *ctx, const lede_article_t *in)
{
	ldi_finish_t *f = ctx;
	lede_article_t a = *in;
	char *owned[8];
	size_t n_owned = 0, i, size;
	owned_lists_t lists;
	ldi_entities_t ent;
	char section[HOST_MAX], host[HOST_MAX];
	int stop = 0, extracted = 0;

	memset(&lists, 0, sizeof lists);
	memset(&ent, 0, sizeof ent);
	if (f->failed)
		return 1;
	if (repair_all(&a, owned, &n_owned, &lists) != 0) {
		f->failed = LEDE_NOMEM;
		stop = 1;
		goto out;
	}

	size = (a.headline ? strlen(a.headline) : 0) +
	       (a.body ? strlen(a.body) : 0);
	if (size > LDI_MAX_ARTICLE) {
		ldi_warn(f->reader, 0,
			 "article '%s' is %zu MiB, over the %d MiB limit "
			 "(skipped)",
			 a.id ? a.id : "?", size >> 20, LDI_MAX_ARTICLE >> 20);
		goto out;
	}

	if (empty(a.section)) {
		if (f->folder_sections &&
		    folder_section(f->reader->name, section, sizeof section))
			a.section = section;
		else if (ldi_url_section(a.url, section, sizeof section))
			a.section = section;
	}
	if (empty(a.source) || ldi_is_url(a.source)) {
		if (ldi_url_host(a.url, host, sizeof host) ||
		    ldi_url_host(a.source, host, sizeof host))
			a.source = host;
		else if (ldi_is_url(a.source))
			a.source = NULL;
	}
	if (empty(a.language)) {
		const char *text = !empty(a.body) ? a.body : a.headline;

		if (text)
			a.language = ldi_language_detect(text, strlen(text));
	}

	if (!(f->flags & LEDE_PARSE_NO_EXTRACT) && !a.n_places &&
	    !a.n_orgs && !a.n_people && !a.n_quotes) {
		if (ldi_extract(a.headline, a.body, a.language, &ent) !=
		    LEDE_OK) {
			f->failed = LEDE_NOMEM;
			stop = 1;
			goto out;
		}
		extracted = 1;
		a.places = (const char *const *)ent.places;
		a.n_places = ent.n_places;
		a.orgs = (const char *const *)ent.orgs;
		a.n_orgs = ent.n_orgs;
		a.people = (const char *const *)ent.people;
		a.n_people = ent.n_people;
		a.quotes = ent.quotes;
		a.n_quotes = ent.n_quotes;
	}

	f->emitted++;
	stop = f->on_article(f->ctx, &a);
	if (stop)
		f->stopped = 1;
out:
	if (extracted)
		ldi_entities_free(&ent);
	for (i = 0; i < n_owned; i++)
		free(owned[i]);
	free_lists(&lists);
	return stop;
}

void ldi_finish_warning(void *ctx, const char *where, const char *message)
{
	ldi_finish_t *f = ctx;

	if (f->why)
		ldi_note_warning(f->why, where, message);
	if (f->on_warning)
		f->on_warning(f->ctx, where, message);
}
