/// One page of the site, planned: where it goes, what it is called, how it links to the rest,
/// and the content its template shows. Templates turn a `Page` into HTML.
public struct Page: Sendable, Hashable {
    /// What kind of page this is; names the template that renders it.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        case home
        case overview
        case section
        case quotes
        case all
        case notFound = "404"

        /// The template file (without `.mustache`) for this kind.
        public var template: String { rawValue }
    }

    public var kind: Kind
    /// Root-relative URL: `/`, `/russia-taliban/history/`, `/404.html`.
    public var url: String
    /// Path of the output file inside the output folder: `russia-taliban/history/index.html`.
    public var file: String
    /// The page's own title (the `<h1>`).
    public var title: String
    /// Meta description.
    public var description: String
    /// The explainer this page belongs to (`nil` for home and 404).
    public var article: RenderedArticle?
    /// For a section page, which section.
    public var section: RenderedSection?
    /// Links to every page of the explainer, in reading order (empty for home and 404).
    public var explainerPages: [PageLink]
    public var previous: PageLink?
    public var next: PageLink?
    /// For the home page: every explainer, newest first.
    public var articles: [RenderedArticle]

    public init(
        kind: Kind, url: String, file: String, title: String, description: String,
        article: RenderedArticle? = nil, section: RenderedSection? = nil,
        explainerPages: [PageLink] = [], previous: PageLink? = nil, next: PageLink? = nil,
        articles: [RenderedArticle] = []
    ) {
        self.kind = kind
        self.url = url
        self.file = file
        self.title = title
        self.description = description
        self.article = article
        self.section = section
        self.explainerPages = explainerPages
        self.previous = previous
        self.next = next
        self.articles = articles
    }
}

/// A link to a page of an explainer, as navigation shows it.
public struct PageLink: Sendable, Hashable {
    /// Short name: `Overview`, `History`, `Quotes`.
    public var label: String
    /// The page's full title.
    public var title: String
    public var url: String
    /// Whether this link is the page being shown.
    public var isCurrent: Bool
    public var readingMinutes: Int?
}
