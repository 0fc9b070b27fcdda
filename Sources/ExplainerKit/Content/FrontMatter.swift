/// The typed front matter of one explainer (made by `FrontMatterDecoder`, where each key is
/// read and checked; its memberwise initialiser takes the fields in this order).
struct FrontMatter: Sendable, Hashable {
    var title: String
    /// One or two sentences: the meta description and the home page card text.
    var summary: String
    var date: ArticleDate
    /// Last substantive update, if any.
    var updated: ArticleDate?
    /// The topics it belongs to, as written (`Topics/SiteTopics` names each topic once for the
    /// site); every one has a slug, and no two the same.
    var tags: [String] = []
    /// Where each of `tags` stands in the file (for the warning about a topic's spellings).
    var tagLocations: [SourceLocation] = []
    /// Page slug → H2 heading, in the order written.
    var sections: [SectionBinding] = []
    var keyPoints: [String] = []
    var timeline: [TimelineEntry] = []
    /// Drafts are built only with `--drafts` and never published.
    var draft = false
    /// Overrides the slug taken from the file name.
    var slug: String?
    /// Where `slug:` stands in the file, for errors (nil when the slug is the file name's).
    var slugLocation: SourceLocation?
    /// The lead image (`image:`, `imageAlt:`, `imageCredit:`), if any.
    var image: LeadImageReference?
    /// Corrections, clarifications and updates (`updates:`), in the order written.
    var updates: [ArticleUpdate] = []
    /// "What we know" (`known:`): short statements of established fact.
    var known: [String] = []
    /// "What we don't know" (`unknown:`): the open questions.
    var unknown: [String] = []
    /// The byline (`authors:`): keys of the site's authors file, in the order written.
    var authors: [AuthorReference] = []
    /// `timelineSection:`: the key of the section whose page shows the timeline (a `sections:`
    /// key, or `overview`); nil for the default (the `history` section if any, else the overview).
    var timelineSection: String?
    /// Where `timelineSection:` stands, for errors.
    var timelineSectionLocation: SourceLocation?
    /// `aliases:`: the explainer's old paths (`/old-slug/`), each a redirect to it.
    var aliases: [ArticleAlias] = []
    /// `language:`: the language it is written in, when not the site's (`SiteConfig.language`).
    var language: LanguageTag?

    /// The key under which authors keep fields of their own (a mapping of anything), for their
    /// own tools: accepted, and read by nothing in Explainer (not given to templates).
    static let extraKey = "extra"
}

/// The lead image an explainer names in its front matter: a file of its bundle, as written
/// (resolved against the article's folder like any relative URL), with its description.
struct LeadImageReference: Sendable, Hashable {
    /// `image:` as written: `images/kabul.jpg`.
    var path: String
    /// Where `image:` stands, for errors about the file.
    var location: SourceLocation?
    /// `imageAlt:`: what the image shows (required with `image:`).
    var alt: String
    /// `imageCredit:`: who made it (`Photo: Ana Díaz / Agency`).
    var credit: String?
}

extension FrontMatter {
    /// When the explainer last changed: the newest of `date`, `updated` and every entry of
    /// `updates:` (a date alone counts as its midnight UTC, so a time that day is newer). The
    /// one rule for "last modified": JSON-LD's `dateModified`, the sitemap's `<lastmod>`, the
    /// feed's `<updated>` and the "as of" date of "What we know" all read it.
    var lastModified: ArticleTimestamp {
        var newest = ArticleTimestamp(date: updated.map { Swift.max($0, date) } ?? date)
        for update in updates where update.timestamp > newest { newest = update.timestamp }
        return newest
    }

    /// `updates` newest first, as the log and the corrections page list them; entries of the
    /// same instant keep the order written.
    var updatesNewestFirst: [ArticleUpdate] {
        updates.enumerated().sorted { ($0.element.timestamp, $1.offset) > ($1.element.timestamp, $0.offset) }.map(\.element)
    }

    /// The corrections (`kind: correction`), newest first: what the corrections page lists.
    var corrections: [ArticleUpdate] {
        updatesNewestFirst.filter { $0.kind == .correction }
    }

    /// The newest correction, which the overview's notice shows.
    var latestCorrection: ArticleUpdate? { corrections.first }
}
