/// An article with its body rendered and split: the lede, its sections (in reading order) and
/// every quote with the page it stands on.
public struct RenderedArticle: Sendable, Hashable {
    /// A quote and the key of the page it stands on (`nil` for the overview).
    public struct PlacedQuote: Sendable, Hashable {
        public var quote: Quote
        public var sectionKey: String?
    }

    public var article: Article
    public var lede: MarkdownChunk
    public var sections: [RenderedSection]
    public var quotes: [PlacedQuote]

    public var slug: String { article.slug }
    public var frontMatter: FrontMatter { article.frontMatter }
    public var wordCount: Int { sections.reduce(lede.wordCount) { $0 + $1.chunk.wordCount } }
    public var readingMinutes: Int { WordCounter.minutes(forWords: wordCount) }
}
