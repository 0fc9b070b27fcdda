/// What a file of the built site is to a reader arriving at the site, which decides when a
/// publish to a bucket may make it live, and how long a cache may keep it: the one rule both
/// the order of a publish and the Cache-Control of its objects read.
package enum SiteFileRole: Sendable, Hashable, CaseIterable {
    /// Everything a page uses or links to that is not a page: stylesheet, images, media,
    /// the search bundle. Goes live first.
    case asset
    /// An HTML page that is not an entry file. Goes live after the assets.
    case page
    /// A file readers and crawlers start from (`entryFiles`, every `feed.xml`). Goes live
    /// last, once everything it leads to is there.
    case entry

    /// The entry files by path (besides every `feed.xml`, the site's and each topic's).
    package static let entryFiles: Set<String> = [
        "index.html", SiteURLs.notFoundFile, SitemapWriter.path, RobotsWriter.path, RedirectsFile.path,
        SiteSearch.entryFile, SiteURLs.searchFolder + "/index.html",
    ]

    /// The role of the file at `path` (a path of the output folder: `russia-taliban/index.html`).
    package static func of(_ path: String) -> SiteFileRole {
        if entryFiles.contains(path) || path == FeedWriter.path || path.hasSuffix("/" + FeedWriter.path) { return .entry }
        return isHTML(path) ? .page : .asset
    }

    /// Whether `path` names an HTML file.
    static func isHTML(_ path: String) -> Bool {
        MediaTypes.forPath(path).hasPrefix("text/html")
    }
}
