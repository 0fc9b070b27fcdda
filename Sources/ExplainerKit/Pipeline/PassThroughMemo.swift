/// The memo that remembers nothing: every `make` is called. `explainer build`, publish and the
/// check build through it; being a value with no state, it costs nothing (the builder is
/// specialised for it).
public struct PassThroughMemo: BuildMemo {
    public init() {}

    public func begin(_ environment: MemoEnvironment, articlePaths: [String]) {}
    public func article(_ file: SourceFile, make: () -> LoadedArticle) -> LoadedArticle { make() }
    public func plan(ofSource source: String, make: () -> [Page]) -> [Page] { make() }
    public func explainerFiles(ofSource source: String, make: () -> [OutputFile]) -> [OutputFile] { make() }
    public func part(of path: String, forSource source: String, make: () -> String) -> String { make() }
    public func listing(_ key: ListingKey, make: () -> [OutputFile]) -> [OutputFile] { make() }
    public func siteFile(_ key: SiteFileKey, make: () -> OutputFile) -> OutputFile { make() }
}
