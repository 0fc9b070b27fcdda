/// The image formats a bundle may hold, by what the bytes are (never by the extension alone).
package enum ImageFormat: String, Sendable, Hashable, CaseIterable, Codable {
    case png, jpeg, gif, webp, avif, svg

    /// The extension a published file of this format gets.
    var fileExtension: String {
        switch self {
        case .jpeg: "jpg"
        default: rawValue
        }
    }

    /// The MIME type, for `<source type>`.
    var mimeType: String {
        switch self {
        case .svg: "image/svg+xml"
        default: "image/" + rawValue
        }
    }

    /// The format an extension claims (`JPG`, `jpeg` → `.jpeg`), nil when it is not an image's.
    init?(fileExtension: some StringProtocol) {
        switch fileExtension.lowercased() {
        case "png": self = .png
        case "jpg", "jpeg", "jpe": self = .jpeg
        case "gif": self = .gif
        case "webp": self = .webp
        case "avif": self = .avif
        case "svg": self = .svg
        default: return nil
        }
    }

    /// The format the extension of `path` claims, if it is an image's.
    static func claimed(by path: String) -> ImageFormat? {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return nil }
        return ImageFormat(fileExtension: path[path.index(after: dot)...])
    }

    /// Whether libvips resizes it into variants (SVG is published as written, never rasterised).
    var isRaster: Bool { self != .svg }
}
