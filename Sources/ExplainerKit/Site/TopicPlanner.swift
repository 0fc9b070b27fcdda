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
    static func pages(topics: SiteTopics, site: SiteConfig, urls: SiteURLs) -> [Page] {
        let index = Page(
            kind: .topics, url: urls.topics, file: urls.file(ofPage: urls.topics), title: "Topics",
            description: "Every topic of the explainers of \(site.title), with how many explainers each has.",
            listedTopics: topics.topics)
        return [index] + topics.topics.flatMap { pages(of: $0, topics: topics, site: site, urls: urls) }
    }

    /// One topic's pages.
    static func pages(of topic: Topic, topics: SiteTopics, site: SiteConfig, urls: SiteURLs) -> [Page] {
        let slices = ListingPagination.pages(of: topic.articles, size: site.homePageSize) { urls.topic(topic.slug, page: $0) }
        let count = topic.articles.count
        let about = "\(count) explainer\(count == 1 ? "" : "s") on \(topic.name), newest first"
        return slices.map { slice in
            Page(
                kind: .topic, url: slice.url, file: urls.file(ofPage: slice.url),
                title: slice.number == 1 ? topic.name : "\(topic.name), page \(slice.number)",
                description: slice.number == 1 ? about + "." : "\(about) (page \(slice.number) of \(slice.count)).",
                articles: slice.articles, listing: slice.position,
                articleTopics: slice.articles.map { topics.links(of: $0).topics }, listedTopics: [topic])
        }
    }
}
