import Foundation

/// Remembers, between builds, what each article became, so that a rebuild only parses,
/// renders and templates the articles whose source bytes changed.
///
/// Entries are keyed by the article's path and checked against its exact bytes. Everything
/// else an article's pages depend on — `site.yml`, the templates, the assets and the build
/// settings — forms the cache's *environment*: when any of it changes, the cache is emptied
/// and the next build is a full one. The home pages and the 404 page, which list articles, are
/// templated again only when what they list changed. A build with a cache gives the same
/// bytes as one without.
///
/// One build uses a cache at a time (the preview serialises its rebuilds); a lock guards it
/// anyway, since articles are loaded in parallel.
public final class BuildCache: @unchecked Sendable {
    /// Everything every page depends on.
    struct Environment: Equatable {
        var config: SourceFile
        var templates: [SourceFile]
        var assets: [SourceFile]
        var settings: BuildSettings
    }

    /// What one article source became.
    struct Entry {
        var bytes: [UInt8]
        var articles: [RenderedArticle]
        var diagnostics: [Diagnostic]
        /// The article's planned pages (they depend on the article alone).
        var plan: [Page]?
        /// The article's templated pages, once rendered in this environment.
        var pages: [OutputFile]?
        /// Its parts of the site-wide files (sitemap entries, feed entry), by name.
        var fragments: [String: String] = [:]
    }

    /// How the last build used the cache.
    public struct Statistics: Sendable, Hashable {
        /// Articles parsed and rendered anew.
        public var articlesRendered = 0
        /// Articles taken from the cache.
        public var articlesReused = 0
        /// Explainers whose pages were templated anew.
        public var explainersTemplated = 0
        /// Whether the environment changed (or the cache was empty), making this a full build.
        public var fullBuild = false
    }

    /// What a listing page (home, 404) shows of each explainer: when none of it changed, the
    /// page is the same bytes as last time.
    struct ListingKey: Hashable {
        var slug: String
        var title: String
        var summary: String
        var date: ArticleDate
        var updated: ArticleDate?
        var minutes: Int
        var tags: [String]
    }

    /// The last listing pages made, by URL, with what they listed and where they stood.
    private var listings: [String: ([ListingKey], ListingPosition?, [OutputFile])] = [:]

    /// The source files' bytes, re-read only when a file's size or modification time changes.
    public let sourceFiles = SourceFileCache()

    private let lock = NSLock()
    private var environment: Environment?
    /// By path, byte for byte (`ExactPath`): two names in two Unicode forms are two articles.
    private var entries: [ExactPath: Entry] = [:]
    /// The article paths of the last build: `entries` holds no other.
    private var articlePaths: [String] = []
    private var stats = Statistics()
    private var discovery: [String: DiscoveryMemo] = [:]

    public init() {}

    /// How the last build used the cache.
    public var statistics: Statistics { lock.withLock { stats } }

    /// Starts a build: empties the cache when the environment changed; forgets articles that
    /// are gone.
    func begin(_ environment: Environment, articlePaths: [String]) {
        lock.withLock {
            stats = Statistics()
            if self.environment != environment {
                self.environment = environment
                entries = [:]
                listings = [:]
                discovery = [:]
                stats.fullBuild = true
            }
            // Usually the same articles as last time (the very same strings): nothing to forget.
            if articlePaths != self.articlePaths {
                let live = Set(articlePaths.map(ExactPath.init))
                entries = entries.filter { live.contains($0.key) }
                self.articlePaths = articlePaths
            }
        }
    }

    /// `sitemap.xml` or `feed.xml` (`path`): the last one when no explainer's `part` of it
    /// changed (see `DiscoveryMemo`), else `make()`.
    func discoveryFile(
        _ path: String, articles: [RenderedArticle], site: SiteConfig, baseURL: String,
        make: () -> OutputFile, part: @escaping (RenderedArticle) -> String
    ) -> OutputFile {
        if let file = lock.withLock({ discovery[path, default: DiscoveryMemo()]
            .reuse(articles: articles, site: site, baseURL: baseURL, parts: { [part($0)] }) })?.first {
            return file
        }
        let file = make()
        lock.withLock { discovery[path, default: DiscoveryMemo()].store([file], articles: articles, site: site, baseURL: baseURL) }
        return file
    }

    func article(_ file: SourceFile) -> Entry? {
        lock.withLock {
            guard let entry = entries[ExactPath(file.path)], entry.bytes == file.bytes else { return nil }
            stats.articlesReused += 1
            return entry
        }
    }

    func store(_ file: SourceFile, articles: [RenderedArticle], diagnostics: [Diagnostic]) {
        lock.withLock {
            entries[ExactPath(file.path)] = Entry(bytes: file.bytes, articles: articles, diagnostics: diagnostics)
            stats.articlesRendered += 1
        }
    }

    /// The explainer's planned pages, planned once per version of its source.
    func plan(forSource path: String, make: () -> [Page]) -> [Page] {
        if let plan = lock.withLock({ entries[ExactPath(path)]?.plan }) { return plan }
        let plan = make()
        lock.withLock { entries[ExactPath(path)]?.plan = plan }
        return plan
    }

    /// A piece of a site-wide file for one explainer (`sitemap`, `feed`), made once per
    /// version of its source.
    func fragment(_ name: String, forSource path: String, make: () -> String) -> String {
        if let fragment = lock.withLock({ entries[ExactPath(path)]?.fragments[name] }) { return fragment }
        let fragment = make()
        lock.withLock { entries[ExactPath(path)]?.fragments[name] = fragment }
        return fragment
    }

    /// A listing page (home, 404), templated again only when what it lists changed.
    func listing(_ page: Page, make: () -> [OutputFile]) -> [OutputFile] {
        let key = page.articles.map { article in
            ListingKey(
                slug: article.slug, title: article.frontMatter.title, summary: article.frontMatter.summary,
                date: article.frontMatter.date, updated: article.frontMatter.updated,
                minutes: article.readingMinutes, tags: article.frontMatter.tags)
        }
        if let (cachedKey, position, files) = lock.withLock({ listings[page.url] }), cachedKey == key, position == page.listing {
            return files
        }
        let files = make()
        lock.withLock { listings[page.url] = (key, page.listing, files) }
        return files
    }

    func pages(forSource path: String) -> [OutputFile]? {
        lock.withLock { entries[ExactPath(path)]?.pages }
    }

    func storePages(_ pages: [OutputFile], forSource path: String) {
        lock.withLock {
            entries[ExactPath(path)]?.pages = pages
            stats.explainersTemplated += 1
        }
    }
}
