/// What an article's links and images refer to, found while rendering it: the problems (a
/// missing file, an image without alt text…), the bundle files it uses, and the site pages it
/// links to, which can only be checked once every page is planned (`PageReferenceCheck`).
struct ReferenceReport: Sendable, Hashable {
    var diagnostics: [Diagnostic] = []
    /// Every bundle file the article refers to, one entry per file, sorted by content path.
    var usedMedia: [UsedMedia] = []
    /// Every link or image to a path of the site (`/slug/risks/`, `other.md`), in order.
    var siteReferences: [SiteReference] = []
}

/// A bundle file an article refers to, for the media stage: what to publish.
package struct UsedMedia: Sendable, Hashable {
    /// The file's path in the content folder: `map-story/images/map.png`.
    package var contentPath: String
    /// Whether the file itself is wanted (an ordinary link to it, `[download](photo.jpg)`),
    /// not only an image's resized variants (`![…](photo.jpg)`). An image is then published
    /// stripped of its metadata; any other file as it is.
    package var original: Bool
}

/// A link or image of an article to a page or file of the site, checked after planning.
struct SiteReference: Sendable, Hashable {
    /// The path from the site's root, without the base path, query or fragment: `/x/risks/`.
    var path: String
    /// Where it is written: the article's file, line and column.
    var location: SourceLocation
    /// The article source it named (`other/index.md`, `other.md`, `other/` for a bundle, as
    /// paths in the content folder), if so: the error then says what that explainer's page is.
    var articleSource: String?
}
