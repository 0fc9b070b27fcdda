#include <string.h>
#include <zlib.h>
#include "CPlatform.h"

size_t explainer_gzip_bound(size_t length) {
    /* zlib's most conservative deflateBound (stored blocks) plus the gzip header and trailer. */
    return length + (length >> 5) + (length >> 7) + (length >> 11) + 7 + 18 + 64;
}

long explainer_gzip(const unsigned char *input, size_t length, unsigned char *output, size_t capacity) {
    z_stream stream;
    memset(&stream, 0, sizeof stream);
    /* windowBits 15 + 16: gzip wrapper instead of zlib's. */
    if (deflateInit2(&stream, 9, Z_DEFLATED, 15 + 16, 9, Z_DEFAULT_STRATEGY) != Z_OK) return -1;
    gz_header header;
    memset(&header, 0, sizeof header);
    header.time = 0;
    header.os = 255; /* unknown: the same on every platform */
    if (deflateSetHeader(&stream, &header) != Z_OK) {
        deflateEnd(&stream);
        return -1;
    }
    stream.next_in = (unsigned char *)input;
    stream.avail_in = (uInt)length;
    stream.next_out = output;
    stream.avail_out = (uInt)capacity;
    if ((size_t)stream.avail_in != length || (size_t)stream.avail_out != capacity) {
        deflateEnd(&stream);
        return -1; /* larger than 4 GiB: not a web page */
    }
    int status = deflate(&stream, Z_FINISH);
    long written = (long)stream.total_out;
    deflateEnd(&stream);
    return status == Z_STREAM_END ? written : -1;
}
