/// Builds the Mustache context of a page: typed view models (`ViewModels.swift`) and arrays
/// whose names are the template variables documented in docs/templates.md. Values meant as HTML
/// (rendered Markdown, JSON-LD) are named `…HTML`/`jsonLD` and used with `{{{ }}}`;
/// everything else is text that Mustache escapes.
///
/// The parts every page of an explainer shares (key points, timeline, quotes…) are built once
/// per explainer by `explainer(_:)` and reused for each of its pages.
enum PageContext {
    /// Every variable name any page provides (for the template check): the names of the
    /// view models' tables (`TemplateVocabulary`), plus swift-mustache's sequence names and
    /// `year`, which the check has always accepted.
    static let knownNames: Set<String> = TemplateVocabulary.names
        .union(["first", "last", "index", "even", "odd", "year"])

    /// Site-wide values: the same for every page.
    struct Shared: Sendable {
        let config: SiteConfig
        /// Every URL the pages link to.
        let urls: SiteURLs
        let site: SiteValues
        let assets: AssetValues
        /// The authors file (empty without one).
        let authors: SiteAuthors
        /// The theme's strings, by language.
        let translations: Translations

        init(
            site: SiteConfig, stylesheetURL: String, urls: SiteURLs, authors: SiteAuthors = .empty,
            translations: Translations = .embedded
        ) {
            self.config = site
            self.translations = translations
            self.urls = urls
            self.authors = authors
            self.site = SiteValues(
                title: site.title, language: site.language, author: site.author,
                description: site.description, baseURL: urls.baseURL, homeURL: urls.home(), feedURL: urls.feed,
                correctionsURL: urls.corrections, authorsURL: authors.isEmpty ? nil : urls.authors,
                topicsURL: urls.topics)
            self.assets = AssetValues(stylesheet: stylesheetURL, url: urls.assets)
        }
    }

    /// The context of one page: a typed view model (see `ViewModels.swift`) whose names are
    /// the template variables.
    static func make(_ page: Page, shared: Shared, explainer: ExplainerValues?) -> PageValuesRoot {
        let language = language(of: page, site: shared.config)
        var context = PageValuesRoot(
            site: shared.site, assets: shared.assets,
            page: pageValues(page, shared: shared, explainer: explainer, language: language),
            t: TranslationValues(strings: shared.translations.strings(for: language)))
        if shared.config.search { context.search = SearchValues(page, urls: shared.urls) }
        if let explainer, let article = page.article {
            context.explainer = ExplainerPageValues(
                shared: explainer, pages: page.explainerPages, previous: page.previous, next: page.next)
            if !page.related.isEmpty { context.related = page.related.map { RelatedValues($0, urls: shared.urls) } }
            switch page.kind {
            case .overview:
                context.lede = Prepared(article.lede)
                context.cards = article.sections.map { section in
                    CardValues(section: section, url: shared.urls.explainerPage(article.slug, section.key))
                }
                context.sources = article.lede.links
            case .section:
                if let section = page.section {
                    context.section = Prepared(section)
                    context.sources = section.chunk.links
                }
            case .quotes:
                break
            case .all:
                context.lede = Prepared(article.lede)
                context.allSections = article.sections
                let links = article.lede.links + article.sections.flatMap(\.chunk.links)
                var seen: Set<String> = []
                context.sources = links.filter { seen.insert($0.url).inserted }
            case .home, .corrections, .notFound, .author, .authors, .topic, .topics, .search:
                break
            }
        }
        // The listings: one case per kind.
        switch page.kind {
        case .home, .notFound, .author, .topic:
            context.articles = page.articles.enumerated().map { index, article in
                ArticleCardValues(
                    article: article, urls: shared.urls,
                    topics: index < page.articleTopics.count ? page.articleTopics[index] : [])
            }
            context.pagination = Prepared(page.listing)
            if page.kind == .author { context.author = page.authors.first.map { AuthorValues($0, urls: shared.urls) } }
            if page.kind == .topic {
                context.topic = page.listedTopics.first.map { TopicValues($0.link, urls: shared.urls, count: $0.articles.count) }
            }
        case .topics:
            context.topics = page.listedTopics.map { TopicValues($0.link, urls: shared.urls, count: $0.articles.count) }
        case .authors:
            context.authors = page.authors.map { AuthorValues($0, urls: shared.urls) }
        case .corrections:
            context.corrections = CorrectionValues.list(page.articles, urls: shared.urls)
        case .overview, .section, .quotes, .all, .search:
            break
        }
        return context
    }

    /// The values shared by every page of one explainer (built once per explainer); `topics`
    /// are its topics as the site names them (`Page.topics`).
    static func explainer(
        _ article: RenderedArticle, urls: SiteURLs, authors: SiteAuthors = .empty, topics: [TopicLink] = []
    ) -> ExplainerValues {
        let fm = article.frontMatter
        let base = urls.explainer(article.slug)
        let timelineSection = article.sections.first(where: \.showsTimeline)
        // Quotes come in reading order, so the section each stands in is found by walking the
        // sections once alongside them.
        var section = article.sections.startIndex
        return ExplainerValues(
            frontMatter: fm,
            readingMinutes: article.readingMinutes,
            url: base,
            allURL: urls.explainerPage(article.slug, SiteURLs.allPage),
            quotesURL: urls.explainerPage(article.slug, SiteURLs.quotesPage),
            timelineSVG: TimelineGraphic.svg(fm.timeline),
            timelineURL: (timelineSection.map { urls.explainerPage(article.slug, $0.key) } ?? base) + "#timeline",
            timelineOnOverview: !fm.timeline.isEmpty && timelineSection == nil,
            quotes: article.quotes.map { placed in
                let page = placed.sectionKey.map { urls.explainerPage(article.slug, $0) } ?? base
                var label = "Overview"
                if let key = placed.sectionKey {
                    while section < article.sections.endIndex, article.sections[section].key != key { section += 1 }
                    if section < article.sections.endIndex { label = article.sections[section].label }
                }
                let (role, date) = QuoteAttribution.split(placed.quote.context, published: fm.date)
                return QuoteValues(
                    quote: placed.quote, url: page + "#" + placed.quote.id, pageLabel: label, pageURL: page,
                    role: role, date: date)
            },
            image: LeadImageValues(article, urls: urls),
            authors: AuthorValues.byline(authors.resolve(fm.authors), urls: urls), status: article.status,
            topics: TopicValues.list(topics, urls: urls))
    }

    /// `explainer`: the values of the page's explainer, whose byline (resolved once per
    /// explainer) the JSON-LD names.
    /// The language `page` is written in: its own (a listing of a language's space), else its
    /// explainer's (`language:`), else the site's. The one rule for a page's language.
    static func language(of page: Page, site: SiteConfig) -> LanguageTag {
        page.language ?? page.article?.frontMatter.language ?? site.languageTag
    }

    private static func pageValues(_ page: Page, shared: Shared, explainer: ExplainerValues?, language: LanguageTag) -> PageValues {
        let documentTitle = Self.documentTitle(page, siteTitle: shared.config.title)
        let authors = page.article == nil ? page.authors : explainer?.authors.map(\.author) ?? []
        let jsonLD = StructuredData.jsonLD(for: page, urls: shared.urls, site: shared.site, authors: authors)
        return PageValues(
            title: page.title,
            documentTitle: documentTitle,
            description: page.description,
            url: page.url,
            canonicalURL: shared.urls.absolute(page.url),
            kind: page.kind,
            isExplainer: page.article != nil,
            jsonLD: jsonLD.isEmpty ? nil : jsonLD,
            noindex: page.article.map { !$0.isListed } ?? false,
            contentSecurityPolicy: ContentSecurityPolicy.of(page.kind, frameOrigins: page.frameOrigins).text,
            language: language,
            alternates: AlternateValues.list(page.alternates, urls: shared.urls, currentURL: page.url))
    }
}
