/// What a build knows of every file in the explainers' bundles before any article is
/// rendered: for images, their size in pixels and the variants that will be published.
/// Keyed by the file's path relative to the content folder (`map-story/images/map.png`).
/// Pure value: made by `MediaStage` (which reads and probes the files), or by a test.
package struct MediaCatalog: Sendable, Hashable {
    /// Content-relative path → what is known of the file.
    var files: [String: MediaEntry]

    /// Bundle folder name → its entries, sorted by path.
    private let byBundle: [String: [MediaEntry]]

    init(_ files: [String: MediaEntry] = [:]) {
        self.files = files
        byBundle = Dictionary(grouping: files.values, by: \.bundle).mapValues { $0.sorted { $0.pathInBundle < $1.pathInBundle } }
    }

    subscript(contentPath: String) -> MediaEntry? { files[contentPath] }

    /// The files of the bundle `folder`, sorted by their path in it.
    func entries(inBundle folder: String) -> [MediaEntry] { byBundle[folder] ?? [] }

    package static let empty = MediaCatalog()
}

/// One bundle file as the catalog knows it.
struct MediaEntry: Sendable, Hashable {
    var file: BundleFile
    /// For an image: what it is, or why it cannot be published. Nil for other files.
    var image: ImageInfo?
    /// Why the file cannot be used at all (too large, unreadable), if so; referencing it is an
    /// error naming this.
    var problem: Diagnostic?

    /// The path shown in messages: `Content/map-story/images/map.png`.
    var source: String { file.source }
    /// The bundle's folder name (`map-story`) and the path inside it (`images/map.png`).
    var bundle: String { file.bundle }
    var pathInBundle: String { file.pathInBundle }
    var size: Int { file.size }
    /// The catalog's key: `map-story/images/map.png`.
    var contentPath: String { file.contentPath }
}

/// An image of a bundle, probed: its format and size, and the variants that will be written.
struct ImageInfo: Sendable, Hashable {
    var format: ImageFormat
    /// Width and height as displayed (after the EXIF orientation is applied).
    var width: Int
    var height: Int
    /// Short hash of the source bytes, for the variants' file names and the cache.
    var hash: String
    /// Resized copies, narrowest first within each format; the last of the original format is
    /// the `<img src>` fallback. Paths are relative to the explainer's folder
    /// (`images/map-480-0123abcd.webp`): the site path is `/<slug>/` + this.
    var variants: [ImageVariant]
    /// Why this image cannot be published (corrupt, an extension that lies, too many pixels,
    /// an SVG with script), if so. Referencing it is this error, at the reference.
    var problem: String?
}

/// One published copy of an image.
struct ImageVariant: Sendable, Hashable {
    /// Relative to the explainer's folder: `images/map-480-0123abcd.webp`.
    var path: String
    var format: ImageFormat
    var width: Int
    var height: Int
    /// What to make: the target width (never more than the source's), and a crop to an aspect
    /// ratio (`16:9`) for the lead image's social cards; nil keeps the source's ratio.
    var crop: AspectRatio?
}

/// A width:height ratio, such as 16:9.
struct AspectRatio: Sendable, Hashable {
    var width: Int
    var height: Int

    static let wide = AspectRatio(width: 16, height: 9)
    static let standard = AspectRatio(width: 4, height: 3)
    static let square = AspectRatio(width: 1, height: 1)
}
