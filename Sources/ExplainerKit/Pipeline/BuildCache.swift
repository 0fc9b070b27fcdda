import Foundation

/// The preview's `BuildMemo`, in memory: remembers, between builds, what each article
/// became, so that a rebuild only parses, renders and templates the articles whose source
/// bytes changed, and templates the listing pages and joins the site-wide files again only
/// when what they are made of changed.
///
/// Entries are keyed by the article's path and checked against its exact bytes. When the
/// environment (`site.yml`, the templates, the assets, the build settings) changes, the
/// cache is emptied and the build is a full one. A build through the cache gives the same
/// bytes as one through `PassThroughMemo`.
///
/// It also keeps the source files' bytes (`sourceFiles`), so that a rebuild reads again only
/// the files that changed. One build uses a cache at a time (the preview serialises its
/// rebuilds); a lock guards it anyway, since articles are loaded in parallel.
public final class BuildCache: BuildMemo, @unchecked Sendable {
    /// What one article source became, and what was made of it in this environment.
    private struct Entry {
        var bytes: [UInt8]
        /// The bundle's files as the article saw them.
        var media: [MediaEntry]
        var loaded: LoadedArticle
        /// What `plan` and `files` show of the rest of the site.
        var links: ExplainerLinks?
        var plan: [Page]?
        var files: [OutputFile]?
        /// What it publishes from its bundle.
        var bundle: [OutputFile]?
        /// Its parts of the site-wide files, by the file's path.
        var parts: [String: String] = [:]
    }

    /// How the last build used the cache.
    public struct Statistics: Sendable, Hashable {
        /// Articles parsed and rendered anew.
        public var articlesRendered = 0
        /// Articles taken from the cache.
        var articlesReused = 0
        /// Explainers whose pages were templated anew.
        var explainersTemplated = 0
        /// Whether the environment changed (or the cache was empty), making this a full build.
        public var fullBuild = false
    }

    /// The source files' bytes, re-read only when a file's size or modification time changes.
    let sourceFiles = SourceFileCache()

    private let lock = NSLock()
    private var environment: MemoEnvironment?
    /// By path, byte for byte (`ExactPath`): two names in two Unicode forms are two articles.
    private var entries: [ExactPath: Entry] = [:]
    /// The article paths of the last build: `entries` holds no other.
    private var articlePaths: [String] = []
    /// The last listing pages made, by URL, with their key.
    private var listings: [String: (ListingKey, [OutputFile])] = [:]
    /// The last site-wide files made, by path, with their key.
    private var siteFiles: [String: (SiteFileKey, OutputFile)] = [:]
    private var stats = Statistics()

    package init() {}

    /// How the last build used the cache.
    package var statistics: Statistics { lock.withLock { stats } }

    package func begin(_ environment: MemoEnvironment, articlePaths: [String]) {
        lock.withLock {
            stats = Statistics()
            if self.environment != environment {
                self.environment = environment
                entries = [:]
                listings = [:]
                siteFiles = [:]
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

    package func article(_ input: ArticleInput, make: () -> LoadedArticle) -> LoadedArticle {
        let file = input.file
        let key = ExactPath(file.path)
        let hit: LoadedArticle? = lock.withLock {
            guard let entry = entries[key], entry.bytes == file.bytes, entry.media == input.media else { return nil }
            stats.articlesReused += 1
            return entry.loaded
        }
        if let hit { return hit }
        let loaded = make()
        lock.withLock {
            entries[key] = Entry(bytes: file.bytes, media: input.media, loaded: loaded)
            stats.articlesRendered += 1
        }
        return loaded
    }

    package func plan(ofSource source: String, links: ExplainerLinks, make: () -> [Page]) -> [Page] {
        let key = ExactPath(source)
        lock.withLock {
            // Other topics or related explainers: its pages are planned and templated again.
            if entries[key] != nil, entries[key]?.links != links {
                entries[key]?.links = links
                entries[key]?.plan = nil
                entries[key]?.files = nil
                entries[key]?.parts = [:]  // the sitemap's entries name the translations
            }
        }
        return remembered(\.plan, ofSource: source, make: make)
    }

    package func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] {
        remembered(\.files, ofSource: source) {
            lock.withLock { stats.explainersTemplated += 1 }
            return make()
        }
    }

    package func bundleFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] {
        remembered(\.bundle, ofSource: source, make: make)
    }

    package func part(of path: String, forSource source: String, make: () -> String) -> String {
        remembered(\.parts[path], ofSource: source, make: make)
    }

    package func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] {
        if let (held, files) = lock.withLock({ listings[key.url] }), held == key { return files }
        let files = make()
        lock.withLock { listings[key.url] = (key, files) }
        return files
    }

    package func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile {
        if let (held, file) = lock.withLock({ siteFiles[key.path] }), held == key { return file }
        let file = make()
        lock.withLock { siteFiles[key.path] = (key, file) }
        return file
    }

    /// The value at `field` of the entry of `source` (made and kept there if missing).
    private func remembered<Value>(
        _ field: WritableKeyPath<Entry, Value?>, ofSource source: String, make: () -> Value
    ) -> Value {
        let key = ExactPath(source)
        if let value = lock.withLock({ entries[key]?[keyPath: field] }) { return value }
        let value = make()
        lock.withLock { entries[key]?[keyPath: field] = value }
        return value
    }
}
