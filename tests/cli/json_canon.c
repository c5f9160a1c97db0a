/* json_canon.c: prints JSON in one canonical form, so tests compare it.
 * SPDX-License-Identifier: MIT
 *
 * usage: json_canon [--drop KEY]... < in.json
 * Keys sorted, two-space indent; every member named KEY (at any depth) is
 * removed first, for values such as scores that tests must not pin.
 */
#include <stdio.h>
#include <string.h>

#include <jansson.h>

static void
drop(json_t *v, const char *key)
{
	if (json_is_object(v)) {
		json_object_del(v, key);
		const char *k;
		json_t *child;
		json_object_foreach(v, k, child)
			drop(child, key);
	} else if (json_is_array(v)) {
		size_t i;
		json_t *child;
		json_array_foreach(v, i, child)
			drop(child, key);
	}
}

int
main(int argc, char **argv)
{
	json_error_t err;
	json_t *root = json_loadf(stdin, 0, &err);
	if (!root) {
		fprintf(stderr, "json_canon: invalid JSON at line %d: %s\n",
			err.line, err.text);
		return 1;
	}
	for (int i = 1; i + 1 < argc; i += 2)
		if (!strcmp(argv[i], "--drop"))
			drop(root, argv[i + 1]);
	json_dumpf(root, stdout, JSON_INDENT(2) | JSON_SORT_KEYS);
	putchar('\n');
	json_decref(root);
	return 0;
}
