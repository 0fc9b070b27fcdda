/// The memo that remembers nothing: every `make` is called. `explainer build`, publish and the
/// check build through it; being a value with no state, it costs nothing (the builder is
/// specialised for it).
struct PassThroughMemo: BuildMemo {
    init() {}

    func begin(_ environment: MemoEnvironment, articlePaths: [String]) {}
    func article(_ file: SourceFile, make: () -> LoadedArticle) -> LoadedArticle { make() }
    func plan(ofSource source: String, make: () -> [Page]) -> [Page] { make() }
    func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] { make() }
    func part(of path: String, forSource source: String, make: () -> String) -> String { make() }
    func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] { make() }
    func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile { make() }
}
