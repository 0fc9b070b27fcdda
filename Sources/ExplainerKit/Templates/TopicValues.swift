/// A topic as templates see it (`explainer.topics[]`, `articles[].topics[]`, `topic`,
/// `topics[]`): its name as the site spells it, its slug, the URLs of its page and its feed,
/// and, on the topic pages, how many explainers it lists (a class: made once per explainer or
/// listing page, not copied into each lookup).
final class TopicValues: TemplateObject {
    let link: TopicLink
    /// Its page: `/topics/russia/`.
    let url: String
    /// Its Atom feed: `/topics/russia/feed.xml`.
    let feedURL: String
    /// How many explainers it lists (nil where a page shows it as a link only).
    let count: Int?
    /// `count` said in the page's language: `3 explainers`, and `3 explainers, newest first.`
    let countText: String?
    let countNewestFirst: String?

    init(_ link: TopicLink, urls: SiteURLs, count: Int? = nil, strings: LocalizedStrings = .english) {
        self.link = link
        url = urls.topic(link.slug)
        feedURL = urls.topicFeed(link.slug)
        self.count = count
        countText = count.map { strings.text("explainerCount", count: $0) }
        countNewestFirst = count.map { strings.text("topicNewestFirst", count: $0) }
    }

    /// `links` as an explainer's page or a card shows them.
    static func list(_ links: [TopicLink], urls: SiteURLs) -> [TopicValues] {
        links.map { TopicValues($0, urls: urls) }
    }

    static let templateFields = TemplateFields<TopicValues>([
        .field("name", "the topic's name: the spelling of the tag most used across the site", \.link.name),
        .field("slug", "its slug (the last part of its page's URL)", \.link.slug),
        .field("url", "its page's URL (`/topics/SLUG/`)", \.url),
        .field("feedURL", "its Atom feed's URL (`/topics/SLUG/feed.xml`)", \.feedURL),
        .field("count", "how many explainers it lists (on `topic` and `topics` only)", \.count),
        .field("isOne", "whether it lists exactly one explainer", { $0.count == 1 }),
        .field("countText", "`count` in the page's language: `3 explainers` (on `topic` and `topics` only)", \.countText),
        .field(
            "countNewestFirst", "`3 explainers, newest first.` in the page's language (on `topic` and `topics` only)", \.countNewestFirst),
    ])
}
