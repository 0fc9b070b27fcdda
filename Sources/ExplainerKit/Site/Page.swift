/// One page of the site, planned: where it goes, what it is called, how it links to the rest,
/// and the content its template shows. Templates turn a `Page` into HTML.
///
/// Immutable and shared by reference: a site of 10,000 explainers has 60,000 pages, and the
/// planner, the templating groups, the sitemap and the preview's cache pass them around
/// without copying them. Equality compares the contents.
public final class Page: Sendable, Hashable {
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

    public let kind: Kind
    /// URL from the host's root, with the base path (`SiteURLs`): `/`, `/russia-taliban/history/`,
    /// `/404.html`; under `https://host/explainers`, `/explainers/russia-taliban/history/`.
    public let url: String
    /// Path of the output file inside the output folder: `russia-taliban/history/index.html`.
    public let file: String
    /// The page's own title (the `<h1>`).
    public let title: String
    /// Meta description.
    public let description: String
    /// The explainer this page belongs to (`nil` for home and 404).
    public let article: RenderedArticle?
    /// For a section page, which section.
    public let section: RenderedSection?
    /// Links to every page of the explainer, in reading order (empty for home and 404).
    public let explainerPages: [PageLink]
    public let previous: PageLink?
    public let next: PageLink?
    /// For a home page: its explainers, newest first (for the 404 page: the newest few).
    public let articles: [RenderedArticle]
    /// For a home page of a site with more than one: which one it is.
    public let listing: ListingPosition?

    public init(
        kind: Kind, url: String, file: String, title: String, description: String,
        article: RenderedArticle? = nil, section: RenderedSection? = nil,
        explainerPages: [PageLink] = [], previous: PageLink? = nil, next: PageLink? = nil,
        articles: [RenderedArticle] = [], listing: ListingPosition? = nil
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
        self.listing = listing
    }

    public static func == (lhs: Page, rhs: Page) -> Bool {
        lhs === rhs || (lhs.kind == rhs.kind && lhs.url == rhs.url && lhs.file == rhs.file && lhs.title == rhs.title
            && lhs.description == rhs.description && lhs.article == rhs.article && lhs.section == rhs.section
            && lhs.explainerPages == rhs.explainerPages && lhs.previous == rhs.previous && lhs.next == rhs.next
            && lhs.articles == rhs.articles && lhs.listing == rhs.listing)
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(url)
    }
}

/// Where a home page stands among the site's home pages: page `number` of `count`, with the
/// URLs of the newer (previous) and older (next) ones.
public struct ListingPosition: Sendable, Hashable {
    public var number: Int
    public var count: Int
    public var previousURL: String?
    public var nextURL: String?
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
