/// Builds the Mustache context of a page: plain dictionaries and arrays whose names are the
/// template variables documented in the README. Values meant as HTML (rendered Markdown,
/// JSON-LD) are named `…HTML`/`jsonLD` and used with `{{{ }}}`; everything else is text that
/// Mustache escapes.
///
/// The parts every page of an explainer shares (its navigation, key points, timeline…) are
/// built once per explainer by `ExplainerContext` and reused for each of its pages.
public enum PageContext {
    /// Every top-level variable name any page provides (for the template check).
    public static let knownNames: Set<String> = [
        "site", "page", "explainer", "lede", "cards", "section", "sources", "quotes", "articles",
        "allSections", "assets",
        // names inside sections of the above, resolved through the context stack
        "label", "title", "url", "current", "minutes", "excerptHTML", "text", "id", "level", "html",
        "speaker", "context", "pageLabel", "pageURL", "date", "dateISO", "event", "summary", "tags",
        "readingMinutes", "bodyHTML", "titleHTML", "toc", "hasTOC", "year", "hasQuotes", "key",
        "showTimeline", "stylesheet", "updated", "updatedISO", "keyPoints", "hasKeyPoints", "timeline",
        "hasTimeline", "timelineSVG", "timelineOnOverview", "timelineURL", "allURL", "pages", "previous",
        "next", "documentTitle", "description", "canonicalURL", "kind", "isHome", "isExplainer", "ogType",
        "jsonLD", "language", "author", "baseURL", "role", "hasRole", "hasDate",
        "first", "last", "index", "even", "odd",
    ]

    /// Site-wide values: the same for every page.
    public struct Shared: Sendable {
        public let config: SiteConfig
        public let stylesheetURL: String
        public let baseURL: String

        public init(site: SiteConfig, stylesheetURL: String, baseURL: String) {
            self.config = site
            self.baseURL = baseURL
            self.stylesheetURL = stylesheetURL
        }

        var site: [String: Any] {
            [
                "title": config.title,
                "language": config.language,
                "author": config.author,
                "description": config.description,
                "baseURL": baseURL,
            ]
        }
    }

    public static func make(_ page: Page, shared: Shared, explainer: [String: Any]?) -> [String: Any] {
        let site = shared.site
        var context: [String: Any] = [
            "site": site,
            "assets": ["stylesheet": shared.stylesheetURL],
            "page": pageValues(page, shared: shared, site: site),
        ]
        if var explainer, let article = page.article {
            explainer["pages"] = page.explainerPages.map(link)
            if let previous = page.previous { explainer["previous"] = link(previous) }
            if let next = page.next { explainer["next"] = link(next) }
            context["explainer"] = explainer
            switch page.kind {
            case .overview:
                context["lede"] = ["html": article.lede.html]
                context["cards"] = article.sections.map { section -> [String: Any] in
                    [
                        "label": section.label, "title": section.heading.text,
                        "url": "/\(article.slug)/\(section.key)/",
                        "excerptHTML": section.chunk.excerptHTML, "minutes": section.readingMinutes,
                    ]
                }
                context["sources"] = article.lede.links.map(source)
            case .section:
                if let section = page.section {
                    context["section"] = sectionValues(section)
                    context["sources"] = section.chunk.links.map(source)
                }
            case .quotes:
                break
            case .all:
                context["lede"] = ["html": article.lede.html]
                context["allSections"] = article.sections.map(sectionValues)
                let links = article.lede.links + article.sections.flatMap(\.chunk.links)
                var seen: Set<String> = []
                context["sources"] = links.filter { seen.insert($0.url).inserted }.map(source)
            case .home, .notFound:
                break
            }
        }
        if page.kind == .home || page.kind == .notFound {
            context["articles"] = page.articles.map(articleCard)
        }
        return context
    }

    /// The values shared by every page of one explainer (built once per explainer).
    public static func explainer(_ article: RenderedArticle) -> [String: Any] {
        let fm = article.frontMatter
        let base = "/\(article.slug)/"
        var values: [String: Any] = [
            "title": fm.title,
            "summary": fm.summary,
            "url": base,
            "allURL": base + "all/",
            "date": fm.date.long,
            "dateISO": fm.date.iso,
            "tags": fm.tags,
            "readingMinutes": article.readingMinutes,
            "keyPoints": fm.keyPoints,
            "hasKeyPoints": !fm.keyPoints.isEmpty,
            "timeline": fm.timeline.map { ["date": $0.date, "event": $0.event] },
            "hasTimeline": !fm.timeline.isEmpty,
            "hasQuotes": !article.quotes.isEmpty,
            "quotes": article.quotes.map { placed -> [String: Any] in
                let page = placed.sectionKey.map { base + $0 + "/" } ?? base
                let label = placed.sectionKey.flatMap { key in article.sections.first { $0.key == key }?.label } ?? "Overview"
                let (role, date) = QuoteAttribution.split(placed.quote.context, published: fm.date)
                var values: [String: Any] = [
                    "id": placed.quote.id, "html": placed.quote.html, "speaker": placed.quote.speaker,
                    "context": placed.quote.context, "url": page + "#" + placed.quote.id,
                    "pageLabel": label, "pageURL": page,
                    "role": role, "hasRole": !role.isEmpty, "hasDate": date != nil,
                ]
                if let date {
                    values["date"] = date.long
                    values["dateISO"] = date.iso
                }
                return values
            },
        ]
        if let updated = fm.updated {
            values["updated"] = updated.long
            values["updatedISO"] = updated.iso
        }
        if let timeline = TimelineGraphic.svg(fm.timeline) {
            values["timelineSVG"] = timeline
        }
        let onHistory = article.sections.contains { $0.key == TimelinePlacement.sectionKey }
        values["timelineOnOverview"] = !fm.timeline.isEmpty && !onHistory
        values["timelineURL"] = onHistory ? base + TimelinePlacement.sectionKey + "/#timeline" : base + "#timeline"
        return values
    }

    private static func pageValues(_ page: Page, shared: Shared, site: [String: Any]) -> [String: Any] {
        var documentTitle = page.title
        if let article = page.article, page.kind != .overview, page.kind != .all {
            documentTitle = page.title == article.frontMatter.title ? page.title : "\(page.title) \u{2013} \(article.frontMatter.title)"
        }
        if page.kind != .home { documentTitle += " \u{2013} " + shared.config.title }
        let jsonLD = StructuredData.jsonLD(for: page, baseURL: shared.baseURL, site: site)
        return [
            "title": page.title,
            "documentTitle": documentTitle,
            "description": page.description,
            "url": page.url,
            "canonicalURL": shared.baseURL + page.url,
            "kind": page.kind.rawValue,
            "isHome": page.kind == .home,
            "isExplainer": page.article != nil,
            "ogType": page.article != nil ? "article" : "website",
        ].merging(jsonLD.isEmpty ? [:] : ["jsonLD": jsonLD]) { a, _ in a }
    }

    private static func link(_ link: PageLink) -> [String: Any] {
        var values: [String: Any] = ["label": link.label, "title": link.title, "url": link.url, "current": link.isCurrent]
        if let minutes = link.readingMinutes { values["minutes"] = minutes }
        return values
    }

    private static func sectionValues(_ section: RenderedSection) -> [String: Any] {
        [
            "key": section.key,
            "label": section.label,
            "title": section.heading.text,
            "titleHTML": section.heading.innerHTML,
            "id": section.heading.id,
            "bodyHTML": section.chunk.html,
            "minutes": section.readingMinutes,
            "toc": section.chunk.toc.map { ["text": $0.text, "id": $0.id, "level": $0.level] },
            "hasTOC": section.chunk.toc.count >= 2,
            "showTimeline": section.key == TimelinePlacement.sectionKey,
        ]
    }

    private static func source(_ link: ExternalLink) -> [String: Any] {
        ["text": link.text, "url": link.url]
    }

    private static func articleCard(_ article: RenderedArticle) -> [String: Any] {
        let fm = article.frontMatter
        return [
            "title": fm.title, "summary": fm.summary, "url": "/\(article.slug)/",
            "date": fm.date.long, "dateISO": fm.date.iso, "minutes": article.readingMinutes, "tags": fm.tags,
        ]
    }
}

/// Where the timeline graphic is shown: on the section page with this key, else on the overview.
public enum TimelinePlacement {
    public static let sectionKey = "history"
}
