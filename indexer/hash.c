/* hash.c: FNV-1a 64 content hashes for article ids.
 * SPDX-License-Identifier: MIT
 */
#include "hash.h"

#define FNV64_OFFSET LDI_HASH64_START
#define FNV64_PRIME UINT64_C(0x100000001b3)

uint64_t ldi_hash64_more(uint64_t h, const void *buf, size_t len)
{
	const unsigned char *p = buf;
	size_t i;

	for (i = 0; i < len; i++) {
		h ^= p[i];
		h *= FNV64_PRIME;
	}
	return h;
}

uint64_t ldi_hash64(const void *buf, size_t len)
{
	return ldi_hash64_more(FNV64_OFFSET, buf, len);
}

void ldi_content_id(const void *buf, size_t len,
		    char out[LDI_CONTENT_ID_SIZE])
{
	static const char hex[] = "0123456789abcdef";
	uint64_t h = ldi_hash64(buf, len);
	int i;

	out[0] = 'h';
	out[1] = ':';
	/* Written by hand, most significant digit first, so the result
	 * never depends on the C library's printf of 64-bit values. */
	for (i = 0; i < 16; i++)
		out[2 + i] = hex[(h >> (60 - 4 * i)) & 0xf];
	out[18] = '\0';
}
