/// The typed front matter of one explainer.
public struct FrontMatter: Sendable, Hashable {
    public var title: String
    /// One or two sentences: the meta description and the home page card text.
    public var summary: String
    public var date: ArticleDate
    /// Last substantive update, if any.
    public var updated: ArticleDate?
    public var tags: [String]
    /// Page slug → H2 heading, in the order written.
    public var sections: [SectionBinding]
    public var keyPoints: [String]
    public var timeline: [TimelineEntry]
    /// Drafts are built only with `--drafts` and never published.
    public var draft: Bool
    /// Overrides the slug taken from the file name.
    public var slug: String?
    /// Where `slug:` stands in the file, for errors (nil when the slug is the file name's).
    public var slugLocation: SourceLocation?

    public init(
        title: String, summary: String, date: ArticleDate, updated: ArticleDate? = nil,
        tags: [String] = [], sections: [SectionBinding] = [], keyPoints: [String] = [],
        timeline: [TimelineEntry] = [], draft: Bool = false, slug: String? = nil,
        slugLocation: SourceLocation? = nil
    ) {
        self.title = title
        self.summary = summary
        self.date = date
        self.updated = updated
        self.tags = tags
        self.sections = sections
        self.keyPoints = keyPoints
        self.timeline = timeline
        self.draft = draft
        self.slug = slug
        self.slugLocation = slugLocation
    }

    /// Every key the front matter understands (any other key is an error).
    public static let knownKeys = [
        "title", "summary", "date", "updated", "tags", "sections", "keyPoints", "timeline", "draft", "slug", extraKey,
    ]

    /// The key under which authors keep fields of their own (a mapping of anything), for their
    /// own tools: accepted, and read by nothing in Explainer (not given to templates).
    public static let extraKey = "extra"
}
