/* spelling_records.c: spelling counts kept in the index until they go to
 * its spelling table.
 * SPDX-License-Identifier: MIT
 *
 * Giving Xapian a batch's words rewrites every spelling-table entry the
 * batch's new words touch (Xapian keeps, for each fragment of a word, the
 * list of words holding it): on a large load that was a third of
 * indexing, and grew with the table. So a writer gives the table its
 * tally only now and then (writer.c says when), and at the commits in
 * between it records what the tally counted since the last one, in a
 * metadata entry of the same commit. Those entries are what make the
 * delay safe: an article is never committed without its words being
 * either in the spelling table or in an entry, and whoever next gives
 * the table a tally also gives it the entries other handles left (a
 * crashed run's), then deletes them all, in one commit.
 *
 * An entry is LDI_META_SPELLING + the handle's session + ":" + a number,
 * holding lines "COUNT WORD\n" (words have no spaces or line breaks:
 * spelling.c keeps letters only). A handle knows its own entries by the
 * session; after a failed write it starts a new one, since what it
 * counted is then partly lost and the entries on disk are what holds.
 */
#define _POSIX_C_SOURCE 200809L

#include <inttypes.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "db_internal.h"
#include "hash.h"
#include "schema.h"
#include "spelling.h"

/* Entries read per page of metadata keys. */
#define ENTRY_PAGE 256

void
ldi_spell_new_session(lede_db_t *db)
{
	static atomic_ulong sessions;
	struct timespec ts;
	char seed[96];
	clock_gettime(CLOCK_REALTIME, &ts);
	int n = snprintf(seed, sizeof seed, "%ld %lld %ld %p %lu",
			 (long)getpid(), (long long)ts.tv_sec, ts.tv_nsec,
			 (void *)db, atomic_fetch_add(&sessions, 1) + 1);
	snprintf(db->spell_session, sizeof db->spell_session, "%016" PRIx64,
		 ldi_hash64(seed, (size_t)n));
	db->spell_entries = 0;
}

void
ldi_spell_forget(lede_db_t *db)
{
	ldi_tally_clear(&db->tally);
	ldi_spell_new_session(db);
}

static lede_status_t
failed(lede_db_t *db, xc_status_t xs, const char *what)
{
	return ldi_set_error(&db->errmsg, ldi_status_from_xc(xs),
			     "cannot %s index '%s': %s", what, db->path,
			     xc_db_errmsg(db->xdb));
}

lede_status_t
ldi_spell_record(lede_db_t *db)
{
	ldi_tally_t *t = &db->tally;
	char *buf = NULL;
	size_t len = 0, cap = 0;
	for (size_t i = 0; t->used && i < t->cap; i++) {
		ldi_tally_word_t *w = &t->slots[i];
		if (!w->len || w->count == w->recorded)
			continue;
		/* "COUNT WORD\n": ten digits at most, a space, a newline. */
		size_t need = len + w->len + 12;
		if (need > cap) {
			size_t grown_cap = cap ? 2 * cap : 65536;
			while (grown_cap < need)
				grown_cap *= 2;
			char *grown = realloc(buf, grown_cap);
			if (!grown) {
				free(buf);
				return ldi_set_error(&db->errmsg, LEDE_NOMEM,
						     "out of memory");
			}
			buf = grown;
			cap = grown_cap;
		}
		len += (size_t)sprintf(buf + len, "%" PRIu32 " ",
				       w->count - w->recorded);
		memcpy(buf + len, ldi_tally_word(t, w), w->len);
		len += w->len;
		buf[len++] = '\n';
	}
	t->checkpoint = t->articles;
	if (!len)
		return LEDE_OK;
	char key[sizeof LDI_META_SPELLING + 40];
	snprintf(key, sizeof key, "%s%s:%08lx", LDI_META_SPELLING,
		 db->spell_session, ++db->spell_entries);
	xc_status_t xs = xc_db_set_metadata(db->xdb, key, XC_NTS, buf, len);
	free(buf);
	if (xs != XC_OK)
		return failed(db, xs, "write");
	/* Recorded in the commit to come, with the articles counted. */
	for (size_t i = 0; i < t->cap; i++)
		t->slots[i].recorded = t->slots[i].count;
	return LEDE_OK;
}

/* Gives the spelling table the counts of an entry another handle left. */
static lede_status_t
give_entry(lede_db_t *db, const char *value, size_t len)
{
	const char *p = value, *end = value + len;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *line_end = nl ? nl : end;
		char *after;
		unsigned long count = strtoul(p, &after, 10);
		/* A line that is not "COUNT WORD" is skipped: the entry only
		 * ranks suggestions. */
		if (after > p && after < line_end && *after == ' ' &&
		    count > 0 && count <= UINT32_MAX &&
		    line_end - after > 1) {
			const char *word = after + 1;
			xc_status_t xs = xc_db_add_spelling(
				db->xdb, word, (size_t)(line_end - word),
				(uint32_t)count);
			if (xs != XC_OK)
				return failed(db, xs, "write");
		}
		p = line_end + 1;
	}
	return LEDE_OK;
}

lede_status_t
ldi_spell_take_entries(lede_db_t *db)
{
	size_t plen = strlen(LDI_META_SPELLING);
	char mine[sizeof LDI_META_SPELLING + sizeof db->spell_session + 1];
	snprintf(mine, sizeof mine, "%s%s:", LDI_META_SPELLING,
		 db->spell_session);
	size_t mine_len = strlen(mine);
	/* Deleting as it goes would move the pages under the listing:
	 * each page is listed again from the start, with what it deleted
	 * gone. */
	for (;;) {
		xc_list_t *page = NULL;
		xc_status_t xs = xc_db_metadata_keys(db->xdb, LDI_META_SPELLING,
						     plen, "", 0, ENTRY_PAGE,
						     &page);
		if (xs != XC_OK)
			return failed(db, xs, "read");
		size_t n = xc_list_size(page);
		lede_status_t st = LEDE_OK;
		for (size_t i = 0; i < n && st == LEDE_OK; i++) {
			const char *key;
			size_t klen;
			xc_list_item(page, i, &key, &klen, NULL);
			/* This handle's own entries are in its tally. */
			/* Deleted before it is given, in the same
			 * commit: a try that fails part way and is tried
			 * again never gives a line twice. */
			char *value = NULL;
			size_t vlen = 0;
			int theirs = klen < mine_len ||
				     memcmp(key, mine, mine_len) != 0;
			if (theirs) {
				xs = xc_db_get_metadata(db->xdb, key, klen,
							&value, &vlen);
				if (xs != XC_OK)
					st = failed(db, xs, "read");
			}
			if (st == LEDE_OK) {
				xs = xc_db_set_metadata(db->xdb, key, klen,
							"", 0);
				if (xs != XC_OK)
					st = failed(db, xs, "write");
			}
			if (st == LEDE_OK && value)
				st = give_entry(db, value, vlen);
			free(value);
		}
		xc_list_free(page);
		if (st != LEDE_OK || n < ENTRY_PAGE)
			return st;
	}
}
