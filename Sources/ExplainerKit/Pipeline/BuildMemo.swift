/// The one seam through which `SiteBuilder` reuses what an earlier build made. The builder
/// always calls it: `begin` once, then for every article source, every explainer (its plan,
/// its templated files, its parts of the sitemap and the feed), every listing page and each
/// site-wide file. A memo either answers from what it remembers or calls `make` (and may
/// remember the answer). Whatever a memo answers, the build's bytes are the
/// same as with `PassThroughMemo`, which remembers nothing (`explainer build`, publish).
///
/// Keys are values (`MemoEnvironment`, `SourceFile`, `ListingKey`, `SiteFileKey`, a source
/// path) and so are entries (`LoadedArticle`, `[Page]`, `[OutputFile]`, `String`), so a memo
/// may keep them in memory (`BuildCache`, the preview's) or, hashed, on disk.
///
/// The per-explainer entries (`plan`, `explainerFiles`, `part`) are keyed by the article's
/// source path and belong to the version of it that `article(_:make:)` was given in the same
/// build: a memo forgets them when that version's bytes change, and everything when the
/// environment changes. The explainer's pages also show some of the rest of the site (its
/// topics as the site names them, its related explainers: `ExplainerLinks`), so its plan and
/// its templated files are forgotten too when those differ from the ones they were made with.
/// Calls come from many threads at once.
package protocol BuildMemo: Sendable {
    /// Starts a build in `environment` (what every page depends on), of these article sources.
    func begin(_ environment: MemoEnvironment, articlePaths: [String])
    /// What an article source became (parsed and rendered), for these exact bytes and bundle
    /// files.
    func article(_ input: ArticleInput, make: () -> LoadedArticle) -> LoadedArticle
    /// The planned pages of the explainer made from `source`, showing `links`: a plan (and
    /// templated files) made with other links is not reused.
    func plan(ofSource source: String, links: ExplainerLinks, make: () -> [Page]) -> [Page]
    /// The templated files (sorted by path, with their gzip copies in production) of the
    /// explainer made from `source` (with the links its `plan` was given in the same build).
    func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile]
    /// The files the explainer made from `source` publishes from its bundle (sorted by path),
    /// which depend only on its `ArticleInput`.
    func bundleFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile]
    /// The explainer's part (its `<url>` entries, its feed `<entry>`) of the site-wide file at
    /// `path` (`sitemap.xml`, `feed.xml`).
    func part(of path: String, forSource source: String, make: () -> String) -> String
    /// The files of a listing page (home, 404; with their gzip copies in production), which
    /// depend only on what `key` holds.
    func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile]
    /// A site-wide file (`sitemap.xml`, `feed.xml`), which depends only on what `key` holds.
    func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile
}
