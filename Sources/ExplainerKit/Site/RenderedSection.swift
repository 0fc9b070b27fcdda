/// One section of an explainer (one H2 of the body), with the page it becomes.
struct RenderedSection: Sendable, Hashable {
    /// The page slug: the `sections:` key, or the slug of the heading.
    var key: String
    /// What the pages call it: its `sections:` entry's `label:`, else the heading, shortened
    /// (`SectionLabel`).
    var label: String
    var chunk: MarkdownChunk
    /// Plain text of the first paragraph, cut to 160 characters: the page's meta description.
    var description: String
    /// Whether its page shows the timeline (`TimelinePlacement`).
    var showsTimeline = false

    var heading: RenderedHeading { chunk.heading! }
    var readingMinutes: Int { WordCounter.minutes(forWords: chunk.wordCount) }
}
