/// Whether an explainer is out for everyone, or one only a non-production build shows: a
/// draft (`draft: true`) or a scheduled explainer (dated after the build's day). The one rule
/// of what a build includes (`BuildSettings.includes`) and what the site lists
/// (`RenderedArticle.isListed`: the sitemap, the feed, the author pages).
enum PublicationStatus: Sendable, Hashable {
    case published
    case draft
    /// Dated after the build's day: published on `date`.
    case scheduled(ArticleDate)

    /// The status of an explainer with `frontMatter` in a build made on `today`: a draft is a
    /// draft whatever its date; otherwise its calendar date (a time is ignored) after `today`
    /// makes it scheduled.
    init(_ frontMatter: FrontMatter, today: ArticleDate) {
        let date = frontMatter.date
        if frontMatter.draft {
            self = .draft
        } else if date > today {
            self = .scheduled(date)
        } else {
            self = .published
        }
    }

    /// The banner a non-production build shows on each of the explainer's pages, in
    /// `strings`' language: "Draft — not published", "Scheduled for 4 July 2026"; nil when
    /// published.
    func banner(_ strings: LocalizedStrings) -> String? {
        switch self {
        case .published: nil
        case .draft: strings.text("draftBanner")
        case .scheduled(let date): strings.text("scheduledBanner", ["date": strings.date(date)])
        }
    }

    /// The short label of a home page card: `Draft`, `Scheduled`; nil when published.
    func badge(_ strings: LocalizedStrings) -> String? {
        switch self {
        case .published: nil
        case .draft: strings.text("draft")
        case .scheduled: strings.text("scheduled")
        }
    }
}
