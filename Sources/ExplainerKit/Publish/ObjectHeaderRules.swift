/// The headers a published site's objects are served with from a bucket (`site.yml`
/// `publish:`): the Content-Type by extension (`MediaTypes`), the Cache-Control by kind, and
/// whether a file is stored as the build's `.gz` bytes with `Content-Encoding: gzip`. Pure.
package struct ObjectHeaderRules: Sendable, Hashable {
    /// How long a cache may keep a file.
    package enum CacheKind: Sendable, Hashable {
        /// A file whose name changes with its bytes (`isFingerprinted`): kept for a year.
        case immutable
        /// Pages and entry files (`SiteFileRole.page`, `.entry`): they change in place.
        case pages
        /// Every other file: images of a bundle under their own name, scripts, fonts.
        case other
    }

    /// `cacheControl.immutable`.
    package var immutable: String
    /// `cacheControl.pages`.
    package var pages: String
    /// `cacheControl.other`.
    package var other: String
    /// `gzip`: store the build's `.gz` bytes of `gzipExtensions` files, with
    /// `Content-Encoding: gzip`.
    package var gzip: Bool

    static let defaultImmutable = "public, max-age=31536000, immutable"
    static let defaultPages = "public, max-age=300, must-revalidate"
    static let defaultOther = "public, max-age=86400"

    /// The rules when `site.yml` has no `publish:`.
    package static let standard = ObjectHeaderRules(
        immutable: defaultImmutable, pages: defaultPages, other: defaultOther, gzip: true)

    /// The extensions whose files are stored gzipped, when the build wrote a `.gz` of them.
    package static let gzipExtensions: Set<String> = ["html", "css", "xml", "svg", "js", "json"]

    package init(immutable: String, pages: String, other: String, gzip: Bool) {
        self.immutable = immutable
        self.pages = pages
        self.other = other
        self.gzip = gzip
    }

    /// `Content-Type` of the file at `path`, with its charset when it is text.
    package func contentType(for path: String) -> String {
        MediaTypes.forPath(path)
    }

    /// `Cache-Control` of the file at `path`.
    package func cacheControl(for path: String) -> String {
        switch Self.kind(of: path) {
        case .immutable: immutable
        case .pages: pages
        case .other: other
        }
    }

    /// Whether the object of the file at `path` holds the gzip of its bytes, given that the
    /// build wrote one (`path.gz`).
    package func storesGzip(_ path: String) -> Bool {
        guard gzip, let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return Self.gzipExtensions.contains(path[path.index(after: dot)...].lowercased())
    }

    /// The cache kind of the file at `path`.
    package static func kind(of path: String) -> CacheKind {
        switch SiteFileRole.of(path) {
        case .page, .entry: .pages
        case .asset: isFingerprinted(path) ? .immutable : .other
        }
    }

    /// Whether the build named the file at `path` by its content, in one of its own formats:
    /// the fingerprinted stylesheets in `assets/` (`style.0123456789.css`), the copies of
    /// bundle images (`map-480-0123abcd.webp`), Pagefind's hashed index files. Any other
    /// name with digits in it is not (`report-20240101.pdf`).
    package static func isFingerprinted(_ path: String) -> Bool {
        let slash = path.lastIndex(of: "/")
        let name = slash.map { path[path.index(after: $0)...] } ?? path[...]
        let folder = slash.map { path[..<$0] } ?? ""
        if folder == SiteURLs.assetsFolder, name.hasSuffix(".css") { return Fingerprint.isFingerprinted(name) }
        return SiteSearch.isHashedBundleFile(path) || VariantPlan.isVariantName(name)
    }
}
