/// One page of the site, planned: where it goes, what it is called, how it links to the rest,
/// and the content its template shows. Templates turn a `Page` into HTML.
///
/// Immutable and shared by reference: a site of 10,000 explainers has 60,000 pages, and the
/// planner, the templating groups, the sitemap and the preview's cache pass them around
/// without copying them. Equality compares the contents.
package final class Page: Sendable, Hashable {
    /// What kind of page this is; names the template that renders it.
    enum Kind: String, Sendable, Hashable, CaseIterable {
        case home
        case overview
        case section
        case quotes
        case all
        /// The site-wide list of corrections (`/corrections/`).
        case corrections
        case notFound = "404"
        /// One author's page (`/authors/ana-diaz/`): who they are, their explainers.
        case author
        /// The index of the site's authors (`/authors/`).
        case authors
        /// One topic's page (`/topics/russia/`, `/topics/russia/page/2/`): its explainers.
        case topic
        /// The index of the site's topics (`/topics/`).
        case topics
        /// The search page (`/search/`): Pagefind's UI over the explainers' index.
        case search

        /// The template file (without `.mustache`) for this kind.
        var template: String { rawValue }
    }

    let kind: Kind
    /// URL from the host's root, with the base path (`SiteURLs`): `/`, `/russia-taliban/history/`,
    /// `/404.html`; under `https://host/explainers`, `/explainers/russia-taliban/history/`.
    let url: String
    /// Path of the output file inside the output folder: `russia-taliban/history/index.html`.
    let file: String
    /// The page's own title (the `<h1>`).
    let title: String
    /// Meta description.
    let description: String
    /// The explainer this page belongs to (`nil` for home, corrections and 404).
    let article: RenderedArticle?
    /// For a section page, which section.
    let section: RenderedSection?
    /// Links to every page of the explainer, in reading order (empty for home and 404).
    let explainerPages: [PageLink]
    let previous: PageLink?
    let next: PageLink?
    /// For a home page: its explainers, newest first (for the 404 page: the newest few; for
    /// the corrections page: those with a correction; for an author page: theirs; for a topic
    /// page: the topic's, newest first).
    let articles: [RenderedArticle]
    /// For a home or topic page with more than one page: which one it is.
    let listing: ListingPosition?
    /// For an author page, whose it is; for the authors index, every author (in the file's order).
    let authors: [SiteAuthor]
    /// For an explainer's page, the explainer's topics (`ExplainerLinks.topics`).
    let topics: [TopicLink]
    /// For an explainer's overview and the last page of its reading order, its related
    /// explainers, best first (`RelatedExplainers`); empty on its other pages.
    let related: [RelatedExplainer]
    /// For a listing page (home, topic, author pages): the topics of each of `articles`, in
    /// its order, as the site names them (`SiteTopics`).
    let articleTopics: [[TopicLink]]
    /// For the topics index: every topic of the site, by slug; for a topic page: its topic
    /// (with every explainer it lists, on this page or another).
    let listedTopics: [Topic]
    /// The language the page is written in when it is not its explainer's or the site's (a
    /// listing of a language's own space); nil otherwise (`PageContext.language(of:)`).
    let language: LanguageTag?
    /// On a multilingual site, this page in every language it exists in, itself included
    /// (`SiteTranslations`); empty when it exists in one.
    let alternates: [PageAlternate]

    init(
        kind: Kind, url: String, file: String, title: String, description: String,
        article: RenderedArticle? = nil, section: RenderedSection? = nil,
        explainerPages: [PageLink] = [], previous: PageLink? = nil, next: PageLink? = nil,
        articles: [RenderedArticle] = [], listing: ListingPosition? = nil, authors: [SiteAuthor] = [],
        topics: [TopicLink] = [], related: [RelatedExplainer] = [], articleTopics: [[TopicLink]] = [],
        listedTopics: [Topic] = [], language: LanguageTag? = nil, alternates: [PageAlternate] = []
    ) {
        self.language = language
        self.alternates = alternates
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
        self.authors = authors
        self.topics = topics
        self.related = related
        self.articleTopics = articleTopics
        self.listedTopics = listedTopics
    }

    package static func == (lhs: Page, rhs: Page) -> Bool {
        lhs === rhs
            || (lhs.kind == rhs.kind && lhs.url == rhs.url && lhs.file == rhs.file && lhs.title == rhs.title
                && lhs.description == rhs.description && lhs.article == rhs.article && lhs.section == rhs.section
                && lhs.explainerPages == rhs.explainerPages && lhs.previous == rhs.previous && lhs.next == rhs.next
                && lhs.articles == rhs.articles && lhs.listing == rhs.listing && lhs.authors == rhs.authors
                && lhs.topics == rhs.topics && lhs.related == rhs.related && lhs.articleTopics == rhs.articleTopics
                && lhs.listedTopics == rhs.listedTopics && lhs.language == rhs.language
                && lhs.alternates == rhs.alternates)
    }

    /// This page written in `language` (nil: its explainer's or the site's), with `alternates`.
    func with(language: LanguageTag?, alternates: [PageAlternate]) -> Page {
        if language == self.language && alternates == self.alternates { return self }
        return Page(
            kind: kind, url: url, file: file, title: title, description: description, article: article, section: section,
            explainerPages: explainerPages, previous: previous, next: next, articles: articles, listing: listing,
            authors: authors, topics: topics, related: related, articleTopics: articleTopics, listedTopics: listedTopics,
            language: language, alternates: alternates)
    }

    package func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(url)
    }
}

/// Where a listing page (a home page, a topic's page) stands among its listing: page `number` of `count`, with the
/// URLs of the newer (previous) and older (next) ones.
struct ListingPosition: Sendable, Hashable {
    var number: Int
    var count: Int
    var previousURL: String?
    var nextURL: String?
}

/// A link to a page of an explainer, as navigation shows it.
struct PageLink: Sendable, Hashable {
    /// Short name: `Overview`, `History`, `Quotes`.
    var label: String
    /// The page's full title.
    var title: String
    var url: String
    /// Whether this link is the page being shown.
    var isCurrent: Bool
    var readingMinutes: Int?
}
