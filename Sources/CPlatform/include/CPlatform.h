#ifndef EXPLAINER_CPLATFORM_H
#define EXPLAINER_CPLATFORM_H

#include <stddef.h>

/// Atomically exchanges two paths (Linux renameat2 RENAME_EXCHANGE).
/// Returns 0 on success, -1 with errno set on failure (EINVAL/ENOSYS where unsupported).
int explainer_exchange_paths(const char *a, const char *b);

/// The most bytes `explainer_gzip` can produce for `length` input bytes.
size_t explainer_gzip_bound(size_t length);

/// Compresses `input` into `output` as a gzip member (zlib level 9) with a fixed header:
/// no file name, no modification time, OS "unknown" — the same bytes on every machine.
/// Returns the number of bytes written, or -1 if `capacity` is too small or zlib fails.
long explainer_gzip(const unsigned char *input, size_t length, unsigned char *output, size_t capacity);

/// Where `needle` first occurs in `haystack` (the C library's memmem), or NULL.
const void *explainer_find_bytes(const void *haystack, size_t length, const void *needle, size_t needle_length);

#endif
