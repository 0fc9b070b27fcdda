/// The result of a successful build, in memory: the output files (when built into memory),
/// the articles that went into it, and the warnings met on the way.
public struct SiteBuild: Sendable {
    /// Every output file, sorted by path; empty when the build handed its files to a sink
    /// (`SiteBuilder.build(_:settings:cache:into:)`).
    public var files: [OutputFile]
    /// How many files the build made (whether kept in `files` or handed to a sink).
    public var fileCount: Int
    public var articles: [RenderedArticle]
    public var pages: [Page]
    public var warnings: [Diagnostic]
    /// URL of the stylesheet the pages link to (below the base path).
    public var stylesheetURL: String
    /// The site's URLs: where it is published and every internal URL.
    public var urls: SiteURLs

    /// The base URL's path every internal URL starts with: `""` for a site at the root of its
    /// host, `/explainers` for `https://host/explainers`. The output folder's files do not
    /// have it (`index.html`, `assets/style.css`); a server of the folder strips it from
    /// request paths.
    public var basePath: String { urls.basePath }
}
