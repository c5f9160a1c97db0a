/* hash.h: content hashes that give ids to articles without one.
 * SPDX-License-Identifier: MIT
 *
 * An article with neither an id of its own nor a name (a path, a record
 * number) is keyed by a hash of its text, so indexing the same text again
 * replaces it rather than adding a copy. The hash is FNV-1a 64: fast,
 * tiny and stable across platforms; it is not meant to resist attackers,
 * and two different articles sharing an id is a 1 in 2^64 event.
 */
#ifndef LEDE_HASH_H
#define LEDE_HASH_H

#include <stddef.h>
#include <stdint.h>

/* "h:" + 16 lowercase hex digits + NUL. */
#define LDI_CONTENT_ID_SIZE 19

/* FNV-1a 64 of len bytes at buf (buf may be NULL when len is 0). */
uint64_t ldi_hash64(const void *buf, size_t len);

/* The same over input that comes in pieces: start from LDI_HASH64_START
 * and feed each piece in order; the result equals ldi_hash64 of the whole.
 * File records hash file contents this way (schema.h). */
#define LDI_HASH64_START UINT64_C(0xcbf29ce484222325)
uint64_t ldi_hash64_more(uint64_t h, const void *buf, size_t len);

/* Writes "h:" and the hash of buf as 16 lowercase hex digits to out.
 * Changing this changes the ids of stored articles: don't. */
void ldi_content_id(const void *buf, size_t len,
		    char out[LDI_CONTENT_ID_SIZE]);

#endif /* LEDE_HASH_H */
