/// Where the site is published, and the URL of everything in it: the one place internal URLs
/// are made.
///
/// A site may be served at the root of its host (`https://example.org`) or under a path
/// (`https://host/explainers`, how GitHub Pages serves a project site). Every internal URL a
/// page links to starts with `basePath` (`/explainers/russia-taliban/`); the files stay where
/// they are in the output folder (`russia-taliban/index.html`). With a base URL at the root,
/// `basePath` is empty and URLs are root-relative (`/russia-taliban/`).
package struct SiteURLs: Sendable, Hashable {
    /// The absolute base URL, without a trailing slash: `https://host/explainers`.
    let baseURL: String
    /// The path of the base URL, without a trailing slash: `""` at the root of the host,
    /// `/explainers` under a sub-path. Every internal URL starts with it.
    package let basePath: String
    /// `scheme://host[:port]`: what makes an internal URL absolute.
    let origin: String
    /// The language space these URLs are of, on a multilingual site: `""` for the site's own
    /// language (at the root), `/de` for German (`/de/`, `/de/<slug>/`, `/de/feed.xml`). The
    /// pages of a space (home, explainers, topics, authors, corrections, search, feed) are below
    /// it; what the site has once (assets, the search index, the sitemap, robots.txt, the 404
    /// page, redirects) is not.
    package private(set) var spacePath = ""
    /// The language of the space, nil for the site's own (at the root).
    package private(set) var spaceLanguage: LanguageTag?

    /// The output folder's layout, as URLs below the site's root: the folder of the home page
    /// listings (`/page/2/`…), of the template set's assets, and an explainer's fixed pages.
    static let listingFolder = "page"
    static let assetsFolder = "assets"
    static let quotesPage = "quotes"
    static let allPage = "all"
    static let notFoundFile = "404.html"
    static let correctionsFolder = "corrections"
    /// The folder of the author pages: `/authors/`, `/authors/ana-diaz/`.
    static let authorsFolder = "authors"
    /// The folder of the topic pages: `/topics/`, `/topics/russia/`, `/topics/russia/page/2/`.
    static let topicsFolder = "topics"
    /// The search page's folder (`/search/`) and the Pagefind bundle's (`/pagefind/`).
    static let searchFolder = "search"
    static let pagefindFolder = "pagefind"

    /// `baseURL` as `site.yml` or `--base-url` give it, normalised by `BaseURL` (the one
    /// parse: `HTTPS://Host/x/` is `https://host/x`). A text that is no base URL (the build
    /// has reported it, or none is set: `""`) is kept as it is, without trailing slashes, as
    /// an origin without a path.
    package init(baseURL: String) {
        let components = BaseURL.components(baseURL)
        origin = components?.origin ?? BaseURL.trimmingTrailingSlashes(baseURL)
        basePath = components?.path ?? ""
        self.baseURL = origin + basePath
    }

    /// The URLs of `language`'s space (`/de/…`): the one rule for where a language's pages are.
    func space(_ language: LanguageTag) -> SiteURLs {
        var urls = self
        urls.spacePath = "/" + language.urlSegment
        urls.spaceLanguage = language
        return urls
    }

    /// The URLs of the site's own language (at the root).
    var root: SiteURLs {
        var urls = self
        urls.spacePath = ""
        urls.spaceLanguage = nil
        return urls
    }

    /// The language whose space a page in `language` is in, on a site in `site`'s: nil for the
    /// site's own space, the root (the site's tag itself, or its language alone: `en` on an
    /// `en-GB` site). The one rule for which translations get a space of their own.
    static func spaceLanguage(of language: LanguageTag, site: LanguageTag) -> LanguageTag? {
        language == site || language.identifier == site.languageCode ? nil : language
    }

    /// The folder of `language`'s space in the output: `de`.
    static func spaceFolder(_ language: LanguageTag) -> String { language.urlSegment }

    /// The URL of `path`, a path from the space's root (`/`, `/feed.xml`): `basePath + spacePath + path`.
    func url(_ path: String) -> String { basePath + spacePath + path }

    /// The URL of `path`, a path from the site's root, whatever the space: `basePath + path`.
    func siteURL(_ path: String) -> String { basePath + path }

    /// The output path of `path`, a path from the space's root (`feed.xml` → `de/feed.xml`).
    func outputPath(_ path: String) -> String {
        spacePath.isEmpty ? path : String(spacePath.dropFirst()) + "/" + path
    }

    /// The absolute form of an internal URL (one these functions made).
    func absolute(_ url: String) -> String { origin + url }

    /// The home page, or home page listing `number` (`/page/2/`, …).
    func home(page number: Int = 1) -> String {
        number == 1 ? url("/") : url("/\(Self.listingFolder)/\(number)/")
    }

    /// An explainer's overview: `/russia-taliban/`.
    func explainer(_ slug: String) -> String { url("/\(slug)/") }

    /// An explainer's overview in its own space, whatever space these URLs are of (`/de/x/`
    /// for `x.de.md`): what an alias of a translation leads to.
    func explainer(of article: Article) -> String {
        (article.spaceLanguage.map(root.space) ?? root).explainer(article.slug)
    }

    /// A page of an explainer: a section (`/russia-taliban/history/`), `quotes` or `all`.
    func explainerPage(_ slug: String, _ key: String) -> String { url("/\(slug)/\(key)/") }

    /// A file an explainer publishes from its bundle: `/russia-taliban/images/map-480-0123abcd.webp`
    /// (`path` is relative to the explainer's folder, percent-encoded here).
    func media(_ slug: String, _ path: String) -> String { url("/\(slug)/" + URLResolver.percentEncoded(path)) }

    var notFound: String { siteURL("/" + Self.notFoundFile) }

    /// The site-wide corrections page: `/corrections/`.
    var corrections: String { url("/\(Self.correctionsFolder)/") }

    /// The index of the site's authors: `/authors/`.
    var authors: String { url("/\(Self.authorsFolder)/") }

    /// An author's page: `/authors/ana-diaz/` (`key` is the authors file's key, a slug).
    func author(_ key: String) -> String { url("/\(Self.authorsFolder)/\(key)/") }

    /// The index of the site's topics: `/topics/`.
    var topics: String { url("/\(Self.topicsFolder)/") }

    /// A topic's page (`/topics/russia/`), or page `number` of its listing (`/topics/russia/page/2/`).
    func topic(_ slug: String, page number: Int = 1) -> String {
        url("/\(Self.topicsFolder)/\(slug)/" + (number == 1 ? "" : "\(Self.listingFolder)/\(number)/"))
    }

    /// A topic's Atom feed: `/topics/russia/feed.xml`.
    func topicFeed(_ slug: String) -> String { url("/" + Self.topicFeedPath(slug)) }

    /// The output path of a topic's feed: `topics/russia/feed.xml`.
    static func topicFeedPath(_ slug: String) -> String { "\(topicsFolder)/\(slug)/\(FeedWriter.path)" }

    /// The folder of the assets, `/assets/`; an asset is this plus its path, e.g. `favicon.svg`.
    var assets: String { siteURL("/\(Self.assetsFolder)/") }

    /// The search page: `/search/`.
    var search: String { url("/\(Self.searchFolder)/") }

    /// The folder of the Pagefind bundle, `/pagefind/` (ending in `/`).
    var pagefind: String { siteURL("/\(Self.pagefindFolder)/") }

    var feed: String { url("/" + FeedWriter.path) }

    var sitemap: String { siteURL("/" + SitemapWriter.path) }

    /// The output file of a page URL these functions made: `/explainers/x/` → `x/index.html`,
    /// `/explainers/404.html` → `404.html`.
    func file(ofPage url: String) -> String {
        let path = url.dropFirst(basePath.count).dropFirst()
        return path.isEmpty || path.hasSuffix("/") ? String(path) + "index.html" : String(path)
    }
}
