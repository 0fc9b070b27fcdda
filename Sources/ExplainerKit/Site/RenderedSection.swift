/// One section of an explainer (one H2 of the body), with the page it becomes.
public struct RenderedSection: Sendable, Hashable {
    /// The page slug: the `sections:` key, or the slug of the heading.
    public var key: String
    /// Short label for navigation: `History` for `history:`, else the heading text.
    public var label: String
    public var chunk: MarkdownChunk
    /// Plain text of the first paragraph, cut to 160 characters: the page's meta description.
    public var description: String

    public var heading: RenderedHeading { chunk.heading! }
    public var readingMinutes: Int { WordCounter.minutes(forWords: chunk.wordCount) }
}
