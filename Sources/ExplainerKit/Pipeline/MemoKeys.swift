/// Everything every page depends on: when it changes, nothing a memo holds may be reused.
/// `settings` holds the build's day (`BuildSettings.today`): a new day may publish a scheduled
/// explainer, so it rebuilds everything.
package struct MemoEnvironment: Sendable, Hashable {
    var config: SourceFile
    /// The theme's templates and assets as `ThemeFiles` laid them: the embedded theme's bytes
    /// (`(embedded theme)/…`) as much as the templates folder's.
    var templates: [SourceFile]
    var assets: [SourceFile]
    var settings: BuildSettings
    /// `authors.yml` (bylines, author pages), nil without one.
    var authors: SourceFile? = nil
    /// The translation tables, the embedded theme's and the site's (`SiteSources.translations`).
    var translations: [SourceFile] = []
}

extension MemoEnvironment {
    /// The environment of a build of `sources` with `settings`.
    init(_ sources: borrowing SiteSources, settings: BuildSettings) {
        self.init(
            config: sources.config, templates: sources.templates, assets: sources.assets, settings: settings,
            authors: sources.authors, translations: sources.translations)
    }
}

/// What an article is made from: its source file (path and exact bytes) and what the build
/// knows of the files of its bundle (their sizes, images' dimensions and hashes), which its
/// pages show and check. Equal inputs give the same `LoadedArticle`.
package struct ArticleInput: Sendable, Hashable {
    var file: SourceFile
    /// The catalog's entries of the article's bundle, sorted by path (none for `<slug>.md`).
    var media: [MediaEntry]
}

/// What one article source became: its rendered article (nil for a draft left out, or when it
/// failed) and the problems met.
package struct LoadedArticle: Sendable, Hashable {
    var article: RenderedArticle?
    var diagnostics: [Diagnostic]
}

/// What a listing page (home, corrections, 404, author and topic pages) shows: its URL and
/// title, its place among the listing pages and, of each explainer it lists, what the page
/// shows of it (its topics as the site names them; for the corrections page, its corrections);
/// for the topics index, every topic with its count. Equal keys give the same files.
package struct ListingKey: Sendable, Hashable {
    /// What a listing page shows of one explainer.
    struct Entry: Sendable, Hashable {
        var slug: String
        var title: String
        var summary: String
        var date: ArticleDate
        var updated: ArticleDate?
        var minutes: Int
        /// Its tags as written (`articles[].tags`).
        var tags: [String]
        /// Its topics as the card shows them (`SiteTopics`' names, not the tags as written).
        var topics: [TopicLink]
        var image: LeadImage?
        /// Its corrections (what the corrections page lists).
        var corrections: [ArticleUpdate]
        var status: PublicationStatus
    }

    var url: String
    /// A topic page's title is its topic's name, which other explainers' spellings decide.
    var title: String
    var position: ListingPosition?
    var entries: [Entry]
    /// The topics index's topics (a topic page's own topic), with how many explainers each lists.
    var topics: [TopicCount]
    /// The same listing in the site's other languages (`Page.alternates`).
    var alternates: [PageAlternate] = []

    /// One topic of the topics index.
    struct TopicCount: Sendable, Hashable {
        var link: TopicLink
        var count: Int
    }

    /// The key of `page`.
    init(_ page: Page) {
        url = page.url
        title = page.title
        position = page.listing
        entries = page.articles.enumerated().map { index, article in
            Entry(
                slug: article.slug, title: article.frontMatter.title, summary: article.frontMatter.summary,
                date: article.frontMatter.date, updated: article.frontMatter.updated,
                minutes: article.readingMinutes, tags: article.frontMatter.tags,
                topics: index < page.articleTopics.count ? page.articleTopics[index] : [], image: article.leadImage,
                corrections: article.frontMatter.corrections, status: article.status)
        }
        topics = page.listedTopics.map { TopicCount(link: $0.link, count: $0.articles.count) }
        alternates = page.alternates
    }
}

/// What a site-wide file (`sitemap.xml`, a feed) is made of: the site, the base URL and,
/// for each explainer in build order, what decides its place (slug, dates), what the file's
/// site-wide entries read of it (its last modification, its newest correction) and its part
/// of the file. Equal keys give the same file.
package struct SiteFileKey: Sendable, Hashable {
    /// One explainer's share of the file.
    struct Explainer: Sendable, Hashable {
        var slug: String
        var date: ArticleDate
        var lastModified: ArticleTimestamp
        /// The corrections page's `<lastmod>` is the newest of these.
        var latestCorrection: ArticleTimestamp?
        /// Its byline's keys: an author page's place in the sitemap (its `lastmod`).
        var authors: [String]
        /// Its topics' slugs (the sitemap: a topic page's `lastmod`); empty for a feed.
        var topics: [String]
        var part: String
    }

    /// The file's path in the output folder.
    var path: String
    var site: SiteConfig
    var baseURL: String
    var explainers: [Explainer]
    /// The sitemap: the URLs of the pages that belong to no explainer (home and topic pages,
    /// however many there are); empty for a feed.
    var listingURLs: [String]
    /// A feed: its title, `<id>` and links (a topic's name is the spelling most used).
    var channel: FeedWriter.Channel?

    /// The key of the file at `path` made of `articles` with `parts` (one per article, in order)
    /// and, for the sitemap, each article's `topics` and the `listingURLs`.
    init(
        path: String, site: SiteConfig, baseURL: String, articles: [RenderedArticle], parts: [String],
        topics: [[String]] = [], listingURLs: [String] = []
    ) {
        self.path = path
        self.site = site
        self.baseURL = baseURL
        self.listingURLs = listingURLs
        explainers = zip(articles, parts).enumerated().map { index, pair in
            let (article, part) = pair
            let fm = article.frontMatter
            return Explainer(
                slug: article.slug, date: fm.date, lastModified: fm.lastModified,
                latestCorrection: fm.latestCorrection?.timestamp, authors: fm.authors.map(\.key),
                topics: index < topics.count ? topics[index] : [], part: part)
        }
    }
}
