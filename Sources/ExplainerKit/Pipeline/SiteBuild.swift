/// What a build made, without its files: a build into a sink returns this (the files went to
/// the sink); a build into memory returns it inside a `SiteBuild`, with the files.
public struct BuildSummary: Sendable {
    /// How many files the build made.
    var fileCount: Int
    package var articles: [RenderedArticle]
    package var pages: [Page]
    package var warnings: [Diagnostic]
    /// URL of the stylesheet the pages link to (below the base path).
    var stylesheetURL: String
    /// The site's URLs: where it is published and every internal URL.
    var urls: SiteURLs
    /// The headers a publish to a bucket gives the files (`site.yml` `publish:`).
    package var headerRules: ObjectHeaderRules = .standard

    /// The base URL's path every internal URL starts with: `""` for a site at the root of its
    /// host, `/explainers` for `https://host/explainers`. The output folder's files do not
    /// have it (`index.html`, `assets/style.css`); a server of the folder strips it from
    /// request paths.
    package var basePath: String { urls.basePath }
}

/// A build into memory: every output file, sorted by path, and the build's summary (whose
/// fields it answers for: `build.articles`, `build.warnings`…).
@dynamicMemberLookup
public struct SiteBuild: Sendable {
    /// Every output file, sorted by path.
    package var files: [OutputFile]
    var summary: BuildSummary
    /// Search, when the site has it on (the runner prepared it before building); the files
    /// hold its bundle unless the build was made for the preview, which indexes its folder
    /// (`searchBundle(indexingFolder:)`).
    package var search: SiteSearch?

    init(files: [OutputFile], summary: BuildSummary, search: SiteSearch? = nil) {
        self.files = files
        self.summary = summary
        self.search = search
    }

    /// The search bundle of this build's pages as they are in the folder `site` (empty when
    /// search is off).
    package func searchBundle(indexingFolder site: String) throws(BuildFailure) -> [OutputFile] {
        try search?.bundle(indexingFolder: site) ?? []
    }

    public subscript<Value>(dynamicMember field: KeyPath<BuildSummary, Value>) -> Value {
        summary[keyPath: field]
    }
}
