/// A file of an explainer's bundle (`Content/<folder>/`, beside its `index.md`, in subfolders
/// too), as the reader lists it: where it is and how large, not its bytes (images may be
/// large; the media stage reads what the articles use).
package struct BundleFile: Sendable, Hashable {
    /// The path as messages show it, which is also where it is read: `Content/x/images/a.png`.
    package var source: String
    /// The bundle's folder name (`x`) and the path inside it (`images/a.png`).
    package var bundle: String
    package var pathInBundle: String
    /// In bytes.
    package var size: Int
    /// The bytes, for a site made in memory (a test's); nil reads `source` from disk.
    var bytes: [UInt8]?

    package init(source: String, bundle: String, pathInBundle: String, size: Int) {
        self.init(source: source, bundle: bundle, pathInBundle: pathInBundle, size: size, bytes: nil)
    }

    init(source: String, bundle: String, pathInBundle: String, size: Int, bytes: [UInt8]?) {
        self.source = source
        self.bundle = bundle
        self.pathInBundle = pathInBundle
        self.size = size
        self.bytes = bytes
    }

    /// The path in the content folder, as `MediaCatalog` keys it: `x/images/a.png`.
    package var contentPath: String { bundle + "/" + pathInBundle }
}
