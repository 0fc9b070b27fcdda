/// One topic of the site: every explainer tagged with one of its spellings, newest first
/// (the site's order, `SitePlanner.newestFirst`).
struct Topic: Sendable, Hashable {
    var link: TopicLink
    var articles: [RenderedArticle]

    var name: String { link.name }
    var slug: String { link.slug }
}
