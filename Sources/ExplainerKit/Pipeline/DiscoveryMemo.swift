/// Remembers the last `sitemap.xml` or `feed.xml` with the explainers it was made of, so
/// that a rebuild reuses them, without joining tens of thousands of fragments again, when no
/// explainer's part of them changed.
///
/// Both files are functions of the site, the base URL and the explainers: their order (by
/// date, then slug), each one's sitemap entries (page URLs, last modification) and feed entry.
/// An explainer whose `RenderedArticle` is the same object as last time (taken from the
/// cache) contributes the same; one made anew is compared by what it contributes.
struct DiscoveryMemo {
    private var site: SiteConfig?
    private var baseURL = ""
    private var articles: [RenderedArticle] = []
    private var files: [OutputFile] = []

    /// The last files, if they are what `articles` would give; else nil.
    /// - Parameter parts: what one explainer contributes (its sitemap entries and feed entry).
    mutating func reuse(
        articles: [RenderedArticle], site: SiteConfig, baseURL: String, parts: (RenderedArticle) -> [String]
    ) -> [OutputFile]? {
        guard self.site == site, self.baseURL == baseURL, self.articles.count == articles.count,
              zip(self.articles, articles).allSatisfy({ old, new in
                  old === new || (old.slug == new.slug && old.frontMatter.date == new.frontMatter.date
                      && old.frontMatter.updated == new.frontMatter.updated && parts(old) == parts(new))
              })
        else { return nil }
        self.articles = articles
        return files
    }

    mutating func store(_ files: [OutputFile], articles: [RenderedArticle], site: SiteConfig, baseURL: String) {
        self.files = files
        self.site = site
        self.baseURL = baseURL
        self.articles = articles
    }
}
