/// A file of an explainer's bundle (`Content/<folder>/…` beside its `index.md`), as the
/// reader listed it: where it is and how large, not its bytes (photos can be large; the media
/// stage reads them when it needs them). A test may give the bytes in memory instead.
package struct BundleFile: Sendable, Hashable {
    /// The path shown in messages and read from: `Content/map-story/images/map.png`.
    var source: String
    /// The bundle's folder name: `map-story`.
    var bundle: String
    /// The path inside the bundle: `images/map.png`.
    var pathInBundle: String
    var size: Int
    /// The bytes, for a site made in memory; nil reads `source` from disk.
    var bytes: [UInt8]?

    init(source: String, bundle: String, pathInBundle: String, size: Int, bytes: [UInt8]? = nil) {
        self.source = source
        self.bundle = bundle
        self.pathInBundle = pathInBundle
        self.size = size
        self.bytes = bytes
    }

    /// The path relative to the content folder: `map-story/images/map.png`.
    var contentPath: String { bundle + "/" + pathInBundle }
}
