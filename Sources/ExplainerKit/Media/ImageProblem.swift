/// Why an image cannot be published, in words its author understands and with what to do.
/// The caller puts the file's name in front (`Content/story/images/map.png: …`).
struct ImageProblem: Error, Sendable, Hashable {
    var message: String

    init(_ message: String) {
        self.message = message
    }

    static let corrupt = ImageProblem("the file is truncated or corrupt — export or download it again")

    /// The bytes are no image format Explainer reads.
    static func notAnImage(claimed: ImageFormat) -> ImageProblem {
        ImageProblem(
            "its extension says \(claimed.displayName) but the bytes are not a PNG, JPEG, GIF, WebP, AVIF or SVG image")
    }

    /// The extension names one format and the bytes are another.
    static func lyingExtension(claimed: ImageFormat, actual: ImageFormat) -> ImageProblem {
        ImageProblem(
            "its extension says \(claimed.displayName) but the bytes are \(actual.withArticle) — rename it to .\(actual.fileExtension)")
    }

    /// More pixels than the limit (an image bomb, or simply too large a picture).
    static func tooManyPixels(width: Int, height: Int, limit: Int) -> ImageProblem {
        let megapixels = limit / 1_000_000
        let allowed = limit % 1_000_000 == 0 ? "\(ByteCount.grouped(megapixels)) megapixels" : "\(ByteCount.grouped(limit)) pixels"
        return ImageProblem(
            "it declares \(ByteCount.grouped(width)) × \(ByteCount.grouped(height)) pixels; at most \(allowed) are allowed — make it smaller"
        )
    }

    /// libvips could not be started (a broken installation, not the author's file).
    static let codecUnavailable = ImageProblem("libvips could not be started — reinstall libvips (Scripts/setup.sh)")

    /// A request for an output format libvips does not write (SVG).
    static func cannotWrite(_ format: ImageFormat) -> ImageProblem {
        ImageProblem("\(format.displayName) copies cannot be made: SVG is published as written, never resized")
    }

    /// The encoder failed on an image that decoded (out of memory, a libvips error).
    static func cannotEncode(_ format: ImageFormat) -> ImageProblem {
        ImageProblem("it could not be converted to \(format.displayName)")
    }
}

extension ImageFormat {
    /// The format's name in messages: `PNG`, `JPEG`, `WebP`.
    var displayName: String {
        switch self {
        case .png: "PNG"
        case .jpeg: "JPEG"
        case .gif: "GIF"
        case .webp: "WebP"
        case .avif: "AVIF"
        case .svg: "SVG"
        }
    }

    /// `a JPEG image`, `an SVG image`.
    var withArticle: String {
        (self == .avif || self == .svg ? "an " : "a ") + displayName + " image"
    }
}
