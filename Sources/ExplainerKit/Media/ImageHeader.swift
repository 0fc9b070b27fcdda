/// What a probe learns of an image without decoding its pixels.
struct ImageHeader: Sendable, Hashable, Codable {
    /// What the bytes are (never what the extension says).
    var format: ImageFormat
    /// Width and height as displayed: swapped when the EXIF orientation turns the picture (5–8).
    var width: Int
    var height: Int
    /// The EXIF orientation, 1–8 (1: none, or no tag). Published copies have it applied.
    var orientation: Int
}

/// How large an image may be before anything is decoded: a tiny file can declare billions of
/// pixels (an image bomb), and decoding it would take gigabytes.
struct ImageLimits: Sendable, Hashable {
    /// The most pixels (width × height) an image may declare.
    var maxPixels: Int

    init(maxPixels: Int = ImageLimits.defaultMaxPixels) {
        self.maxPixels = maxPixels
    }

    /// 100 megapixels: a large camera's photo, far beyond anything a page shows.
    static let defaultMaxPixels = 100_000_000
    static let standard = ImageLimits()
}

/// One output of `ImageCodec.encode`: a format, a target width (never more than the source's),
/// and an optional crop to an aspect ratio.
struct EncodeRequest: Sendable, Hashable {
    var format: ImageFormat
    var width: Int
    var crop: AspectRatio?

    init(format: ImageFormat, width: Int, crop: AspectRatio? = nil) {
        self.format = format
        self.width = width
        self.crop = crop
    }
}
