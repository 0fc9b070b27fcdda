/// JSON-LD for search engines: `NewsArticle` for explainer pages, `WebSite` for the home page.
enum StructuredData {
    static func jsonLD(for page: Page, baseURL: String, site: SiteValues) -> String {
        let siteTitle = site.title
        let author = site.author
        let language = site.language
        switch page.kind {
        case .home:
            return JSONText.object([
                ("@context", .string("https://schema.org")),
                ("@type", .string("WebSite")),
                ("name", .string(siteTitle)),
                ("url", .string(baseURL + "/")),
                ("inLanguage", .string(language)),
                ("description", .string(page.description)),
            ]).rendered
        case .overview, .section, .quotes, .all:
            guard let article = page.article else { return "" }
            let fm = article.frontMatter
            let publisher: JSONText = .object([
                ("@type", .string("Organization")),
                ("name", .string(author.isEmpty ? siteTitle : author)),
                ("url", .string(baseURL + "/")),
            ])
            return JSONText.object([
                ("@context", .string("https://schema.org")),
                ("@type", .string("NewsArticle")),
                ("headline", .string(String(page.title.prefix(110)))),
                ("description", .string(page.description)),
                ("url", .string(baseURL + page.url)),
                ("mainEntityOfPage", .string(baseURL + page.url)),
                ("datePublished", .string(fm.date.iso)),
                ("dateModified", .string((fm.updated ?? fm.date).iso)),
                ("inLanguage", .string(language)),
                ("keywords", .array(fm.tags.map { .string($0) })),
                ("isPartOf", .object([("@type", .string("CreativeWorkSeries")), ("name", .string(fm.title)), ("url", .string(baseURL + "/\(article.slug)/"))])),
                ("author", publisher),
                ("publisher", publisher),
            ]).rendered
        case .notFound:
            return ""
        }
    }
}
