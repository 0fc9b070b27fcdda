/// Plans the author pages: `/authors/` listing the site's authors and, for each author of the
/// authors file, `/authors/<key>/` with their explainers, newest first. Only listed explainers
/// count (`RenderedArticle.isListed`: no draft, nothing scheduled). A site without authors
/// has none of these pages.
enum AuthorPlanner {
    /// How `SitePlanner.claimPaths` names the folder's owner.
    static let owner = "the author pages (/\(SiteURLs.authorsFolder)/, /\(SiteURLs.authorsFolder)/KEY/)"

    /// The author pages of `authors`; `newestFirst` is the site's explainers in the site's order;
    /// `topics` names each card's topics.
    static func pages(
        authors: SiteAuthors, urls: SiteURLs, newestFirst: [RenderedArticle], topics: SiteTopics = .none,
        strings: LocalizedStrings = .english
    ) -> [Page] {
        guard !authors.isEmpty else { return [] }
        var byAuthor: [String: [RenderedArticle]] = [:]
        for article in newestFirst where article.isListed {
            for reference in article.frontMatter.authors { byAuthor[reference.key, default: []].append(article) }
        }
        let index = Page(
            kind: .authors, url: urls.authors, file: urls.file(ofPage: urls.authors), title: strings.text("authors"),
            description: strings.text("authorsDescription"), authors: authors.all)
        return [index]
            + authors.all.map { author in
                let url = urls.author(author.key)
                let articles = byAuthor[author.key] ?? []
                return Page(
                    kind: .author, url: url, file: urls.file(ofPage: url), title: author.name,
                    description: author.bio ?? strings.text("explainersBy", ["name": author.name]) + ".", articles: articles,
                    authors: [author], articleTopics: articles.map { topics.links(of: $0).topics })
            }
    }
}
