/// The result of a successful build, in memory: every output file in a fixed order, the
/// articles that went into it, and the warnings met on the way.
public struct SiteBuild: Sendable {
    public var files: [OutputFile]
    public var articles: [RenderedArticle]
    public var pages: [Page]
    public var warnings: [Diagnostic]
    /// Root-relative URL of the stylesheet the pages link to.
    public var stylesheetURL: String
}
