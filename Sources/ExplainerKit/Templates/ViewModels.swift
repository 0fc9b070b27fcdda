// Typed Mustache view models: each answers the template variable names of one object of the
// context (the names documented in the README), and nothing else, so lookups of other names
// fall through to the enclosing objects exactly as they did with `[String: Any]`
// dictionaries. Optional values answer `nil` when absent, as a missing dictionary key did.
// They replace dictionaries because a template renders thousands of lookups per page:
// names are turned into `TemplateKey`s once per template, so a lookup is an integer `switch`
// returning a `TemplateValue` (no `Any`, no dynamic casts), and a page's context costs a few
// allocations. See `TemplateValue.swift`.

/// The top of a page's context: `site`, `assets`, `page`, and the page kind's own values.
final class PageValuesRoot: TemplateObject {
    /// What the context holds, filled in by `PageContext.make`.
    struct Parts {
        let site: SiteValues
        let assets: AssetValues
        let page: PageValues
        var explainer: ExplainerPageValues?
        var lede: LedeValues?
        var cards: [CardValues]?
        var sources: [SourceValues]?
        var section: SectionValues?
        var allSections: [SectionValues]?
        var articles: [ArticleCardValues]?
        var pagination: PaginationValues?
    }

    let parts: Parts

    init(_ parts: Parts) {
        self.parts = parts
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .site: .object(parts.site)
        case .assets: .object(parts.assets)
        case .page: .object(parts.page)
        case .explainer: parts.explainer.map { .object($0) }
        case .lede: parts.lede.map { .object($0) }
        case .cards: parts.cards.map { .list($0) }
        case .sources: parts.sources.map { .list($0) }
        case .section: parts.section.map { .object($0) }
        case .allSections: parts.allSections.map { .list($0) }
        case .articles: parts.articles.map { .list($0) }
        case .pagination: parts.pagination.map { .object($0) }
        default: nil
        }
    }
}

/// `site`: the site-wide values from `site.yml` (one object shared by every page).
final class SiteValues: TemplateObject {
    let title: String
    let language: String
    let author: String
    let description: String
    let baseURL: String
    /// The home page's URL (`/`, or `/explainers/` under a sub-path).
    let homeURL: String
    let feedURL: String

    init(title: String, language: String, author: String, description: String, baseURL: String,
         homeURL: String, feedURL: String) {
        self.title = title
        self.language = language
        self.author = author
        self.description = description
        self.baseURL = baseURL
        self.homeURL = homeURL
        self.feedURL = feedURL
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .title: .string(title)
        case .language: .string(language)
        case .author: .string(author)
        case .description: .string(description)
        case .baseURL: .string(baseURL)
        case .homeURL: .string(homeURL)
        case .feedURL: .string(feedURL)
        default: nil
        }
    }
}

/// `assets`: URLs of the site's assets: the stylesheet (fingerprinted in production) and the
/// assets folder (`url`, ending in `/`: `{{assets.url}}favicon.svg`).
final class AssetValues: TemplateObject {
    let stylesheet: String
    let url: String

    init(stylesheet: String, url: String) {
        self.stylesheet = stylesheet
        self.url = url
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .stylesheet: .string(stylesheet)
        case .url: .string(url)
        default: nil
        }
    }
}

/// `page`: this page's own values (titles, URLs, kind, JSON-LD).
final class PageValues: TemplateObject {
    let title: String
    let documentTitle: String
    let description: String
    let url: String
    let canonicalURL: String
    let kind: String
    let isHome: Bool
    let isExplainer: Bool
    let ogType: String
    let jsonLD: String?

    init(title: String, documentTitle: String, description: String, url: String, canonicalURL: String, kind: String, isHome: Bool, isExplainer: Bool, ogType: String, jsonLD: String?) {
        self.title = title
        self.documentTitle = documentTitle
        self.description = description
        self.url = url
        self.canonicalURL = canonicalURL
        self.kind = kind
        self.isHome = isHome
        self.isExplainer = isExplainer
        self.ogType = ogType
        self.jsonLD = jsonLD
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .title: .string(title)
        case .documentTitle: .string(documentTitle)
        case .description: .string(description)
        case .url: .string(url)
        case .canonicalURL: .string(canonicalURL)
        case .kind: .string(kind)
        case .isHome: .bool(isHome)
        case .isExplainer: .bool(isExplainer)
        case .ogType: .string(ogType)
        case .jsonLD: jsonLD.templateValue
        default: nil
        }
    }
}

/// The values every page of one explainer shares: built once per explainer, shared by its
/// pages (a class, so each page's context holds a reference rather than a copy).
final class ExplainerValues: TemplateObject {
    let title: String
    let summary: String
    let url: String
    let allURL: String
    let quotesURL: String
    let date: String
    let dateISO: String
    let updated: String?
    let updatedISO: String?
    let tags: [String]
    let readingMinutes: Int
    let keyPoints: [String]
    let timeline: [TimelineValues]
    let timelineSVG: String?
    let timelineURL: String
    let timelineOnOverview: Bool
    let quotes: [QuoteValues]

    init(title: String, summary: String, url: String, allURL: String, quotesURL: String, date: String, dateISO: String,
         updated: String?, updatedISO: String?, tags: [String], readingMinutes: Int, keyPoints: [String],
         timeline: [TimelineValues], timelineSVG: String?, timelineURL: String, timelineOnOverview: Bool,
         quotes: [QuoteValues]) {
        self.title = title
        self.summary = summary
        self.url = url
        self.allURL = allURL
        self.quotesURL = quotesURL
        self.date = date
        self.dateISO = dateISO
        self.updated = updated
        self.updatedISO = updatedISO
        self.tags = tags
        self.readingMinutes = readingMinutes
        self.keyPoints = keyPoints
        self.timeline = timeline
        self.timelineSVG = timelineSVG
        self.timelineURL = timelineURL
        self.timelineOnOverview = timelineOnOverview
        self.quotes = quotes
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .title: .string(title)
        case .summary: .string(summary)
        case .url: .string(url)
        case .allURL: .string(allURL)
        case .quotesURL: .string(quotesURL)
        case .date: .string(date)
        case .dateISO: .string(dateISO)
        case .updated: updated.templateValue
        case .updatedISO: updatedISO.templateValue
        case .tags: .list(tags)
        case .readingMinutes: .int(readingMinutes)
        case .keyPoints: .list(keyPoints)
        case .hasKeyPoints: .bool(!keyPoints.isEmpty)
        case .timeline: .list(timeline)
        case .timelineSVG: timelineSVG.templateValue
        case .hasTimeline: .bool(!timeline.isEmpty)
        case .timelineURL: .string(timelineURL)
        case .timelineOnOverview: .bool(timelineOnOverview)
        case .hasQuotes: .bool(!quotes.isEmpty)
        case .quotes: .list(quotes)
        default: nil
        }
    }
}

/// `explainer` on one page: the shared values plus this page's navigation.
final class ExplainerPageValues: TemplateObject {
    let shared: ExplainerValues
    let pages: [LinkValues]
    let previous: LinkValues?
    let next: LinkValues?

    init(shared: ExplainerValues, pages: [LinkValues], previous: LinkValues?, next: LinkValues?) {
        self.shared = shared
        self.pages = pages
        self.previous = previous
        self.next = next
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .pages: .list(pages)
        case .previous: previous.map { .object($0) }
        case .next: next.map { .object($0) }
        default: shared.value(for: name)
        }
    }
}

/// One entry of an explainer's page navigation (`explainer.pages`, `previous`, `next`).
final class LinkValues: TemplateObject {
    let label: String
    let title: String
    let url: String
    let current: Bool
    let minutes: Int?

    init(label: String, title: String, url: String, current: Bool, minutes: Int?) {
        self.label = label
        self.title = title
        self.url = url
        self.current = current
        self.minutes = minutes
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .label: .string(label)
        case .title: .string(title)
        case .url: .string(url)
        case .current: .bool(current)
        case .minutes: minutes.templateValue
        default: nil
        }
    }
}

/// One entry of `explainer.timeline`.
final class TimelineValues: TemplateObject {
    let date: String
    let event: String

    init(date: String, event: String) {
        self.date = date
        self.event = event
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .date: .string(date)
        case .event: .string(event)
        default: nil
        }
    }
}

/// One entry of `explainer.quotes`: the quotation, its speaker and where it is.
final class QuoteValues: TemplateObject {
    let id: String
    let html: String
    let speaker: String
    let context: String
    let url: String
    let pageLabel: String
    let pageURL: String
    /// The attribution's role or occasion, without the date.
    let role: String
    /// The date the attribution names, if any.
    let date: ArticleDate?

    init(id: String, html: String, speaker: String, context: String, url: String, pageLabel: String, pageURL: String, role: String, date: ArticleDate?) {
        self.id = id
        self.html = html
        self.speaker = speaker
        self.context = context
        self.url = url
        self.pageLabel = pageLabel
        self.pageURL = pageURL
        self.role = role
        self.date = date
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .id: .string(id)
        case .html: .string(html)
        case .speaker: .string(speaker)
        case .context: .string(context)
        case .url: .string(url)
        case .pageLabel: .string(pageLabel)
        case .pageURL: .string(pageURL)
        case .role: .string(role)
        case .hasRole: .bool(!role.isEmpty)
        case .hasDate: .bool(date != nil)
        case .date: date?.long.templateValue
        case .dateISO: date?.iso.templateValue
        default: nil
        }
    }
}

/// `lede`: the explainer's opening, before its first section.
final class LedeValues: TemplateObject {
    let html: String

    init(html: String) {
        self.html = html
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        name == .html ? .string(html) : nil
    }
}

/// One entry of `cards`: a section teaser on the overview.
final class CardValues: TemplateObject {
    let label: String
    let title: String
    let url: String
    let excerptHTML: String
    let minutes: Int

    init(label: String, title: String, url: String, excerptHTML: String, minutes: Int) {
        self.label = label
        self.title = title
        self.url = url
        self.excerptHTML = excerptHTML
        self.minutes = minutes
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .label: .string(label)
        case .title: .string(title)
        case .url: .string(url)
        case .excerptHTML: .string(excerptHTML)
        case .minutes: .int(minutes)
        default: nil
        }
    }
}

/// `section` (and each entry of `allSections`): one section page's content.
final class SectionValues: TemplateObject {
    let key: String
    let label: String
    let title: String
    let titleHTML: String
    let id: String
    let bodyHTML: String
    let minutes: Int
    let toc: [TOCValues]
    let showTimeline: Bool

    init(key: String, label: String, title: String, titleHTML: String, id: String, bodyHTML: String, minutes: Int, toc: [TOCValues], showTimeline: Bool) {
        self.key = key
        self.label = label
        self.title = title
        self.titleHTML = titleHTML
        self.id = id
        self.bodyHTML = bodyHTML
        self.minutes = minutes
        self.toc = toc
        self.showTimeline = showTimeline
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .key: .string(key)
        case .label: .string(label)
        case .title: .string(title)
        case .titleHTML: .string(titleHTML)
        case .id: .string(id)
        case .bodyHTML: .string(bodyHTML)
        case .minutes: .int(minutes)
        case .toc: .list(toc)
        case .hasTOC: .bool(toc.count >= 2)
        case .showTimeline: .bool(showTimeline)
        default: nil
        }
    }
}

/// One entry of `section.toc`: a `###` heading of the section.
final class TOCValues: TemplateObject {
    let text: String
    let id: String
    let level: Int

    init(text: String, id: String, level: Int) {
        self.text = text
        self.id = id
        self.level = level
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .text: .string(text)
        case .id: .string(id)
        case .level: .int(level)
        default: nil
        }
    }
}

/// One entry of `sources`: an external link the page cites.
final class SourceValues: TemplateObject {
    let text: String
    let url: String

    init(text: String, url: String) {
        self.text = text
        self.url = url
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .text: .string(text)
        case .url: .string(url)
        default: nil
        }
    }
}

/// One entry of `articles`: an explainer listed on the home and 404 pages.
final class ArticleCardValues: TemplateObject {
    let title: String
    let summary: String
    let url: String
    let date: String
    let dateISO: String
    let minutes: Int
    let tags: [String]

    init(title: String, summary: String, url: String, date: String, dateISO: String, minutes: Int, tags: [String]) {
        self.title = title
        self.summary = summary
        self.url = url
        self.date = date
        self.dateISO = dateISO
        self.minutes = minutes
        self.tags = tags
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .title: .string(title)
        case .summary: .string(summary)
        case .url: .string(url)
        case .date: .string(date)
        case .dateISO: .string(dateISO)
        case .minutes: .int(minutes)
        case .tags: .list(tags)
        default: nil
        }
    }
}

/// `pagination`: where a home page stands among several (absent when there is only one).
final class PaginationValues: TemplateObject {
    let number: Int
    let count: Int
    let previousURL: String?
    let nextURL: String?

    init(_ position: ListingPosition) {
        number = position.number
        count = position.count
        previousURL = position.previousURL
        nextURL = position.nextURL
    }

    func value(for name: TemplateKey) -> TemplateValue? {
        switch name {
        case .number: .int(number)
        case .count: .int(count)
        case .previousURL: previousURL.templateValue
        case .nextURL: nextURL.templateValue
        default: nil
        }
    }
}
