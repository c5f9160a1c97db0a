/* read_jsonl.c: articles from JSON lines, a JSON array or one object.
 * SPDX-License-Identifier: MIT
 *
 * News exports name their fields in many ways: HuffPost's dataset has
 * "headline", "short_description", "authors" and "link"; feed archives
 * have "title", "description" and "date_published"; others follow
 * schema.org ("datePublished", "creator"). Each field below lists the
 * keys it is read from, most specific first; the first key whose value
 * is usable wins.
 *
 * JSON lines are parsed one line at a time, so a bad line costs only
 * itself: it is reported with its line number and the others are read.
 * Records are numbered 1, 2, ... over every non-blank line (or array
 * element), readable or not, so "name#N" ids do not shift when a broken
 * line is fixed and the file indexed again.
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "html_text.h"
#include "parser.h"
#include "reader.h"
#include "record.h"
#include "utf8.h"

#define N_KEYS(a) (sizeof(a) / sizeof((a)[0]))

static const char *const id_keys[] = {"id", "guid", "uuid"};
static const char *const headline_keys[] = {"headline", "title"};
static const char *const body_keys[] = {
	"body", "text", "content", "article", "description",
	"short_description", "summary"};
static const char *const author_keys[] = {"authors", "author", "byline",
					  "creator"};
static const char *const date_keys[] = {
	"date", "published", "date_published", "datePublished", "pubDate",
	"published_at", "created_at"};
static const char *const source_keys[] = {"source", "publisher", "outlet",
					  "site_name"};
static const char *const section_keys[] = {"section", "category"};
static const char *const language_keys[] = {"language", "lang"};
static const char *const url_keys[] = {"url", "link"};
static const char *const tag_keys[] = {"tags", "keywords", "categories"};
/* lede's own JSON output uses these: what lede writes, it reads back. */
static const char *const place_keys[] = {"places"};
static const char *const org_keys[] = {"orgs", "organisations",
				       "organizations"};
static const char *const people_keys[] = {"people", "persons"};

/* At most this many keys per field, mapped ones included. */
#define MAX_KEYS 24


typedef struct jl_state {
	const ldi_reader_t *r;
	/* Strings made for the current record, freed after it. */
	ldi_kept_t kept;
	/* List fields of the current record, borrowed from kept. */
	ldi_strlist_t authors, tags, places, orgs, people;
	size_t records; /* non-blank lines or array elements seen */
	size_t emitted; /* articles passed to on_article */
	int nomem;
} jl_state_t;

static int is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
	       c == '\f' || c == '\v';
}

static void trim(const char **s, size_t *len)
{
	while (*len > 0 && is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len > 0 && is_space((*s)[*len - 1]))
		(*len)--;
}

/* Takes ownership of p until the end of the record. */
static char *keep(jl_state_t *s, char *p)
{
	char *kept = ldi_keep(&s->kept, p);

	if (!kept)
		s->nomem = 1;
	return kept;
}

static void end_record(jl_state_t *s)
{
	ldi_kept_release(&s->kept, 0);
	s->authors.n = 0;
	s->tags.n = 0;
	s->places.n = 0;
	s->orgs.n = 0;
	s->people.n = 0;
}

/* A trimmed, NUL-terminated copy of t[0..n), or NULL when that is empty
 * (or memory ran out: s->nomem says which). JSON may hold "\u0000", which
 * would end the C string early; like a raw NUL byte it becomes U+FFFD. */
static char *copy_text(jl_state_t *s, const char *t, size_t n)
{
	size_t i, nul = 0, o = 0;
	char *out;

	trim(&t, &n);
	if (n == 0)
		return NULL;
	for (i = 0; i < n; i++)
		nul += t[i] == '\0';
	if (nul > (SIZE_MAX - 1 - n) / 2) {
		s->nomem = 1;
		return NULL;
	}
	out = keep(s, malloc(n + 2 * nul + 1));
	if (!out)
		return NULL;
	for (i = 0; i < n; i++) {
		if (t[i] == '\0') {
			out[o++] = (char)0xEF;
			out[o++] = (char)0xBF;
			out[o++] = (char)0xBD;
		} else {
			out[o++] = t[i];
		}
	}
	out[o] = '\0';
	return out;
}

/* Text of a scalar: strings as they are, numbers written out (an id of
 * 12345 is still an id); anything else gives NULL. */
static char *scalar_text(jl_state_t *s, const json_t *v)
{
	char num[64];

	if (json_is_string(v))
		return copy_text(s, json_string_value(v),
				 json_string_length(v));
	if (json_is_integer(v))
		snprintf(num, sizeof num, "%" JSON_INTEGER_FORMAT,
			 json_integer_value(v));
	else if (json_is_real(v))
		snprintf(num, sizeof num, "%.17g", json_real_value(v));
	else
		return NULL;
	return copy_text(s, num, strlen(num));
}

static char *first_text(jl_state_t *s, const json_t *obj,
			const char *const *keys, size_t n_keys)
{
	size_t i;

	for (i = 0; i < n_keys && !s->nomem; i++) {
		char *t = scalar_text(s, json_object_get(obj, keys[i]));

		if (t)
			return t;
	}
	return NULL;
}

/* A name given as a string or as an object with "name" (schema.org's
 * Person and Organization, JSON Feed's author). */
static char *name_text(jl_state_t *s, const json_t *v)
{
	if (json_is_object(v))
		v = json_object_get(v, "name");
	return scalar_text(s, v);
}

static int starts_with_by(const char *t, size_t n)
{
	return n > 3 && (t[0] == 'B' || t[0] == 'b') &&
	       (t[1] == 'Y' || t[1] == 'y') && t[2] == ' ';
}

/* Adds one value to a list, trimmed, unless it is empty or already
 * there. */
static void add_value(jl_state_t *s, ldi_strlist_t *list, const char *t,
		      size_t n)
{
	const char *value = copy_text(s, t, n);

	if (ldi_strlist_add(list, value, SIZE_MAX, LDI_MATCH_EXACT))
		s->nomem = 1;
}

/* An author's name, without a leading "By ". */
static void add_author(jl_state_t *s, const char *t, size_t n)
{
	trim(&t, &n);
	if (starts_with_by(t, n)) {
		t += 3;
		n -= 3;
	}
	add_value(s, &s->authors, t, n);
}

static int byline_author(void *ctx, const char *t, size_t n)
{
	jl_state_t *s = ctx;

	add_author(s, t, n);
	return s->nomem;
}

/* A byline string may hold several names: "A, B and C", "A; B". The cost
 * is that "Smith, John" becomes two names; bylines in that order are
 * rare in news data, lists of authors and agencies are not. */
static void split_authors(jl_state_t *s, const char *t, size_t n)
{
	if (!s->nomem)
		ldi_split_byline(t, n, byline_author, s);
}

/* The keys a field is read from: those the user mapped to it, then its
 * usual ones that no mapping claims for itself or ignores. */
static size_t field_keys(const jl_state_t *s, ldi_map_field_t field,
			 const char *const *usual, size_t n_usual,
			 const char **keys)
{
	const struct lede_parser *p = s->r->parser;
	size_t n = ldi_map_keys(p, field, keys, MAX_KEYS), i;

	for (i = 0; i < n_usual && n < MAX_KEYS; i++)
		if (!ldi_map_claims(p, usual[i]))
			keys[n++] = usual[i];
	return n;
}

#define KEYS(field, usual, keys) \
	field_keys(s, field, usual, N_KEYS(usual), keys)

static void read_authors(jl_state_t *s, const json_t *obj)
{
	const char *keys[MAX_KEYS];
	size_t k, n_keys = KEYS(LDI_MAP_AUTHORS, author_keys, keys);

	for (k = 0; k < n_keys && !s->nomem; k++) {
		const json_t *v = json_object_get(obj, keys[k]);

		if (json_is_string(v)) {
			split_authors(s, json_string_value(v),
				      json_string_length(v));
		} else if (json_is_object(v)) {
			char *t = name_text(s, v);

			if (t)
				add_author(s, t, strlen(t));
		} else if (json_is_array(v)) {
			size_t i;

			/* Array elements are names already: not split.
			 * A number in a list of names is noise. */
			for (i = 0; i < json_array_size(v) && !s->nomem; i++) {
				const json_t *e = json_array_get(v, i);
				char *t = json_is_number(e) ? NULL
							    : name_text(s, e);

				if (t)
					add_author(s, t, strlen(t));
			}
		}
		if (s->authors.n > 0)
			return;
	}
}

/* Tags and entity lists: an array of strings (or of objects with a
 * "name"), or one string of comma-separated values. */
static void read_list(jl_state_t *s, const json_t *obj,
		      const char *const *keys, size_t n_keys,
		      ldi_strlist_t *list)
{
	size_t k, i;

	for (k = 0; k < n_keys && !s->nomem && list->n == 0; k++) {
		const json_t *v = json_object_get(obj, keys[k]);

		if (json_is_string(v)) {
			const char *t = json_string_value(v);
			size_t n = json_string_length(v), start = 0;

			for (i = 0; i <= n && !s->nomem; i++)
				if (i == n || t[i] == ',') {
					add_value(s, list, t + start,
						  i - start);
					start = i + 1;
				}
		} else if (json_is_array(v)) {
			for (i = 0; i < json_array_size(v) && !s->nomem; i++) {
				char *t = name_text(s, json_array_get(v, i));

				if (t)
					add_value(s, list, t, strlen(t));
			}
		}
	}
}

/* Feed exports keep descriptions as the feed had them: HTML. */
static char *plain(jl_state_t *s, char *t)
{
	size_t n;
	char *text;

	if (!t || !ldi_html_has_markup(t, strlen(t)))
		return t;
	text = keep(s, ldi_html_to_text(t, strlen(t), &n));
	return text && n ? text : NULL;
}

/* The first value that is a string, or an object's "name". */
static char *first_name(jl_state_t *s, const json_t *obj,
			const char *const *keys, size_t n_keys)
{
	size_t i;

	for (i = 0; i < n_keys && !s->nomem; i++) {
		char *t = name_text(s, json_object_get(obj, keys[i]));

		if (t)
			return t;
	}
	return NULL;
}

static const char *json_kind(const json_t *v)
{
	switch (json_typeof(v)) {
	case JSON_ARRAY:
		return "an array";
	case JSON_STRING:
		return "a string";
	case JSON_INTEGER:
	case JSON_REAL:
		return "a number";
	case JSON_TRUE:
	case JSON_FALSE:
		return "a boolean";
	case JSON_NULL:
		return "null";
	case JSON_OBJECT:
	default:
		return "an object";
	}
}

/* Reads one record. line is its line (0 inside a multi-line document,
 * whose records are then named by number in warnings); text is the source
 * hashed for an id when nothing else gives one. Returns LEDE_OK (read or
 * skipped), LEDE_DONE or LEDE_NOMEM. */
static lede_status_t read_record(jl_state_t *s, const json_t *v, size_t line,
				 size_t recno, const char *text,
				 size_t text_len)
{
	const ldi_reader_t *r = s->r;
	char where[48] = "", qbuf[LDI_QUOTE_MAX + 4];
	char hash_id[LDI_CONTENT_ID_SIZE];
	const char *bad_date = NULL;
	char *lang;
	lede_article_t a;
	const char *keys[MAX_KEYS];
	size_t i, n_keys;
	int stop;

	if (line == 0)
		snprintf(where, sizeof where, "record %zu: ", recno);
	if (!json_is_object(v)) {
		ldi_warn(r, line, "%snot a JSON object but %s (skipped)", where,
			 json_kind(v));
		return LEDE_OK;
	}

	memset(&a, 0, sizeof a);
	a.date = LEDE_NO_DATE;
	n_keys = KEYS(LDI_MAP_HEADLINE, headline_keys, keys);
	a.headline = plain(s, first_text(s, v, keys, n_keys));
	n_keys = KEYS(LDI_MAP_BODY, body_keys, keys);
	a.body = plain(s, first_text(s, v, keys, n_keys));
	if (!s->nomem && !a.headline && !a.body) {
		ldi_warn(r, line, "%srecord has no headline or body (skipped)",
			 where);
		end_record(s);
		return LEDE_OK;
	}
	n_keys = KEYS(LDI_MAP_ID, id_keys, keys);
	a.id = first_text(s, v, keys, n_keys);
	n_keys = KEYS(LDI_MAP_URL, url_keys, keys);
	a.url = first_text(s, v, keys, n_keys);
	n_keys = KEYS(LDI_MAP_SOURCE, source_keys, keys);
	a.source = first_name(s, v, keys, n_keys);
	n_keys = KEYS(LDI_MAP_SECTION, section_keys, keys);
	a.section = first_text(s, v, keys, n_keys);
	n_keys = KEYS(LDI_MAP_LANGUAGE, language_keys, keys);
	lang = first_text(s, v, keys, n_keys);
	for (i = 0; lang && lang[i]; i++)
		if (lang[i] >= 'A' && lang[i] <= 'Z')
			lang[i] = (char)(lang[i] - 'A' + 'a');
	a.language = lang;
	read_authors(s, v);
	a.authors = s->authors.v;
	a.n_authors = s->authors.n;
	n_keys = KEYS(LDI_MAP_TAGS, tag_keys, keys);
	read_list(s, v, keys, n_keys, &s->tags);
	n_keys = KEYS(LDI_MAP_PLACES, place_keys, keys);
	read_list(s, v, keys, n_keys, &s->places);
	n_keys = KEYS(LDI_MAP_ORGS, org_keys, keys);
	read_list(s, v, keys, n_keys, &s->orgs);
	n_keys = KEYS(LDI_MAP_PEOPLE, people_keys, keys);
	read_list(s, v, keys, n_keys, &s->people);
	a.tags = s->tags.v;
	a.n_tags = s->tags.n;
	a.places = s->places.v;
	a.n_places = s->places.n;
	a.orgs = s->orgs.v;
	a.n_orgs = s->orgs.n;
	a.people = s->people.v;
	a.n_people = s->people.n;

	/* The first date that parses wins; one that does not is reported
	 * only when no other key gives a date. */
	n_keys = KEYS(LDI_MAP_DATE, date_keys, keys);
	for (i = 0; i < n_keys && !s->nomem; i++) {
		char *t = scalar_text(s, json_object_get(v, keys[i]));

		if (!t)
			continue;
		if (lede_date_parse(t, LEDE_NTS, &a.date) == LEDE_OK)
			break;
		a.date = LEDE_NO_DATE;
		if (!bad_date)
			bad_date = t;
	}
	if (s->nomem) {
		end_record(s);
		return LEDE_NOMEM;
	}
	if (a.date == LEDE_NO_DATE && bad_date)
		ldi_warn(r, line, "%sunrecognised date '%s' (field left empty)",
			 where, ldi_quote(bad_date, qbuf));

	if (!a.id)
		a.id = a.url;
	if (!a.id && r->name) {
		size_t n = strlen(r->name) + 24;
		char *id = keep(s, malloc(n));

		if (!id) {
			end_record(s);
			return LEDE_NOMEM;
		}
		snprintf(id, n, "%s#%zu", r->name, recno);
		a.id = id;
	}
	if (!a.id) {
		ldi_content_id(text, text_len, hash_id);
		a.id = hash_id;
	}

	stop = r->on_article(r->ctx, &a);
	s->emitted++;
	end_record(s);
	return stop ? LEDE_DONE : LEDE_OK;
}

/* jansson's message quotes the input near the error, cut to a fixed size
 * that may split a character; warnings must be valid UTF-8. */
static void warn_json_error(jl_state_t *s, size_t line, const char *what,
			    const json_error_t *err)
{
	size_t n = strlen(err->text);
	const char *msg = err->text;
	char *fixed = NULL;

	if (ldi_utf8_invalid(msg, n)) {
		fixed = ldi_utf8_repair(msg, n, NULL, NULL);
		msg = fixed ? fixed : "(unprintable message)";
	}
	ldi_warn(s->r, line, "invalid JSON: %s (%s skipped)", msg, what);
	free(fixed);
}

static int is_oom(const json_error_t *err)
{
	return json_error_code(err) == json_error_out_of_memory;
}

/* The records of one parsed JSON document: an array of them, or one. */
static lede_status_t read_document(jl_state_t *s, const json_t *doc)
{
	lede_status_t st = LEDE_OK;
	size_t i, n = json_is_array(doc) ? json_array_size(doc) : 1;

	for (i = 0; i < n && st == LEDE_OK; i++) {
		const json_t *v = json_is_array(doc) ? json_array_get(doc, i)
						     : doc;
		char *text;

		s->records++;
		/* No source text to hash here: the element written out
		 * with sorted keys is as stable. */
		text = json_dumps(v, JSON_COMPACT | JSON_SORT_KEYS |
					     JSON_ENCODE_ANY);
		if (!text)
			return LEDE_NOMEM;
		st = read_record(s, v, 0, s->records, text, strlen(text));
		free(text);
	}
	return st;
}

static lede_status_t read_lines(jl_state_t *s, const char *buf,
				size_t len);

/* A buffer that starts with '[': one array of records, unless the array
 * is followed by more JSON, in which case it was the first of many
 * lines. */
static lede_status_t read_whole(jl_state_t *s, const char *buf, size_t len)
{
	json_error_t err;
	json_t *doc;
	lede_status_t st;

	doc = json_loadb(buf, len, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
	if (!doc) {
		if (is_oom(&err))
			return LEDE_NOMEM;
		if (json_error_code(&err) == json_error_end_of_input_expected)
			return read_lines(s, buf, len);
		s->records++;
		warn_json_error(s, (size_t)(err.line > 0 ? err.line : 0),
				"input", &err);
		return LEDE_OK;
	}
	st = read_document(s, doc);
	json_decref(doc);
	return st;
}

static lede_status_t read_lines(jl_state_t *s, const char *buf, size_t len)
{
	size_t pos = 0, line = 0;

	while (pos < len) {
		const char *nl = memchr(buf + pos, '\n', len - pos);
		size_t end = nl ? (size_t)(nl - buf) : len;
		const char *t = buf + pos;
		size_t n = end - pos;
		json_error_t err;
		json_t *v;
		lede_status_t st;

		line++;
		pos = end + 1;
		trim(&t, &n);
		if (n == 0)
			continue;
		s->records++;
		v = json_loadb(t, n, JSON_DECODE_ANY | JSON_ALLOW_NUL, &err);
		if (!v && is_oom(&err))
			return LEDE_NOMEM;
		if (!v && s->records == 1 && pos < len) {
			/* Not JSON lines after all, perhaps: one object
			 * written over many lines. */
			v = json_loadb(buf, len,
				       JSON_DECODE_ANY | JSON_ALLOW_NUL, NULL);
			if (v) {
				s->records = 0;
				st = read_document(s, v);
				json_decref(v);
				return st;
			}
		}
		if (!v) {
			warn_json_error(s, line, "line", &err);
			continue;
		}
		st = read_record(s, v, line, s->records, t, n);
		json_decref(v);
		if (st != LEDE_OK)
			return st;
	}
	return LEDE_OK;
}

lede_status_t ldi_read_jsonl(const ldi_reader_t *r, const char *buf,
			     size_t len)
{
	jl_state_t s;
	lede_status_t st;
	size_t i = 0;

	memset(&s, 0, sizeof s);
	s.r = r;
	while (i < len && is_space(buf[i]))
		i++;
	if (i < len && buf[i] == '[')
		st = read_whole(&s, buf, len);
	else
		st = read_lines(&s, buf, len);
	end_record(&s);
	ldi_kept_free(&s.kept);
	ldi_strlist_free(&s.authors);
	ldi_strlist_free(&s.tags);
	ldi_strlist_free(&s.places);
	ldi_strlist_free(&s.orgs);
	ldi_strlist_free(&s.people);

	if (st != LEDE_OK)
		return st;
	if (s.records == 0) {
		ldi_warn(r, 0, "no articles found");
		return LEDE_OK;
	}
	return s.emitted > 0 ? LEDE_OK : LEDE_BAD_INPUT;
}
