// The one place libvips is called. Each function owns every object it makes and unrefs it
// before returning, on every path; the only objects that outlive a call are the decoded
// image (`explainer_vips_release`) and the encoded bytes (`explainer_vips_free`).
#include "CVipsShim.h"

#include <pthread.h>
#include <string.h>
#include <vips/vips.h>

/// libwebp's default effort (method 4); a benchmark may build the shim with another.
#ifndef EXPLAINER_WEBP_EFFORT
#define EXPLAINER_WEBP_EFFORT 4
#endif

struct explainer_image {
    VipsImage *image;
};

static pthread_once_t start_once = PTHREAD_ONCE_INIT;
static int start_result = -1;

static void ignore_log(const gchar *domain, GLogLevelFlags level, const gchar *message, gpointer data) {
    (void)domain;
    (void)level;
    (void)message;
    (void)data;
}

static void start(void) {
    if (VIPS_INIT("explainer") != 0) {
        start_result = -1;
        return;
    }
    // Same bytes whatever the machine: one worker per pipeline, nothing reused between calls.
    vips_concurrency_set(1);
    vips_cache_set_max(0);
    vips_cache_set_max_mem(0);
    vips_cache_set_max_files(0);
    // Loaders libvips marks untrusted (SVG via rsvg, MATLAB, FITS…) are never reached.
    vips_block_untrusted_set(TRUE);
    // A truncated file's warnings are errors here (fail_on); nothing is printed.
    g_log_set_handler("VIPS", G_LOG_LEVEL_WARNING | G_LOG_LEVEL_MESSAGE | G_LOG_LEVEL_INFO | G_LOG_LEVEL_DEBUG,
                      ignore_log, NULL);
    start_result = 0;
}

int explainer_vips_start(void) {
    pthread_once(&start_once, start);
    return start_result;
}

/// A lazy load of `bytes` by the loader of `kind`: only the header is read until pixels are
/// asked for. Sequential access: the pixels are read once, top to bottom.
/// `shrink` (1, 2, 4 or 8) is JPEG's shrink-on-load: the DCT decodes at that fraction of the
/// size, much faster; other formats ignore it.
static VipsImage *load(const unsigned char *bytes, size_t length, int kind, int shrink) {
    VipsImage *out = NULL;
    void *buffer = (void *)bytes;
    int result = -1;
    switch (kind) {
    case EXPLAINER_IMAGE_PNG:
        result = vips_pngload_buffer(buffer, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                     VIPS_FAIL_ON_ERROR, NULL);
        break;
    case EXPLAINER_IMAGE_JPEG:
        // libjpeg only warns at a cut scan followed by an end marker, and fills the rest grey.
        result = vips_jpegload_buffer(buffer, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                      VIPS_FAIL_ON_WARNING, "shrink", shrink, NULL);
        break;
    case EXPLAINER_IMAGE_GIF:
        result = vips_gifload_buffer(buffer, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                     VIPS_FAIL_ON_ERROR, NULL);
        break;
    case EXPLAINER_IMAGE_WEBP:
        result = vips_webpload_buffer(buffer, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                      VIPS_FAIL_ON_ERROR, NULL);
        break;
    case EXPLAINER_IMAGE_AVIF:
        result = vips_heifload_buffer(buffer, length, &out, "access", VIPS_ACCESS_SEQUENTIAL, "fail_on",
                                      VIPS_FAIL_ON_ERROR, NULL);
        break;
    default:
        break;
    }
    if (result != 0) {
        if (out) g_object_unref(out);
        vips_error_clear();
        return NULL;
    }
    return out;
}

int explainer_vips_header(const unsigned char *bytes, size_t length, int kind, explainer_image_header *header) {
    if (explainer_vips_start() != 0) return -1;
    VipsImage *image = load(bytes, length, kind, 1);
    if (!image) return -1;
    header->width = vips_image_get_width(image);
    header->height = vips_image_get_height(image);
    header->orientation = vips_image_get_orientation(image);
    header->pages = vips_image_get_n_pages(image);
    g_object_unref(image);
    return 0;
}

/// `in` as 8-bit sRGB (or 8-bit grey), converted through its embedded ICC profile when it has
/// one (the profile is then dropped with every other field). Unrefs nothing; 0 or -1.
static int to_srgb(VipsImage *in, VipsImage **out) {
    VipsInterpretation space = vips_image_guess_interpretation(in);
    gboolean grey = space == VIPS_INTERPRETATION_B_W || space == VIPS_INTERPRETATION_GREY16;
    VipsImage *converted = NULL;
    int result = -1;
    if (vips_image_get_typeof(in, VIPS_META_ICC_NAME) && !grey) {
        result = vips_icc_transform(in, &converted, "srgb", "embedded", TRUE, "intent", VIPS_INTENT_PERCEPTUAL,
                                    "depth", 8, NULL);
        if (result != 0) vips_error_clear();  // A broken profile: convert without it.
    }
    if (result != 0) {
        result = vips_colourspace(in, &converted, grey ? VIPS_INTERPRETATION_B_W : VIPS_INTERPRETATION_sRGB, NULL);
    }
    if (result != 0) return -1;
    if (vips_image_get_format(converted) == VIPS_FORMAT_UCHAR) {
        *out = converted;
        return 0;
    }
    result = vips_cast_uchar(converted, out, NULL);
    g_object_unref(converted);
    return result;
}

/// Removes every metadata field (EXIF, XMP, IPTC, ICC, orientation, comments…) from an image
/// this file alone holds, so no saver can write one, whatever its `strip` does.
static void strip(VipsImage *image) {
    gchar **fields = vips_image_get_fields(image);
    for (gchar **field = fields; *field; field++) vips_image_remove(image, *field);
    g_strfreev(fields);
}

int explainer_vips_decode(
    const unsigned char *bytes, size_t length, int kind, int shrink, long long max_pixels, explainer_image **image) {
    *image = NULL;
    if (explainer_vips_start() != 0) return -1;
    if (shrink != 1 && shrink != 2 && shrink != 4 && shrink != 8) return -1;
    VipsImage *loaded = load(bytes, length, kind, shrink);
    if (!loaded) return -1;
    long long pixels = (long long)vips_image_get_width(loaded) * (long long)vips_image_get_height(loaded);
    if (pixels > max_pixels) {
        g_object_unref(loaded);
        return -2;
    }
    VipsImage *srgb = NULL;
    VipsImage *memory = NULL;
    VipsImage *upright = NULL;
    int result = to_srgb(loaded, &srgb);
    // The one decode: every pixel, read in order, into memory; a truncated file fails here.
    if (result == 0) memory = vips_image_copy_memory(srgb);
    if (memory && vips_image_get_orientation(memory) != 1) {
        if (vips_autorot(memory, &upright, NULL) != 0) upright = NULL;
        g_object_unref(memory);
        memory = NULL;
        if (upright) {
            memory = vips_image_copy_memory(upright);
            g_object_unref(upright);
        }
    }
    if (srgb) g_object_unref(srgb);
    g_object_unref(loaded);
    if (!memory) {
        vips_error_clear();
        return -1;
    }
    strip(memory);
    struct explainer_image *made = g_new0(struct explainer_image, 1);
    made->image = memory;
    *image = made;
    return 0;
}

int explainer_vips_width(const explainer_image *image) { return vips_image_get_width(image->image); }

int explainer_vips_height(const explainer_image *image) { return vips_image_get_height(image->image); }

/// `in` resized to cover `width` × `height` (crop) or to exactly that size, alpha premultiplied
/// while it is filtered. A new reference in `*out`; 0 or -1.
static int resize(VipsImage *in, int width, int height, int crop, VipsImage **out) {
    int sourceWidth = vips_image_get_width(in), sourceHeight = vips_image_get_height(in);
    if (width == sourceWidth && height == sourceHeight) {
        g_object_ref(in);
        *out = in;
        return 0;
    }
    double hscale = (double)width / sourceWidth, vscale = (double)height / sourceHeight;
    if (crop) hscale = vscale = hscale > vscale ? hscale : vscale;
    if (!vips_image_hasalpha(in)) return vips_resize(in, out, hscale, "vscale", vscale, NULL);
    VipsImage *premultiplied = NULL, *resized = NULL, *straight = NULL;
    int result = vips_premultiply(in, &premultiplied, NULL);
    if (result == 0) result = vips_resize(premultiplied, &resized, hscale, "vscale", vscale, NULL);
    if (result == 0) result = vips_unpremultiply(resized, &straight, NULL);
    if (result == 0) result = vips_cast_uchar(straight, out, NULL);
    if (premultiplied) g_object_unref(premultiplied);
    if (resized) g_object_unref(resized);
    if (straight) g_object_unref(straight);
    return result;
}

/// Saves `in` as `kind` with no metadata at all, at the fixed settings of each format.
static int save(VipsImage *in, int kind, void **buffer, size_t *length) {
    switch (kind) {
    case EXPLAINER_IMAGE_JPEG:
        return vips_jpegsave_buffer(in, buffer, length, "Q", 82, "strip", TRUE, "optimize_coding", TRUE, "interlace",
                                    FALSE, "subsample_mode", VIPS_FOREIGN_SUBSAMPLE_ON, NULL);
    case EXPLAINER_IMAGE_WEBP:
        return vips_webpsave_buffer(in, buffer, length, "Q", 80, "lossless", FALSE, "strip", TRUE, "effort",
                                    EXPLAINER_WEBP_EFFORT, "smart_subsample", FALSE, NULL);
    case EXPLAINER_IMAGE_PNG:
        return vips_pngsave_buffer(in, buffer, length, "compression", 6, "interlace", FALSE, "strip", TRUE, NULL);
    case EXPLAINER_IMAGE_GIF:
        return vips_gifsave_buffer(in, buffer, length, "strip", TRUE, NULL);
    case EXPLAINER_IMAGE_AVIF:
        return vips_heifsave_buffer(in, buffer, length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1, "Q", 55,
                                    "effort", 4, "lossless", FALSE, "strip", TRUE, NULL);
    default:
        return -1;
    }
}

static unsigned int read_le32(const unsigned char *p) {
    return (unsigned int)p[0] | (unsigned int)p[1] << 8 | (unsigned int)p[2] << 16 | (unsigned int)p[3] << 24;
}

static void write_le32(unsigned char *p, unsigned int value) {
    for (int i = 0; i < 4; i++) p[i] = (unsigned char)(value >> (8 * i));
}

/// Drops the EXIF, XMP and ICC chunks of a WebP in place (libvips 8.14's WebP saver writes a
/// fresh EXIF block, orientation and resolution, even with `strip`) and clears their flags.
/// Returns the new length; a file it cannot read is left as it is.
static size_t strip_webp(unsigned char *webp, size_t length) {
    if (length < 12 || memcmp(webp, "RIFF", 4) != 0 || memcmp(webp + 8, "WEBP", 4) != 0) return length;
    size_t read = 12, write = 12;
    while (read + 8 <= length) {
        size_t size = read_le32(webp + read + 4);
        size_t whole = 8 + size + (size & 1);
        if (whole > length - read) return length;
        int drop = memcmp(webp + read, "EXIF", 4) == 0 || memcmp(webp + read, "XMP ", 4) == 0 ||
                   memcmp(webp + read, "ICCP", 4) == 0;
        if (!drop) {
            memmove(webp + write, webp + read, whole);
            // VP8X flags: ICC 0x20, EXIF 0x08, XMP 0x04.
            if (memcmp(webp + write, "VP8X", 4) == 0 && size >= 1) webp[write + 8] &= (unsigned char)~0x2C;
            write += whole;
        }
        read += whole;
    }
    write_le32(webp + 4, (unsigned int)(write - 8));
    return write;
}

int explainer_vips_encode(
    const explainer_image *image, int kind, int width, int height, int crop, unsigned char **out, size_t *length) {
    *out = NULL;
    *length = 0;
    VipsImage *in = image->image;
    if (width < 1 || height < 1 || width > vips_image_get_width(in) || height > vips_image_get_height(in)) return -1;
    VipsImage *resized = NULL, *cropped = NULL, *flat = NULL;
    int result = resize(in, width, height, crop, &resized);
    VipsImage *current = resized;
    if (result == 0 && (vips_image_get_width(current) != width || vips_image_get_height(current) != height)) {
        result = vips_smartcrop(current, &cropped, width, height, "interesting", VIPS_INTERESTING_ATTENTION, NULL);
        current = cropped;
    }
    // JPEG has no alpha: what is transparent becomes white, the same way every time.
    if (result == 0 && kind == EXPLAINER_IMAGE_JPEG && vips_image_hasalpha(current)) {
        double white[] = {255, 255, 255};
        VipsArrayDouble *background = vips_array_double_new(white, 3);
        result = vips_flatten(current, &flat, "background", background, NULL);
        vips_area_unref(VIPS_AREA(background));
        current = flat;
    }
    void *buffer = NULL;
    if (result == 0) result = save(current, kind, &buffer, length);
    if (resized) g_object_unref(resized);
    if (cropped) g_object_unref(cropped);
    if (flat) g_object_unref(flat);
    if (result != 0) {
        g_free(buffer);
        *length = 0;
        vips_error_clear();
        return -1;
    }
    if (kind == EXPLAINER_IMAGE_WEBP) *length = strip_webp(buffer, *length);
    *out = buffer;
    return 0;
}

int explainer_vips_resize(const explainer_image *image, int width, int height, int crop, explainer_image **out) {
    *out = NULL;
    VipsImage *in = image->image;
    if (width < 1 || height < 1 || width > vips_image_get_width(in) || height > vips_image_get_height(in)) return -1;
    VipsImage *resized = NULL, *cropped = NULL, *memory = NULL;
    int result = resize(in, width, height, crop, &resized);
    VipsImage *current = resized;
    if (result == 0 && (vips_image_get_width(current) != width || vips_image_get_height(current) != height)) {
        result = vips_smartcrop(current, &cropped, width, height, "interesting", VIPS_INTERESTING_ATTENTION, NULL);
        current = cropped;
    }
    if (result == 0) memory = vips_image_copy_memory(current);
    if (resized) g_object_unref(resized);
    if (cropped) g_object_unref(cropped);
    if (!memory) {
        vips_error_clear();
        return -1;
    }
    struct explainer_image *made = g_new0(struct explainer_image, 1);
    made->image = memory;
    *out = made;
    return 0;
}

void explainer_vips_free(unsigned char *bytes) { g_free(bytes); }

void explainer_vips_release(explainer_image *image) {
    if (!image) return;
    g_object_unref(image->image);
    g_free(image);
}

int explainer_vips_test_image(int width, int height, int kind, int noise, unsigned char **out, size_t *length) {
    *out = NULL;
    *length = 0;
    if (explainer_vips_start() != 0) return -1;
    VipsImage *xyz = NULL, *wrapped = NULL, *rgb = NULL, *noisy = NULL, *gauss = NULL, *pixels = NULL, *tagged = NULL;
    int result = vips_xyz(&xyz, width, height, NULL);
    if (result == 0) result = vips_remainder_const1(xyz, &wrapped, 256, NULL);
    if (result == 0) result = vips_bandjoin_const1(wrapped, &rgb, 128, NULL);
    VipsImage *current = rgb;
    if (result == 0 && noise > 0) {
        result = vips_gaussnoise(&gauss, width, height, "sigma", (double)noise, "mean", 0.0, "seed", 1, NULL);
        if (result == 0) result = vips_add(rgb, gauss, &noisy, NULL);
        current = noisy;
    }
    if (result == 0) result = vips_cast_uchar(current, &pixels, NULL);
    if (result == 0) result = vips_copy(pixels, &tagged, "interpretation", VIPS_INTERPRETATION_sRGB, NULL);
    void *buffer = NULL;
    if (result == 0) {
        switch (kind) {
        case EXPLAINER_IMAGE_JPEG:
            result = vips_jpegsave_buffer(tagged, &buffer, length, "Q", 90, NULL);
            break;
        case EXPLAINER_IMAGE_AVIF:
            result = vips_heifsave_buffer(tagged, &buffer, length, "compression", VIPS_FOREIGN_HEIF_COMPRESSION_AV1,
                                          NULL);
            break;
        default:
            result = save(tagged, kind, &buffer, length);
            break;
        }
    }
    VipsImage *all[] = {xyz, wrapped, rgb, noisy, gauss, pixels, tagged};
    for (size_t i = 0; i < sizeof all / sizeof all[0]; i++) {
        if (all[i]) g_object_unref(all[i]);
    }
    if (result != 0) {
        g_free(buffer);
        *length = 0;
        vips_error_clear();
        return -1;
    }
    *out = buffer;
    return 0;
}
