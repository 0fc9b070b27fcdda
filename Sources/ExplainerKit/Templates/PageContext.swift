/// Builds the Mustache context of a page: typed view models (`ViewModels.swift`) and arrays
/// whose names are the template variables documented in the README. Values meant as HTML
/// (rendered Markdown, JSON-LD) are named `…HTML`/`jsonLD` and used with `{{{ }}}`;
/// everything else is text that Mustache escapes.
///
/// The parts every page of an explainer shares (key points, timeline, quotes…) are built once
/// per explainer by `explainer(_:)` and reused for each of its pages.
public enum PageContext {
    /// Every variable name any page provides (for the template check): the names the view
    /// models answer, plus swift-mustache's sequence names and `year`, which the check has
    /// always accepted.
    public static let knownNames: Set<String> = Set(TemplateKey.allCases.map(\.rawValue))
        .union(["first", "last", "index", "even", "odd", "year"])

    /// Site-wide values: the same for every page.
    public struct Shared: Sendable {
        public let config: SiteConfig
        /// Every URL the pages link to.
        public let urls: SiteURLs
        let site: SiteValues
        let assets: AssetValues

        public init(site: SiteConfig, stylesheetURL: String, urls: SiteURLs) {
            self.config = site
            self.urls = urls
            self.site = SiteValues(
                title: site.title, language: site.language, author: site.author,
                description: site.description, baseURL: urls.baseURL, homeURL: urls.home(), feedURL: urls.feed)
            self.assets = AssetValues(stylesheet: stylesheetURL, url: urls.assets)
        }
    }

    /// The context of one page: a typed view model (see `ViewModels.swift`) whose names are
    /// the template variables.
    static func make(_ page: Page, shared: Shared, explainer: ExplainerValues?) -> PageValuesRoot {
        var context = PageValuesRoot.Parts(site: shared.site, assets: shared.assets, page: pageValues(page, shared: shared))
        if let explainer, let article = page.article {
            context.explainer = ExplainerPageValues(
                shared: explainer,
                pages: page.explainerPages.map(link),
                previous: page.previous.map(link),
                next: page.next.map(link))
            switch page.kind {
            case .overview:
                context.lede = LedeValues(html: article.lede.html)
                context.cards = article.sections.map { section in
                    CardValues(
                        label: section.label, title: section.heading.text,
                        url: shared.urls.explainerPage(article.slug, section.key),
                        excerptHTML: section.chunk.excerptHTML, minutes: section.readingMinutes)
                }
                context.sources = article.lede.links.map(source)
            case .section:
                if let section = page.section {
                    context.section = sectionValues(section)
                    context.sources = section.chunk.links.map(source)
                }
            case .quotes:
                break
            case .all:
                context.lede = LedeValues(html: article.lede.html)
                context.allSections = article.sections.map(sectionValues)
                let links = article.lede.links + article.sections.flatMap(\.chunk.links)
                var seen: Set<String> = []
                context.sources = links.filter { seen.insert($0.url).inserted }.map(source)
            case .home, .notFound:
                break
            }
        }
        if page.kind == .home || page.kind == .notFound {
            context.articles = page.articles.map { articleCard($0, urls: shared.urls) }
            context.pagination = page.listing.map(PaginationValues.init)
        }
        return PageValuesRoot(context)
    }

    /// The values shared by every page of one explainer (built once per explainer).
    static func explainer(_ article: RenderedArticle, urls: SiteURLs) -> ExplainerValues {
        let fm = article.frontMatter
        let base = urls.explainer(article.slug)
        let onHistory = article.sections.contains { $0.key == TimelinePlacement.sectionKey }
        // Quotes come in reading order, so the section each stands in is found by walking the
        // sections once alongside them.
        var section = article.sections.startIndex
        return ExplainerValues(
            title: fm.title,
            summary: fm.summary,
            url: base,
            allURL: urls.explainerPage(article.slug, SiteURLs.allPage),
            quotesURL: urls.explainerPage(article.slug, SiteURLs.quotesPage),
            date: fm.date.long,
            dateISO: fm.date.iso,
            updated: fm.updated?.long,
            updatedISO: fm.updated?.iso,
            tags: fm.tags,
            readingMinutes: article.readingMinutes,
            keyPoints: fm.keyPoints,
            timeline: fm.timeline.map { TimelineValues(date: $0.date, event: $0.event) },
            timelineSVG: TimelineGraphic.svg(fm.timeline),
            timelineURL: (onHistory ? urls.explainerPage(article.slug, TimelinePlacement.sectionKey) : base) + "#timeline",
            timelineOnOverview: !fm.timeline.isEmpty && !onHistory,
            quotes: article.quotes.map { placed in
                let page = placed.sectionKey.map { urls.explainerPage(article.slug, $0) } ?? base
                var label = "Overview"
                if let key = placed.sectionKey {
                    while section < article.sections.endIndex, article.sections[section].key != key { section += 1 }
                    if section < article.sections.endIndex { label = article.sections[section].label }
                }
                let (role, date) = QuoteAttribution.split(placed.quote.context, published: fm.date)
                return QuoteValues(
                    id: placed.quote.id, html: placed.quote.html, speaker: placed.quote.speaker,
                    context: placed.quote.context, url: page + "#" + placed.quote.id,
                    pageLabel: label, pageURL: page, role: role, date: date)
            })
    }

    private static func pageValues(_ page: Page, shared: Shared) -> PageValues {
        var documentTitle = page.title
        if let article = page.article, page.kind != .overview, page.kind != .all {
            documentTitle = page.title == article.frontMatter.title ? page.title : "\(page.title) \u{2013} \(article.frontMatter.title)"
        }
        if page.kind != .home { documentTitle += " \u{2013} " + shared.config.title }
        let jsonLD = StructuredData.jsonLD(for: page, urls: shared.urls, site: shared.site)
        return PageValues(
            title: page.title,
            documentTitle: documentTitle,
            description: page.description,
            url: page.url,
            canonicalURL: shared.urls.absolute(page.url),
            kind: page.kind.rawValue,
            isHome: page.kind == .home,
            isExplainer: page.article != nil,
            ogType: page.article != nil ? "article" : "website",
            jsonLD: jsonLD.isEmpty ? nil : jsonLD)
    }

    private static func link(_ link: PageLink) -> LinkValues {
        LinkValues(label: link.label, title: link.title, url: link.url, current: link.isCurrent, minutes: link.readingMinutes)
    }

    private static func sectionValues(_ section: RenderedSection) -> SectionValues {
        SectionValues(
            key: section.key,
            label: section.label,
            title: section.heading.text,
            titleHTML: section.heading.innerHTML,
            id: section.heading.id,
            bodyHTML: section.chunk.html,
            minutes: section.readingMinutes,
            toc: section.chunk.toc.map { TOCValues(text: $0.text, id: $0.id, level: $0.level) },
            showTimeline: section.key == TimelinePlacement.sectionKey)
    }

    private static func source(_ link: ExternalLink) -> SourceValues {
        SourceValues(text: link.text, url: link.url)
    }

    private static func articleCard(_ article: RenderedArticle, urls: SiteURLs) -> ArticleCardValues {
        let fm = article.frontMatter
        return ArticleCardValues(
            title: fm.title, summary: fm.summary, url: urls.explainer(article.slug),
            date: fm.date.long, dateISO: fm.date.iso, minutes: article.readingMinutes, tags: fm.tags)
    }
}

/// Where the timeline graphic is shown: on the section page with this key, else on the overview.
public enum TimelinePlacement {
    public static let sectionKey = "history"
}
