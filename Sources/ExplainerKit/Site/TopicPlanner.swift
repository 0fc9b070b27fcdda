/// Plans the topic pages: `/topics/`, every topic of the site with how many explainers it has,
/// and for each topic `/topics/<slug>/`, its explainers newest first, paginated as the home
/// page is (`ListingPagination`, `homePageSize` to a page: `/topics/<slug>/page/2/`…).
///
/// A topic lists the explainers the build has, as the home page does (a `--drafts` build's
/// drafts too); its feed and the sitemap keep to the listed ones (`RenderedArticle.isListed`).
enum TopicPlanner {
    /// How `SitePlanner.claimPaths` names the folder's owner.
    static let owner = "the topic pages (/\(SiteURLs.topicsFolder)/, /\(SiteURLs.topicsFolder)/SLUG/)"

    /// The topics index, then each topic's pages (topics by slug).
    /// Their titles and descriptions are `strings`' (the listings' language).
    static func pages(topics: SiteTopics, site: SiteConfig, urls: SiteURLs, strings: LocalizedStrings = .english) -> [Page] {
        let index = Page(
            kind: .topics, url: urls.topics, file: urls.file(ofPage: urls.topics), title: strings.text("topics"),
            description: strings.text("topicsDescription", ["site": site.title]),
            listedTopics: topics.topics)
        return [index] + topics.topics.flatMap { pages(of: $0, topics: topics, site: site, urls: urls, strings: strings) }
    }

    /// One topic's pages.
    static func pages(
        of topic: Topic, topics: SiteTopics, site: SiteConfig, urls: SiteURLs, strings: LocalizedStrings = .english
    ) -> [Page] {
        let slices = ListingPagination.pages(of: topic.articles, size: site.homePageSize) { urls.topic(topic.slug, page: $0) }
        let about = strings.text("topicDescription", count: topic.articles.count, ["topic": topic.name])
        return slices.map { slice in
            Page(
                kind: .topic, url: slice.url, file: urls.file(ofPage: slice.url),
                title: slice.title(topic.name, strings),
                description: slice.description(about, strings) + ".",
                articles: slice.articles, listing: slice.position,
                articleTopics: slice.articles.map { topics.links(of: $0).topics }, listedTopics: [topic])
        }
    }
}
