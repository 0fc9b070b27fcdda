/// An article with its body rendered and split: the lede, its sections (in reading order) and
/// every quote with the page it stands on.
///
/// Immutable and shared by reference: every page of an explainer (and the home page, the
/// feed, the sitemap, the preview's cache) refers to the same instance, so planning tens of
/// thousands of pages copies a pointer, not the article. Equality compares the contents.
package final class RenderedArticle: Sendable, Hashable {
    /// A quote and the key of the page it stands on (`nil` for the overview).
    struct PlacedQuote: Sendable, Hashable {
        var quote: Quote
        var sectionKey: String?
    }

    /// The article, without its `body` (empty): the body is `lede` and `sections`, rendered.
    let article: Article
    let lede: MarkdownChunk
    let sections: [RenderedSection]
    let quotes: [PlacedQuote]
    /// Words of the lede and every section.
    let wordCount: Int
    /// The bundle files the article refers to (what the media stage publishes for it).
    let usedMedia: [UsedMedia]
    /// Its links and images to pages and files of the site, for `PageReferenceCheck`.
    let siteReferences: [SiteReference]
    /// The lead image (`image:`), if any.
    let leadImage: LeadImage?
    /// The files it publishes from its bundle (`MediaStage.publication`), sorted by path.
    let media: [MediaStage.Output]
    /// What the render step warns about (the Markdown stage's warnings, at their lines in the
    /// file): reported with the article by every build that renders or reuses it.
    let warnings: [Diagnostic]

    init(
        article: Article, lede: MarkdownChunk, sections: [RenderedSection], quotes: [PlacedQuote], usedMedia: [UsedMedia] = [],
        siteReferences: [SiteReference] = [], leadImage: LeadImage? = nil, media: [MediaStage.Output] = [],
        warnings: [Diagnostic] = []
    ) {
        self.warnings = warnings
        self.article = article
        self.lede = lede
        self.sections = sections
        self.quotes = quotes
        self.usedMedia = usedMedia
        self.siteReferences = siteReferences
        self.leadImage = leadImage
        self.media = media
        self.wordCount = sections.reduce(lede.wordCount) { $0 + $1.chunk.wordCount }
    }

    var slug: String { article.slug }
    var frontMatter: FrontMatter { article.frontMatter }
    var readingMinutes: Int { WordCounter.minutes(forWords: wordCount) }
    var status: PublicationStatus { article.status }
    /// Whether the site lists it: in the sitemap, the feed, the author pages and every other
    /// listing for readers and search engines. Drafts and scheduled explainers (built only by
    /// non-production builds, `--drafts`, `--future`) are not listed; the one predicate every
    /// such listing filters with.
    var isListed: Bool { article.status == .published }

    package static func == (lhs: RenderedArticle, rhs: RenderedArticle) -> Bool {
        lhs === rhs
            || (lhs.article == rhs.article && lhs.lede == rhs.lede && lhs.sections == rhs.sections && lhs.quotes == rhs.quotes
                && lhs.usedMedia == rhs.usedMedia && lhs.siteReferences == rhs.siteReferences && lhs.leadImage == rhs.leadImage
                && lhs.media == rhs.media && lhs.warnings == rhs.warnings)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(article)
    }
}
