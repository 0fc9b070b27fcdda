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
    /// Root-relative URL of the stylesheet the pages link to.
    public var stylesheetURL: String
}
