/* stop_table_gen.c: writes the stopword hash table as C source, at build time.
 * SPDX-License-Identifier: MIT
 *
 * Usage: stop_table_gen FILE. The build runs it (CMakeLists.txt) to write
 * FILE, stop_table.c: the const tables stop_table.h declares, hashed from
 * the lists of language_table.h. It fails, and the build with it, when the
 * lists outgrow the table: more than LDI_STOP_SLOTS / 2 distinct words,
 * more text than 16-bit offsets reach, a word over 255 bytes. It writes
 * FILE.tmp and renames that, so a failed run leaves no half-written table
 * for the next build to take as up to date.
 */
#include "language_table.h"
#include "stop_table.h"

#include <inttypes.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* Half the slots, so probes stay short (stop_table.h). */
#define MAX_WORDS (LDI_STOP_SLOTS / 2)

static struct ldi_stop_word words[MAX_WORDS];
static size_t nwords;
static uint16_t slots[LDI_STOP_SLOTS];
/* Every offset, and every offset plus length, fits in 16 bits. */
static char text[UINT16_MAX];
static size_t text_len;

/* Adds languages[lang]'s bit to the set of the NUL-terminated word w,
 * giving the word an entry and a slot when it is new. Words take slots in
 * the order they come, which moves probes around but changes no answer. */
static int add(const char *w, size_t lang)
{
	size_t len = strlen(w);
	uint32_t i = ldi_stop_hash(w, len) & (LDI_STOP_SLOTS - 1);
	struct ldi_stop_word *e;

	while (slots[i]) {
		e = &words[slots[i] - 1];
		if (e->len == len && !memcmp(text + e->off, w, len)) {
			e->langs |= UINT64_C(1) << lang;
			return 0;
		}
		i = (i + 1) & (LDI_STOP_SLOTS - 1);
	}
	if (nwords == MAX_WORDS) {
		fprintf(stderr,
			"stop_table_gen: more than %d distinct stopwords: "
			"raise LDI_STOP_SLOTS in stop_table.h\n",
			MAX_WORDS);
		return -1;
	}
	if (len > UINT8_MAX) {
		fprintf(stderr,
			"stop_table_gen: stopword '%s' is over %d bytes\n", w,
			UINT8_MAX);
		return -1;
	}
	if (len > sizeof text - text_len) {
		fprintf(stderr,
			"stop_table_gen: the stopwords are over %zu bytes: "
			"widen ldi_stop_word.off in stop_table.h\n",
			sizeof text);
		return -1;
	}
	e = &words[nwords++];
	e->langs = UINT64_C(1) << lang;
	e->off = (uint16_t)text_len;
	e->len = (uint8_t)len;
	memcpy(text + text_len, w, len);
	text_len += len;
	slots[i] = (uint16_t)nwords;
	return 0;
}

/* The word of entry e as a comment, unless its bytes could end one. */
static void put_comment(FILE *f, const struct ldi_stop_word *e)
{
	if (!memchr(text + e->off, '*', e->len))
		fprintf(f, " /* %.*s */", (int)e->len, text + e->off);
}

static void put_table(FILE *f, size_t listed)
{
	size_t i, j;

	fputs("/* stop_table.c: the stopword table stop_table.h declares.\n"
	      " * SPDX-License-Identifier: MIT\n"
	      " *\n"
	      " * Written by stop_table_gen (indexer/stop_table_gen.c) from\n"
	      " * the lists of indexer/language_table.h when the library is\n",
	      f);
	fprintf(f,
		" * built: edit those, not this. %zu distinct words of %zu\n"
		" * listed, %zu bytes of text, %d slots.\n"
		" */\n"
		"#include \"stop_table.h\"\n\n",
		nwords, listed, text_len, LDI_STOP_SLOTS);

	/* Character constants, because one string literal this long would
	 * be over the 4095 bytes C requires compilers to take (gcc's
	 * -Woverlength-strings, on with -Wpedantic). */
	fprintf(f, "const char ldi_stop_text[%zu] = {\n", text_len);
	for (i = 0; i < nwords; i++) {
		const struct ldi_stop_word *e = &words[i];

		putc('\t', f);
		for (j = 0; j < e->len; j++) {
			unsigned char c = (unsigned char)text[e->off + j];

			if (j)
				putc(' ', f);
			if (c >= 0x20 && c < 0x7f && c != '\'' && c != '\\')
				fprintf(f, "'%c',", c);
			else
				fprintf(f, "'\\x%02x',", c);
		}
		put_comment(f, e);
		putc('\n', f);
	}
	fprintf(f, "};\n\n");

	fprintf(f, "const struct ldi_stop_word ldi_stop_words[%zu] = {\n",
		nwords);
	for (i = 0; i < nwords; i++) {
		fprintf(f, "\t{ UINT64_C(0x%016" PRIx64 "), %u, %u },",
			words[i].langs, (unsigned)words[i].off,
			(unsigned)words[i].len);
		put_comment(f, &words[i]);
		putc('\n', f);
	}
	fprintf(f, "};\n\n");

	fprintf(f, "const uint16_t ldi_stop_slots[LDI_STOP_SLOTS] = {");
	for (i = 0; i < LDI_STOP_SLOTS; i++)
		fprintf(f, "%s%u,", i % 12 ? " " : "\n\t", (unsigned)slots[i]);
	fprintf(f, "\n};\n");
}

int main(int argc, char **argv)
{
	static char tmp[4096];
	size_t i, j, listed = 0;
	FILE *f;
	int bad;

	if (argc != 2) {
		fprintf(stderr, "usage: stop_table_gen FILE\n");
		return 2;
	}
	for (i = 0; i < NLANG; i++)
		for (j = 0; j < languages[i].nstop; j++, listed++)
			if (add(languages[i].stop[j], i) < 0)
				return 1;
	if (nwords == 0) {
		fprintf(stderr, "stop_table_gen: no stopwords listed\n");
		return 1;
	}

	if ((size_t)snprintf(tmp, sizeof tmp, "%s.tmp", argv[1]) >=
	    sizeof tmp) {
		fprintf(stderr, "stop_table_gen: '%s': path too long\n",
			argv[1]);
		return 1;
	}
	f = fopen(tmp, "w");
	if (!f) {
		fprintf(stderr, "stop_table_gen: cannot open '%s': ", tmp);
		perror(NULL);
		return 1;
	}
	put_table(f, listed);
	bad = ferror(f);
	if (fclose(f) != 0 || bad || rename(tmp, argv[1]) != 0) {
		fprintf(stderr, "stop_table_gen: cannot write '%s': ", argv[1]);
		perror(NULL);
		remove(tmp);
		return 1;
	}
	return 0;
}
