/// A heading as the Markdown stage renders it.
public struct RenderedHeading: Sendable, Hashable {
    public var level: Int
    /// Plain text, e.g. `A risky move?`.
    public var text: String
    /// The inline HTML inside the heading tag (emphasis, code…).
    public var innerHTML: String
    /// Stable, unique within the article.
    public var id: String
    /// Line in the Markdown body (1-based).
    public var line: Int
}

/// A quotation: a block quote whose last paragraph starts with an em dash (or `--`).
public struct Quote: Sendable, Hashable {
    /// `quote-1`, `quote-2`… in document order: the anchor on the page the quote stands on.
    public var id: String
    /// The quotation's paragraphs as HTML (without the attribution).
    public var html: String
    /// The quotation as plain text.
    public var text: String
    /// Who said it: the attribution up to its first comma.
    public var speaker: String
    /// The rest of the attribution (role, occasion, date), possibly empty.
    public var context: String
    public var line: Int
}

/// An entry of a section's table of contents.
public struct TOCEntry: Sendable, Hashable {
    public var level: Int
    public var text: String
    public var id: String
}

/// A link to another site, for the "Sources" list at the foot of a page.
public struct ExternalLink: Sendable, Hashable {
    public var text: String
    public var url: String
}

/// A run of the body: the lede (no heading) or one H2 section, rendered.
public struct MarkdownChunk: Sendable, Hashable {
    /// The H2 that opens the chunk; `nil` for the lede.
    public var heading: RenderedHeading?
    /// The heading's own HTML (`<h2 id="…">…</h2>\n`), empty for the lede.
    public var headingHTML: String
    /// The blocks after the heading, as HTML.
    public var html: String
    /// The first paragraph as HTML, for cards.
    public var excerptHTML: String
    public var wordCount: Int
    public var toc: [TOCEntry]
    public var quotes: [Quote]
    public var links: [ExternalLink]
}

/// The whole body, rendered and split at its H2 headings.
public struct RenderedMarkdown: Sendable, Hashable {
    /// The lede (the blocks before the first H2).
    public var lede: MarkdownChunk
    /// One chunk per H2, in document order.
    public var sections: [MarkdownChunk]

    /// The body as one HTML string: what cmark gives, plus heading ids and quote figures.
    public var html: String {
        var html = lede.html
        for section in sections {
            html += section.headingHTML
            html += section.html
        }
        return html
    }

    public var wordCount: Int {
        sections.reduce(lede.wordCount) { $0 + $1.wordCount }
    }
}
