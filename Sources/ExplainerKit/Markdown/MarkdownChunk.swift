/// A heading as the Markdown stage renders it.
struct RenderedHeading: Sendable, Hashable {
    var level: Int
    /// Plain text, e.g. `A risky move?`.
    var text: String
    /// The inline HTML inside the heading tag (emphasis, code…).
    var innerHTML: String
    /// Stable, unique within the article.
    var id: String
    /// Line in the Markdown body (1-based).
    var line: Int
}

/// A quotation: a block quote whose last paragraph starts with an em dash (or `--`).
struct Quote: Sendable, Hashable {
    /// `quote-1`, `quote-2`… in document order: the anchor on the page the quote stands on.
    var id: String
    /// The quotation's paragraphs as HTML (without the attribution).
    var html: String
    /// The quotation as plain text.
    var text: String
    /// Who said it: the attribution up to its first comma.
    var speaker: String
    /// The rest of the attribution (role, occasion, date), possibly empty.
    var context: String
    var line: Int
}

/// An entry of a section's table of contents.
struct TOCEntry: Sendable, Hashable {
    var level: Int
    var text: String
    var id: String
}

/// A link to another site, for the "Sources" list at the foot of a page.
struct ExternalLink: Sendable, Hashable {
    var text: String
    var url: String
}

/// A run of the body: the lede (no heading) or one H2 section, rendered.
struct MarkdownChunk: Sendable, Hashable {
    /// The H2 that opens the chunk; `nil` for the lede.
    var heading: RenderedHeading?
    /// The heading's own HTML (`<h2 id="…">…</h2>\n`), empty for the lede.
    var headingHTML: String
    /// The blocks after the heading, as HTML.
    var html: String
    /// The first paragraph as HTML, for cards.
    var excerptHTML: String
    var wordCount: Int
    var toc: [TOCEntry]
    var quotes: [Quote]
    var links: [ExternalLink]
    /// The origins of the frames its embeds show (`EmbedBlock`), sorted: its page's `frame-src`.
    var frameOrigins: [String] = []
}

/// The whole body, rendered and split at its H2 headings.
package struct RenderedMarkdown: Sendable, Hashable {
    /// The lede (the blocks before the first H2).
    var lede: MarkdownChunk
    /// One chunk per H2, in document order.
    var sections: [MarkdownChunk]
    /// What the links and images refer to (empty when rendered without a `ReferenceContext`).
    var references = ReferenceReport()
    /// The problems found on the way, in body order (`MarkdownNote`).
    var notes: [MarkdownNote] = []

    /// The body as one HTML string: what cmark gives, plus heading ids and quote figures.
    var html: String {
        var html = lede.html
        for section in sections {
            html += section.headingHTML
            html += section.html
        }
        return html
    }

    var wordCount: Int {
        sections.reduce(lede.wordCount) { $0 + $1.wordCount }
    }
}
