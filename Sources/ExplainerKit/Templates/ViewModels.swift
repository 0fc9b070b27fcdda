import Mustache

// Typed Mustache view models: each answers the template variable names of one object of the
// context (the names documented in the README), and nothing else, so lookups of other names
// fall through to the enclosing objects exactly as they did with `[String: Any]`
// dictionaries. Optional values answer `nil` when absent, as a missing dictionary key did.
// They replace dictionaries because a template renders thousands of lookups per page:
// a `switch` on the name costs no hashing and a page's context costs a few allocations.

/// The top of a page's context: `site`, `assets`, `page`, and the page kind's own values.
struct PageValuesRoot: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "site": site
        case "assets": assets
        case "page": page
        case "explainer": explainer
        case "lede": lede
        case "cards": cards
        case "sources": sources
        case "section": section
        case "allSections": allSections
        case "articles": articles
        default: nil
        }
    }
}

struct SiteValues: MustacheParent, Sendable {
    let title: String
    let language: String
    let author: String
    let description: String
    let baseURL: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "language": language
        case "author": author
        case "description": description
        case "baseURL": baseURL
        default: nil
        }
    }
}

struct AssetValues: MustacheParent, Sendable {
    let stylesheet: String

    func child(named name: String) -> Any? {
        name == "stylesheet" ? stylesheet : nil
    }
}

struct PageValues: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "documentTitle": documentTitle
        case "description": description
        case "url": url
        case "canonicalURL": canonicalURL
        case "kind": kind
        case "isHome": isHome
        case "isExplainer": isExplainer
        case "ogType": ogType
        case "jsonLD": jsonLD
        default: nil
        }
    }
}

/// The values every page of one explainer shares: built once per explainer, shared by its
/// pages (a class, so each page's context holds a reference rather than a copy).
public final class ExplainerValues: MustacheParent, Sendable {
    let title: String
    let summary: String
    let url: String
    let allURL: String
    let date: String
    let dateISO: String
    let updated: String?
    let updatedISO: String?
    let tags: [String]
    let readingMinutes: Int
    let keyPoints: [String]
    let hasKeyPoints: Bool
    let timeline: [TimelineValues]
    let timelineSVG: String?
    let hasTimeline: Bool
    let timelineURL: String
    let timelineOnOverview: Bool
    let hasQuotes: Bool
    let quotes: [QuoteValues]

    init(title: String, summary: String, url: String, allURL: String, date: String, dateISO: String,
         updated: String?, updatedISO: String?, tags: [String], readingMinutes: Int, keyPoints: [String],
         hasKeyPoints: Bool, timeline: [TimelineValues], timelineSVG: String?, hasTimeline: Bool,
         timelineURL: String, timelineOnOverview: Bool, hasQuotes: Bool, quotes: [QuoteValues]) {
        self.title = title
        self.summary = summary
        self.url = url
        self.allURL = allURL
        self.date = date
        self.dateISO = dateISO
        self.updated = updated
        self.updatedISO = updatedISO
        self.tags = tags
        self.readingMinutes = readingMinutes
        self.keyPoints = keyPoints
        self.hasKeyPoints = hasKeyPoints
        self.timeline = timeline
        self.timelineSVG = timelineSVG
        self.hasTimeline = hasTimeline
        self.timelineURL = timelineURL
        self.timelineOnOverview = timelineOnOverview
        self.hasQuotes = hasQuotes
        self.quotes = quotes
    }

    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "url": url
        case "allURL": allURL
        case "date": date
        case "dateISO": dateISO
        case "updated": updated
        case "updatedISO": updatedISO
        case "tags": tags
        case "readingMinutes": readingMinutes
        case "keyPoints": keyPoints
        case "hasKeyPoints": hasKeyPoints
        case "timeline": timeline
        case "timelineSVG": timelineSVG
        case "hasTimeline": hasTimeline
        case "timelineURL": timelineURL
        case "timelineOnOverview": timelineOnOverview
        case "hasQuotes": hasQuotes
        case "quotes": quotes
        default: nil
        }
    }
}

/// `explainer` on one page: the shared values plus this page's navigation.
struct ExplainerPageValues: MustacheParent, Sendable {
    let shared: ExplainerValues
    let pages: [LinkValues]
    let previous: LinkValues?
    let next: LinkValues?

    func child(named name: String) -> Any? {
        switch name {
        case "pages": pages
        case "previous": previous
        case "next": next
        default: shared.child(named: name)
        }
    }
}

struct LinkValues: MustacheParent, Sendable {
    let label: String
    let title: String
    let url: String
    let current: Bool
    let minutes: Int?

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "title": title
        case "url": url
        case "current": current
        case "minutes": minutes
        default: nil
        }
    }
}

struct TimelineValues: MustacheParent, Sendable {
    let date: String
    let event: String

    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "event": event
        default: nil
        }
    }
}

struct QuoteValues: MustacheParent, Sendable {
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

    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "html": html
        case "speaker": speaker
        case "context": context
        case "url": url
        case "pageLabel": pageLabel
        case "pageURL": pageURL
        case "role": role
        case "hasRole": !role.isEmpty
        case "hasDate": date != nil
        case "date": date?.long
        case "dateISO": date?.iso
        default: nil
        }
    }
}

struct LedeValues: MustacheParent, Sendable {
    let html: String

    func child(named name: String) -> Any? {
        name == "html" ? html : nil
    }
}

struct CardValues: MustacheParent, Sendable {
    let label: String
    let title: String
    let url: String
    let excerptHTML: String
    let minutes: Int

    func child(named name: String) -> Any? {
        switch name {
        case "label": label
        case "title": title
        case "url": url
        case "excerptHTML": excerptHTML
        case "minutes": minutes
        default: nil
        }
    }
}

struct SectionValues: MustacheParent, Sendable {
    let key: String
    let label: String
    let title: String
    let titleHTML: String
    let id: String
    let bodyHTML: String
    let minutes: Int
    let toc: [TOCValues]
    let hasTOC: Bool
    let showTimeline: Bool

    func child(named name: String) -> Any? {
        switch name {
        case "key": key
        case "label": label
        case "title": title
        case "titleHTML": titleHTML
        case "id": id
        case "bodyHTML": bodyHTML
        case "minutes": minutes
        case "toc": toc
        case "hasTOC": hasTOC
        case "showTimeline": showTimeline
        default: nil
        }
    }
}

struct TOCValues: MustacheParent, Sendable {
    let text: String
    let id: String
    let level: Int

    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "id": id
        case "level": level
        default: nil
        }
    }
}

struct SourceValues: MustacheParent, Sendable {
    let text: String
    let url: String

    func child(named name: String) -> Any? {
        switch name {
        case "text": text
        case "url": url
        default: nil
        }
    }
}

struct ArticleCardValues: MustacheParent, Sendable {
    let title: String
    let summary: String
    let url: String
    let date: String
    let dateISO: String
    let minutes: Int
    let tags: [String]

    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "summary": summary
        case "url": url
        case "date": date
        case "dateISO": dateISO
        case "minutes": minutes
        case "tags": tags
        default: nil
        }
    }
}
