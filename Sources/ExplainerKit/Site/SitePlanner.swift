/// The "plan" step: decides every page of the site, its URL and file, and the links between
/// pages; and, before that, that every output path has exactly one owner. Pure: rendered
/// articles in, pages out, in a fixed order.
///
/// URLs come from `SiteURLs`, so every one of them follows the base URL's path.
enum SitePlanner {
    /// How many of the newest explainers the 404 page suggests.
    static let notFoundListLength = 10

    /// The most sections (H2 headings) an explainer may have. Each section is a page whose
    /// navigation lists every page of the explainer, so an explainer's output grows with the
    /// square of its sections; real explainers have 3 to 15.
    static let maxSections = 100

    /// The pages every explainer has besides its overview and sections, by their slug in its
    /// folder: no section may take them.
    static let explainerPageKeys = Set(explainerPages.map(\.key))

    /// The pages every explainer has besides its sections, and how a clash names them.
    static let explainerPages = [
        (key: SiteURLs.quotesPage, name: "the explainer's quotes page"),
        (key: SiteURLs.allPage, name: "the explainer's one-page view"),
    ]

    /// The folder of the preview's own addresses (`/_explainer/live.js`, `/_explainer/events`).
    static let previewFolder = PreviewAddresses.folder

    /// One explainer's folder, with the pages it has besides its sections already claimed: its
    /// sections are claimed in it as they are rendered (`ArticleRenderer`).
    static func explainerFolder(_ slug: String) -> PathClaims {
        var folder = PathClaims(folder: "/\(slug)/")
        folder.claim("index.html", by: .generated("the explainer's overview"))
        for page in explainerPages { folder.claim(page.key, isFolder: true, by: .generated(page.name)) }
        return folder
    }

    /// Claims every top-level output path of the site: what Explainer makes itself (home
    /// pages, 404, feed, sitemap, robots.txt, the preview's addresses, the author pages when
    /// the site has authors, the topic pages), then the assets (their
    /// paths in the output, e.g. `assets/style.<hash>.css`, with the file each comes from),
    /// then each explainer's folder, then the redirect pages of `redirects` (`SiteRedirects`).
    /// Each of `languages` (a multilingual site's other languages) has its folder (`de/`),
    /// claimed in the site's, and in it the same pages of its own and its explainers' folders
    /// (`Article.spaceLanguage`): a path is claimed once per space.
    /// Returns an error for each second claim.
    static func claimPaths(
        articles: [RenderedArticle], assets: [(source: String, path: String)], production: Bool,
        authors: SiteAuthors = .empty, redirects: [SiteRedirects.Redirect] = [], languages: [LanguageTag] = []
    ) -> [Diagnostic] {
        var claims = PathClaims()
        claimSpacePaths(in: &claims, production: production, authors: authors)
        claims.claim(SiteURLs.notFoundFile, by: .generated("the 404 page"), gzip: production)
        claims.claim(SitemapWriter.path, by: .generated("the sitemap"), gzip: production)
        claims.claim(RobotsWriter.path, by: .generated("robots.txt"), gzip: production)
        claims.claim(
            previewFolder, isFolder: true,
            by: .generated(
                "the preview's own addresses (\(PreviewAddresses.script), \(PreviewAddresses.events))"))
        claims.claim(SiteURLs.pagefindFolder, isFolder: true, by: .generated("the search index (Pagefind's bundle)"))
        claims.claim(RedirectsFile.path, by: .generated("the redirects file (\(RedirectsFile.path))"))
        var spaces: [LanguageTag: PathClaims] = [:]
        var problems: [Diagnostic] = []
        for language in languages where spaces[language] == nil {
            let folder = SiteURLs.spaceFolder(language)
            if let problem = claims.claim(folder, isFolder: true, by: .generated("the pages in \(language) (/\(folder)/)")) {
                problems.append(problem)
            }
            var space = PathClaims(folder: "/\(folder)/")
            claimSpacePaths(in: &space, production: production, authors: authors)
            spaces[language] = space
        }
        for asset in assets {
            if let problem = claims.claim(asset.path, by: .asset(asset.source), gzip: production) { problems.append(problem) }
        }
        for article in articles {
            let owner = PathOwner.explainer(
                slug: article.slug, file: article.article.sourcePath, slugLocation: article.frontMatter.slugLocation)
            if let language = article.article.spaceLanguage, spaces[language] != nil {
                if let problem = spaces[language]?.claim(article.slug, isFolder: true, by: owner) { problems.append(problem) }
            } else if let problem = claims.claim(article.slug, isFolder: true, by: owner) {
                problems.append(problem)
            }
        }
        return problems + SiteRedirects.claim(redirects, in: &claims, production: production)
    }

    /// Claims, in the folder of a space (the site's root, or `de/`), the pages every space has:
    /// home pages, corrections, feed, search page, author pages (when the site has authors) and
    /// topic pages.
    private static func claimSpacePaths(in claims: inout PathClaims, production: Bool, authors: SiteAuthors) {
        claims.claim("index.html", by: .generated("the home page"), gzip: production)
        claims.claim(SiteURLs.listingFolder, isFolder: true, by: .generated("the home page listings (/page/2/, /page/3/, …)"))
        claims.claim(SiteURLs.correctionsFolder, isFolder: true, by: .generated("the corrections page"))
        claims.claim(FeedWriter.path, by: .generated("the Atom feed"), gzip: production)
        // Taken whether or not search is on: turning it on never moves an explainer.
        claims.claim(SiteURLs.searchFolder, isFolder: true, by: .generated("the search page"))
        if !authors.isEmpty { claims.claim(SiteURLs.authorsFolder, isFolder: true, by: .generated(AuthorPlanner.owner)) }
        claims.claim(SiteURLs.topicsFolder, isFolder: true, by: .generated(TopicPlanner.owner))
    }

    /// The site's one order of explainers, used by its pages and its feed: newest first, and
    /// by slug among those of one date.
    static func newestFirst(_ articles: [RenderedArticle]) -> [RenderedArticle] {
        articles.sorted { ($0.frontMatter.date, $1.slug) > ($1.frontMatter.date, $0.slug) }
    }

    /// Every page of the site: the home pages, each explainer's pages (newest explainer first),
    /// the corrections page (listed explainers only: `RenderedArticle.isListed`), the author pages (`AuthorPlanner`, when the site has authors),
    /// the topic pages (`TopicPlanner`), the search page (when search is on) and the 404 page. `topics` is the site's topics (`SiteTopics`, made of these articles; none
    /// when nil). `explainerPages` plans one explainer's pages; a cache may pass a memoised
    /// `explainerPages(_:links:urls:)`.
    /// Every title and description a page is given comes from `translations`, in the page's
    /// language (`PageContext.language`).
    static func plan(
        site: SiteConfig, urls: SiteURLs, articles: [RenderedArticle], authors: SiteAuthors = .empty,
        topics: SiteTopics? = nil, translations: Translations = .embedded, explainerPages: ((RenderedArticle) -> [Page])? = nil
    ) -> [Page] {
        let newestFirst = newestFirst(articles)
        let topics = topics ?? .none
        let strings = translations.strings(for: PageContext.language(listing: nil, article: nil, site: site))
        var pages = homePages(site: site, urls: urls, newestFirst: newestFirst, topics: topics, strings: strings)
        for article in newestFirst {
            pages +=
                explainerPages?(article)
                ?? Self.explainerPages(
                    article, links: topics.links(of: article), urls: urls,
                    strings: translations.strings(for: PageContext.language(listing: nil, article: article, site: site)))
        }
        pages.append(correctionsPage(site: site, urls: urls, newestFirst: newestFirst, strings: strings))
        pages += AuthorPlanner.pages(authors: authors, urls: urls, newestFirst: newestFirst, topics: topics, strings: strings)
        pages += TopicPlanner.pages(topics: topics, site: site, urls: urls, strings: strings)
        if site.search { pages.append(searchPage(site: site, urls: urls, strings: strings)) }
        pages.append(
            Page(
                kind: .notFound, url: urls.notFound, file: SiteURLs.notFoundFile, title: strings.text("notFoundTitle"),
                description: strings.text("notFoundDescription"),
                articles: Array(newestFirst.prefix(notFoundListLength))))
        return pages
    }

    /// The site-wide corrections page, `/corrections/`: made whether or not there are any
    /// (its address stays, and it says there are none), with the explainers that have a
    /// correction, newest first (the page lists their corrections newest first:
    /// `CorrectionValues.list`).
    static func correctionsPage(
        site: SiteConfig, urls: SiteURLs, newestFirst: [RenderedArticle], strings: LocalizedStrings = .english
    ) -> Page {
        let url = urls.corrections
        return Page(
            kind: .corrections, url: url, file: urls.file(ofPage: url), title: strings.text("corrections"),
            description: strings.text("correctionsDescription", ["site": site.title]),
            articles: newestFirst.filter { $0.isListed && $0.frontMatter.updates.contains { $0.kind == .correction } })
    }

    /// The search page, `/search/` (when `site.search`): Pagefind's UI, which reads the index
    /// the build made of the explainers' pages (`SearchIndexer`).
    static func searchPage(site: SiteConfig, urls: SiteURLs, strings: LocalizedStrings = .english) -> Page {
        let url = urls.search
        return Page(
            kind: .search, url: url, file: urls.file(ofPage: url), title: strings.text("search"),
            description: strings.text("searchDescription", ["site": site.title]))
    }

    /// The home pages: `/` lists the newest `site.homePageSize` explainers, `/page/2/` the next
    /// ones, and so on (always at least `/`); each card with its topics (`topics`).
    static func homePages(
        site: SiteConfig, urls: SiteURLs, newestFirst: [RenderedArticle], topics: SiteTopics = .none,
        strings: LocalizedStrings = .english
    ) -> [Page] {
        let description = site.description.isEmpty ? site.title : site.description
        return ListingPagination.pages(of: newestFirst, size: site.homePageSize) { urls.home(page: $0) }.map { slice in
            Page(
                kind: .home, url: slice.url, file: urls.file(ofPage: slice.url),
                title: slice.title(site.title, strings),
                description: slice.description(description, strings),
                articles: slice.articles, listing: slice.position,
                articleTopics: slice.articles.map { topics.links(of: $0).topics })
        }
    }

    /// The pages of one explainer in reading order: overview, sections, quotes, then the
    /// one-page view (which is not part of the reading order). Every page carries the
    /// explainer's topics; the overview and the last page of the reading order its related
    /// explainers (`links`).
    /// `strings` are the explainer's language's (`PageContext.language`).
    static func explainerPages(
        _ article: RenderedArticle, links: ExplainerLinks = .none, urls: SiteURLs, strings: LocalizedStrings = .english
    ) -> [Page] {
        let fm = article.frontMatter
        var stops: [(Page.Kind, RenderedSection?, PageLink)] = []
        stops.append(
            (
                .overview, nil,
                PageLink(
                    label: strings.text("overview"), title: fm.title, url: urls.explainer(article.slug), isCurrent: false,
                    readingMinutes: WordCounter.minutes(forWords: article.lede.wordCount))
            ))
        for section in article.sections {
            stops.append(
                (
                    .section, section,
                    PageLink(
                        label: section.label, title: section.heading.text,
                        url: urls.explainerPage(article.slug, section.key), isCurrent: false,
                        readingMinutes: section.readingMinutes)
                ))
        }
        if !article.quotes.isEmpty {
            stops.append(
                (
                    .quotes, nil,
                    PageLink(
                        label: strings.text("quotes"), title: strings.text("quotesTitle", ["title": fm.title]),
                        url: urls.explainerPage(article.slug, SiteURLs.quotesPage),
                        isCurrent: false, readingMinutes: nil)
                ))
        }
        let stopLinks = stops.map(\.2)
        var pages: [Page] = []
        for (index, stop) in stops.enumerated() {
            let (kind, section, link) = stop
            var nav = stopLinks
            nav[index].isCurrent = true
            let description: String
            switch kind {
            case .section: description = section?.description ?? fm.summary
            case .quotes: description = strings.text("quotesDescription", ["title": fm.title])
            default: description = fm.summary
            }
            pages.append(
                Page(
                    kind: kind, url: link.url, file: urls.file(ofPage: link.url),
                    title: link.title, description: description.isEmpty ? fm.summary : description,
                    article: article, section: section, explainerPages: nav,
                    previous: index > 0 ? stopLinks[index - 1] : nil,
                    next: index + 1 < stopLinks.count ? stopLinks[index + 1] : nil, topics: links.topics,
                    related: index == 0 || index + 1 == stopLinks.count ? links.related : [],
                    alternates: links.alternates[link.url] ?? []))
        }
        let all = urls.explainerPage(article.slug, SiteURLs.allPage)
        pages.append(
            Page(
                kind: .all, url: all, file: urls.file(ofPage: all),
                title: fm.title, description: fm.summary, article: article, explainerPages: stopLinks, topics: links.topics,
                alternates: links.alternates[all] ?? []))
        return pages
    }
}
