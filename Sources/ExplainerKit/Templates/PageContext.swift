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
        let strings = shared.translations.strings(for: language)
        var context = PageValuesRoot(
            site: shared.site, assets: shared.assets,
            page: pageValues(page, shared: shared, explainer: explainer, language: language),
            t: TranslationValues(strings: strings))
        if shared.config.search { context.search = SearchValues(page, urls: shared.urls, strings: strings) }
        if let explainer, let article = page.article {
            context.explainer = ExplainerPageValues(
                shared: explainer, pages: page.explainerPages, previous: page.previous, next: page.next)
            if !page.related.isEmpty { context.related = page.related.map { RelatedValues($0, urls: shared.urls, strings: strings) } }
            switch page.kind {
            case .overview:
                context.lede = Prepared(article.lede)
                context.cards = article.sections.map { section in
                    CardValues(section: section, url: shared.urls.explainerPage(article.slug, section.key), strings: strings)
                }
                context.sources = article.lede.links
            case .section:
                if let section = page.section {
                    context.section = Prepared(SectionValues(section, strings: strings))
                    context.sources = section.chunk.links
                }
            case .quotes:
                break
            case .all:
                context.lede = Prepared(article.lede)
                context.allSections = article.sections.map { SectionValues($0, strings: strings) }
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
                    topics: index < page.articleTopics.count ? page.articleTopics[index] : [], strings: strings)
            }
            context.pagination = Prepared(page.listing.map { PaginationValues($0, strings: strings) })
            if page.kind == .author {
                context.author = page.authors.first.map {
                    AuthorValues($0, urls: shared.urls, explainersBy: strings.text("explainersBy", ["name": $0.name]))
                }
            }
            if page.kind == .topic {
                context.topic = page.listedTopics.first.map {
                    TopicValues($0.link, urls: shared.urls, count: $0.articles.count, strings: strings)
                }
            }
        case .topics:
            context.topics = page.listedTopics.map {
                TopicValues($0.link, urls: shared.urls, count: $0.articles.count, strings: strings)
            }
        case .authors:
            context.authors = page.authors.map { AuthorValues($0, urls: shared.urls) }
        case .corrections:
            context.corrections = CorrectionValues.list(page.articles, urls: shared.urls, strings: strings)
        case .overview, .section, .quotes, .all, .search:
            break
        }
        return context
    }

    /// The values shared by every page of one explainer (built once per explainer); `topics`
    /// are its topics as the site names them (`Page.topics`); `strings` are its pages' language
    /// (`language(of:site:)`), in which its dates are written and its quotes' dates read.
    static func explainer(
        _ article: RenderedArticle, urls: SiteURLs, authors: SiteAuthors = .empty, topics: [TopicLink] = [],
        strings: LocalizedStrings
    ) -> ExplainerValues {
        let fm = article.frontMatter
        let base = urls.explainer(article.slug)
        let timelineSection = article.sections.first(where: \.showsTimeline)
        // Quotes come in reading order, so the section each stands in is found by walking the
        // sections once alongside them.
        var section = article.sections.startIndex
        let quoteDates = QuoteDateReader.of(strings)
        return ExplainerValues(
            frontMatter: fm,
            readingMinutes: article.readingMinutes,
            url: base,
            allURL: urls.explainerPage(article.slug, SiteURLs.allPage),
            quotesURL: urls.explainerPage(article.slug, SiteURLs.quotesPage),
            timelineSVG: TimelineGraphic.svg(fm.timeline, rightToLeft: strings.language.isRightToLeft),
            timelineURL: (timelineSection.map { urls.explainerPage(article.slug, $0.key) } ?? base) + "#timeline",
            timelineOnOverview: !fm.timeline.isEmpty && timelineSection == nil,
            quotes: article.quotes.map { placed in
                let page = placed.sectionKey.map { urls.explainerPage(article.slug, $0) } ?? base
                var label = strings.text("overview")
                if let key = placed.sectionKey {
                    while section < article.sections.endIndex, article.sections[section].key != key { section += 1 }
                    if section < article.sections.endIndex { label = article.sections[section].label }
                }
                let (role, date) = quoteDates.split(placed.quote.context, published: fm.date)
                return QuoteValues(
                    quote: placed.quote, url: page + "#" + placed.quote.id, pageLabel: label, pageURL: page,
                    role: role, date: date, strings: strings, readInContext: strings.text("readInContext", ["page": label]))
            },
            image: LeadImageValues(article, urls: urls),
            authors: AuthorValues.byline(authors.resolve(fm.authors), urls: urls, strings: strings), status: article.status,
            topics: TopicValues.list(topics, urls: urls), strings: strings)
    }

    /// `explainer`: the values of the page's explainer, whose byline (resolved once per
    /// explainer) the JSON-LD names.
    /// The language `page` is written in: its own (a listing of a language's space), else its
    /// explainer's (`language:`), else the site's. The one rule for a page's language.
    static func language(of page: Page, site: SiteConfig) -> LanguageTag {
        language(listing: page.language, article: page.article, site: site)
    }

    /// The same rule before the page is made (the planner titles pages in their language):
    /// `listing`, the language a listing page is given, else `article`'s, else the site's.
    static func language(listing: LanguageTag?, article: RenderedArticle?, site: SiteConfig) -> LanguageTag {
        listing ?? article?.frontMatter.language ?? site.languageTag
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
