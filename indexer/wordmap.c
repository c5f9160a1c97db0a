/* wordmap.c: open-addressing hash maps of byte strings, and an arena.
 * SPDX-License-Identifier: MIT
 */
#include "wordmap.h"

#include <stdlib.h>
#include <string.h>

#include "hash.h"

static size_t slot_of(const ldi_wordmap_t *m, const char *key, size_t len)
{
	size_t mask = m->cap - 1;
	size_t i = (size_t)ldi_hash64(key, len) & mask;

	while (m->slots[i].key &&
	       (m->slots[i].len != len || memcmp(m->slots[i].key, key, len)))
		i = (i + 1) & mask;
	return i;
}

const ldi_wordmap_entry_t *ldi_wordmap_get(const ldi_wordmap_t *m,
					   const char *key, size_t len)
{
	size_t i;

	if (!m->cap)
		return NULL;
	i = slot_of(m, key, len);
	return m->slots[i].key ? &m->slots[i] : NULL;
}

static int grow(ldi_wordmap_t *m)
{
	size_t cap = m->cap ? 2 * m->cap : 64, i;
	ldi_wordmap_t bigger = { calloc(cap, sizeof *bigger.slots), cap, 0 };

	if (!bigger.slots)
		return -1;
	for (i = 0; i < m->cap; i++) {
		const ldi_wordmap_entry_t *e = &m->slots[i];

		if (e->key)
			bigger.slots[slot_of(&bigger, e->key, e->len)] = *e;
	}
	bigger.count = m->count;
	free(m->slots);
	*m = bigger;
	return 0;
}

ldi_wordmap_entry_t *ldi_wordmap_put(ldi_wordmap_t *m, const char *key,
				     size_t len)
{
	size_t i;

	/* At most half full: probes stay short even for unlucky keys. */
	if (2 * (m->count + 1) > m->cap && grow(m) < 0)
		return NULL;
	i = slot_of(m, key, len);
	if (!m->slots[i].key) {
		m->slots[i].key = key;
		m->slots[i].len = (uint32_t)len;
		m->count++;
	}
	return &m->slots[i];
}

void ldi_wordmap_clear(ldi_wordmap_t *m)
{
	free(m->slots);
	m->slots = NULL;
	m->cap = m->count = 0;
}

/* Most arenas here hold a few hundred short names; larger requests get a
 * block of their own size. */
#define BLOCK_SIZE 8192

struct ldi_arena_block {
	struct ldi_arena_block *next;
	size_t used, size;
	max_align_t data[];
};

void *ldi_arena_alloc(ldi_arena_t *a, size_t n)
{
	struct ldi_arena_block *b = a->head;
	size_t align = sizeof(max_align_t);
	void *p;

	n = (n + align - 1) / align * align;
	if (!b || b->size - b->used < n) {
		size_t size = n > BLOCK_SIZE ? n : BLOCK_SIZE;

		b = malloc(sizeof *b + size);
		if (!b)
			return NULL;
		b->used = 0;
		b->size = size;
		b->next = a->head;
		a->head = b;
	}
	p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *ldi_arena_strndup(ldi_arena_t *a, const char *s, size_t len)
{
	char *p = ldi_arena_alloc(a, len + 1);

	if (p) {
		memcpy(p, s, len);
		p[len] = '\0';
	}
	return p;
}

void ldi_arena_free(ldi_arena_t *a)
{
	while (a->head) {
		struct ldi_arena_block *next = a->head->next;

		free(a->head);
		a->head = next;
	}
}
