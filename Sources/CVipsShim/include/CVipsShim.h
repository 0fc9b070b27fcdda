#ifndef EXPLAINER_CVIPSSHIM_H
#define EXPLAINER_CVIPSSHIM_H

#include <stddef.h>

/// The raster formats the shim reads and writes (SVG is never handed to libvips).
enum explainer_image_kind {
    EXPLAINER_IMAGE_PNG = 1,
    EXPLAINER_IMAGE_JPEG = 2,
    EXPLAINER_IMAGE_GIF = 3,
    EXPLAINER_IMAGE_WEBP = 4,
    EXPLAINER_IMAGE_AVIF = 5,
};

/// What a header-only load tells: the stored size (before the EXIF orientation is applied),
/// the EXIF orientation (1–8, 1 when there is none) and the number of pages (frames).
typedef struct {
    int width;
    int height;
    int orientation;
    int pages;
} explainer_image_header;

/// A decoded image held in memory: EXIF orientation applied, 8-bit sRGB (or grey), ready to
/// be resized any number of times. Opaque; released with `explainer_vips_release`.
typedef struct explainer_image explainer_image;

/// Starts libvips once for the process (thread-safe, idempotent): one worker thread per
/// pipeline and no operation cache (output bytes do not depend on threads or history), loaders
/// marked untrusted blocked, libvips' warnings silenced. Returns 0, or -1 if libvips failed.
int explainer_vips_start(void);

/// Reads only the header of `bytes` with the loader of `kind` (no pixel is decoded).
/// Returns 0, or -1 if the bytes are not a readable image of that kind.
int explainer_vips_header(const unsigned char *bytes, size_t length, int kind, explainer_image_header *header);

/// Decodes `bytes` once into memory (first frame only for GIF and AVIF), refusing — before any
/// decode — an image of more than `max_pixels` pixels (result -2). A truncated or corrupt file
/// fails (result -1). `bytes` is not used after the call returns. `shrink` (1, 2, 4, 8) decodes a
/// JPEG at that fraction of its size (shrink-on-load, much faster); other formats ignore it.
int explainer_vips_decode(
    const unsigned char *bytes, size_t length, int kind, int shrink, long long max_pixels, explainer_image **image);

/// The width of a decoded image as displayed.
int explainer_vips_width(const explainer_image *image);
/// The height of a decoded image as displayed.
int explainer_vips_height(const explainer_image *image);

/// Makes one output of `image`: resized to exactly `width` × `height` (at most the image's own
/// size: callers compute it), cropped to that ratio with libvips' attention crop when `crop` is
/// non-zero (else squeezed to it, which callers keep to the source's ratio), saved as `kind`
/// with every metadata field stripped. On success `*out` (free with `explainer_vips_free`)
/// holds `*length` bytes and the result is 0; -1 on failure.
int explainer_vips_encode(
    const explainer_image *image, int kind, int width, int height, int crop, unsigned char **out, size_t *length);

/// Resizes (and crops, as `explainer_vips_encode` does) once into memory, for outputs of the
/// same size in several formats: encoding the result at its own size does no second resize.
/// 0 with `*out` set (release it), or -1.
int explainer_vips_resize(const explainer_image *image, int width, int height, int crop, explainer_image **out);

/// Frees bytes an encode (or `explainer_vips_test_image`) returned.
void explainer_vips_free(unsigned char *bytes);

/// Releases a decoded image.
void explainer_vips_release(explainer_image *image);

/// For tests and benchmarks: a `width` × `height` sRGB pattern (a gradient, with Gaussian noise
/// of `noise` standard deviation when non-zero, which makes it compress like a photo) saved as
/// `kind` at a fixed quality. Returns 0 with `*out`/`*length` set, or -1.
int explainer_vips_test_image(int width, int height, int kind, int noise, unsigned char **out, size_t *length);

#endif
