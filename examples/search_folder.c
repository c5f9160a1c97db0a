/* search_folder.c: index a folder of news articles, then search it, with
 * liblede. A complete program a tool can start from.
 * SPDX-License-Identifier: MIT
 *
 *   search_folder INDEX FOLDER QUERY...
 *
 * Every file under FOLDER (text, JSON lines, HTML, feeds, messages, also
 * gzipped or in archives) goes into the index at INDEX, created if
 * missing; then the best five hits for QUERY are printed with the counts
 * of their sections. Build it against an installed lede with pkg-config:
 *
 *   cc -o search_folder search_folder.c $(pkg-config --cflags --libs lede)
 *
 * or with CMake's find_package(lede): see CMakeLists.txt beside it.
 */
#define _POSIX_C_SOURCE 200809L /* for opendir and stat */

#include <dirent.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include <lede.h>

/* The parser hands each article it finds to this callback, which adds it
 * to the index (ctx is the database). A non-zero return stops the parse. */
static int
add_article(void *ctx, const lede_article_t *article)
{
	lede_db_t *db = ctx;
	if (lede_db_add(db, article) != LEDE_OK) {
		fprintf(stderr, "cannot add '%s': %s\n", article->id,
			lede_errmsg(db));
		return 1;
	}
	return 0;
}

/* Problems that do not stop a parse (a bad JSON line, invalid UTF-8). */
static void
warn(void *ctx, const char *where, const char *message)
{
	(void)ctx;
	fprintf(stderr, "warning: %s: %s\n", where, message);
}

/* Reads every file below dir. `rel` is its path below the folder named on
 * the command line; it becomes the article's id ("sport/001.txt"), so
 * indexing the folder again replaces articles instead of adding copies. */
static void
index_folder(lede_parser_t *parser, const char *dir, const char *rel)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	while (d && (e = readdir(d))) {
		char path[4096], id[4096];
		struct stat sb;
		if (e->d_name[0] == '.')
			continue; /* ".", ".." and hidden files */
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		snprintf(id, sizeof id, "%s%s%s", rel, *rel ? "/" : "",
			 e->d_name);
		if (stat(path, &sb) != 0)
			continue;
		if (S_ISDIR(sb.st_mode))
			index_folder(parser, path, id);
		else if (S_ISREG(sb.st_mode) &&
			 lede_parser_file(parser, path, id) == LEDE_IO)
			fprintf(stderr, "%s\n", lede_parser_errmsg(parser));
	}
	if (d)
		closedir(d);
}

/* Prints the best five hits for text, and the section facet counted over
 * every match, not only those five. Returns main's exit status. */
static int
search(lede_db_t *db, const char *text)
{
	lede_query_t *q;
	lede_results_t *r;
	uint64_t total, count;
	const char *value;
	if (lede_query_new(db, text, LEDE_NTS, &q) != LEDE_OK) {
		fprintf(stderr, "bad query: %s\n", lede_errmsg(db));
		return 2;
	}
	lede_query_set_limit(q, 5);
	lede_query_add_facet(q, LEDE_FIELD_SECTION, 0);
	if (lede_query_run(q, &r) != LEDE_OK) {
		fprintf(stderr, "search failed: %s\n", lede_query_errmsg(q));
		lede_query_free(q);
		return 1;
	}
	lede_results_total(r, &total, NULL);
	printf("%llu matches for '%s'\n", (unsigned long long)total, text);
	while (lede_results_next(r) == LEDE_OK) { /* LEDE_DONE after the last */
		/* Borrowed strings, valid until the next lede_results_next;
		 * NULL for a field the article does not have. */
		const char *headline =
			lede_results_field(r, LEDE_FIELD_HEADLINE, 0);
		printf("%2u. %-20s %s\n", lede_results_rank(r),
		       lede_results_field(r, LEDE_FIELD_ID, 0),
		       headline ? headline : "(no headline)");
	}
	printf("sections:\n");
	for (size_t i = 0; lede_results_facet(r, LEDE_FIELD_SECTION, i, &value,
					      &count) == LEDE_OK;
	     i++)
		printf("  %-12s %llu\n", value, (unsigned long long)count);
	lede_results_free(r);
	lede_query_free(q);
	return 0;
}

int
main(int argc, char **argv)
{
	if (argc < 4) {
		fprintf(stderr, "usage: search_folder INDEX FOLDER QUERY...\n");
		return 2;
	}
	/* A header and a library of different versions may disagree on
	 * the ABI: say so first. */
	if (strcmp(lede_version(), LEDE_VERSION_STRING) != 0)
		fprintf(stderr, "warning: lede.h is %s, liblede %s\n",
			LEDE_VERSION_STRING, lede_version());

	/* Open (or create) the index for writing; read the folder with
	 * sections taken from sub-folders (business/001.txt); commit. */
	lede_db_t *db;
	lede_parser_t *parser;
	char *err = NULL;
	if (lede_db_open(argv[1], LEDE_OPEN_CREATE, &db, &err) != LEDE_OK) {
		fprintf(stderr, "%s\n", err);
		lede_free(err); /* strings lede returns as char * */
		return 1;
	}
	int status = 1;
	if (lede_parser_new(add_article, warn, db, &parser) == LEDE_OK) {
		lede_parser_set_flags(parser, LEDE_PARSE_FOLDER_SECTIONS);
		index_folder(parser, argv[2], "");
		lede_parser_free(parser);
		if (lede_db_commit(db) == LEDE_OK) {
			/* The query: the words of the command line. */
			char text[1024] = "";
			for (int i = 3; i < argc; i++)
				snprintf(text + strlen(text),
					 sizeof text - strlen(text), "%s%s",
					 i > 3 ? " " : "", argv[i]);
			status = search(db, text);
		} else {
			fprintf(stderr, "%s\n", lede_errmsg(db));
		}
	}
	/* Close commits a writer's pending changes, and says if that failed. */
	if (lede_db_close(db) != LEDE_OK)
		status = 1;
	return status;
}
