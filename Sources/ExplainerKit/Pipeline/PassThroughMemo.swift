/// The memo that remembers nothing: every `make` is called. `explainer build`, publish and the
/// check build through it; being a value with no state, it costs nothing (the builder is
/// specialised for it).
package struct PassThroughMemo: BuildMemo {
    package init() {}

    package func begin(_ environment: MemoEnvironment, articlePaths: [String]) {}
    package func article(_ input: ArticleInput, make: () -> LoadedArticle) -> LoadedArticle { make() }
    package func plan(ofSource source: String, links: ExplainerLinks, make: () -> [Page]) -> [Page] { make() }
    package func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] { make() }
    package func bundleFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] { make() }
    package func part(of path: String, forSource source: String, make: () -> String) -> String { make() }
    package func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] { make() }
    package func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile { make() }
}
