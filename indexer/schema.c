/* schema.c: the field table queries use, and the unique id term.
 * SPDX-License-Identifier: MIT
 */
#include <string.h>

#include "hash.h"
#include "schema.h"

/* Every name a query may put before a colon. Two names may share a field
 * (title/headline, author/by) because people type both. */
static const ldi_query_field_t query_fields[] = {
	{ "title", LDI_PREFIX_HEADLINE, LDI_FIELD_TEXT },
	{ "headline", LDI_PREFIX_HEADLINE, LDI_FIELD_TEXT },
	{ "author", LDI_PREFIX_AUTHOR, LDI_FIELD_NAME },
	{ "by", LDI_PREFIX_AUTHOR, LDI_FIELD_NAME },
	{ "source", LDI_PREFIX_SOURCE, LDI_FIELD_BOOLEAN },
	{ "section", LDI_PREFIX_SECTION, LDI_FIELD_BOOLEAN },
	{ "lang", LDI_PREFIX_LANGUAGE, LDI_FIELD_BOOLEAN },
	{ "language", LDI_PREFIX_LANGUAGE, LDI_FIELD_BOOLEAN },
	{ "url", LDI_PREFIX_URL, LDI_FIELD_EXACT },
	{ "id", LDI_PREFIX_ID, LDI_FIELD_EXACT },
	{ "tag", LDI_PREFIX_TAG, LDI_FIELD_BOOLEAN },
	{ "place", LDI_PREFIX_PLACE, LDI_FIELD_PLACE },
	{ "org", LDI_PREFIX_ORG, LDI_FIELD_BOOLEAN },
	{ "person", LDI_PREFIX_PERSON, LDI_FIELD_BOOLEAN },
	{ "quote", LDI_PREFIX_QUOTE, LDI_FIELD_TEXT },
	{ "date", LDI_PREFIX_DAY, LDI_FIELD_DATE },
};

const ldi_query_field_t *
ldi_query_field(const char *name, size_t len)
{
	for (size_t i = 0; i < sizeof query_fields / sizeof *query_fields;
	     i++) {
		const char *n = query_fields[i].name;
		if (strlen(n) == len && !memcmp(n, name, len))
			return &query_fields[i];
	}
	return NULL;
}

/* Writes prefix + s to buf, s cut to max bytes and ended with a hash of
 * the whole when longer: a readable head, made unique by the hash. */
static size_t
cut_key(const char *prefix, size_t max, const char *s, size_t len, char *buf)
{
	size_t plen = strlen(prefix);
	memcpy(buf, prefix, plen);
	if (len <= max) {
		memcpy(buf + plen, s, len);
		return plen + len;
	}
	size_t head = max - LDI_CONTENT_ID_SIZE;
	memcpy(buf + plen, s, head);
	char hash[LDI_CONTENT_ID_SIZE];
	ldi_content_id(s, len, hash);
	size_t hlen = strlen(hash);
	memcpy(buf + plen + head, hash, hlen);
	return plen + head + hlen;
}

size_t
ldi_id_term(const char *id, size_t len, char *buf)
{
	/* Too long for a Xapian term: cut. */
	return cut_key(LDI_PREFIX_ID, LDI_MAX_ID_TERM, id, len, buf);
}

size_t
ldi_file_key(const char *prefix, const char *name, size_t len, char *buf)
{
	return cut_key(prefix, LDI_MAX_FILE_KEY, name, len, buf);
}

void
ldi_sort_key(int64_t date, int newest, char buf[LDI_SORT_KEY_DATE])
{
	/* Flipping the sign bit makes unsigned byte order the order of
	 * signed dates; inverting every bit reverses it. Undated articles
	 * come last either way. */
	uint64_t k = (uint64_t)date ^ UINT64_C(0x8000000000000000);
	if (newest)
		k = ~k;
	if (date == LEDE_NO_DATE)
		k = UINT64_MAX;
	for (int i = LDI_SORT_KEY_DATE - 1; i >= 0; i--) {
		buf[i] = (char)(k & 0xff);
		k >>= 8;
	}
}
