/// The typed front matter of one explainer (made by `FrontMatterDecoder`, where each key is
/// read and checked; its memberwise initialiser takes the fields in this order).
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    /// One or two sentences: the meta description and the home page card text.
    public var summary: String
    public var date: ArticleDate
    /// Last substantive update, if any.
    public var updated: ArticleDate?
    public var tags: [String] = []
    /// Page slug → H2 heading, in the order written.
    public var sections: [SectionBinding] = []
    public var keyPoints: [String] = []
    public var timeline: [TimelineEntry] = []
    /// Drafts are built only with `--drafts` and never published.
    public var draft = false
    /// Overrides the slug taken from the file name.
    public var slug: String?
    /// Where `slug:` stands in the file, for errors (nil when the slug is the file name's).
    public var slugLocation: SourceLocation?

    /// The key under which authors keep fields of their own (a mapping of anything), for their
    /// own tools: accepted, and read by nothing in Explainer (not given to templates).
    public static let extraKey = "extra"
}
