/* tar_header.h: writing small tar archives in tests, without tar(1).
 * SPDX-License-Identifier: MIT
 */
#ifndef LEDE_TEST_TAR_HEADER_H
#define LEDE_TEST_TAR_HEADER_H

#include <stdio.h>
#include <string.h>

/* An ustar header for a regular member of `size` bytes; its data follows
 * in 512-byte blocks, and two zero blocks end the archive. */
static inline void
tar_header(unsigned char h[512], const char *name, size_t size)
{
	memset(h, 0, 512);
	snprintf((char *)h, 100, "%s", name);
	memcpy(h + 100, "0000644", 8);
	memcpy(h + 108, "0000000", 8);
	memcpy(h + 116, "0000000", 8);
	snprintf((char *)h + 124, 12, "%011o", (unsigned)size);
	memcpy(h + 136, "00000000000", 12);
	h[156] = '0';
	memcpy(h + 257, "ustar", 6);
	memcpy(h + 263, "00", 2);
	memset(h + 148, ' ', 8);
	unsigned sum = 0;
	for (int i = 0; i < 512; i++)
		sum += h[i];
	snprintf((char *)h + 148, 8, "%06o", sum);
}

#endif /* LEDE_TEST_TAR_HEADER_H */
