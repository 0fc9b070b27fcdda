/// Writes `sitemap.xml` (sitemaps.org protocol 0.9): every page except the 404 page, with
/// absolute URLs and, where the page belongs to an explainer, the date it was last updated.
/// Pure and deterministic: no clock is read.
public enum SitemapWriter {
    public static let path = "sitemap.xml"

    /// - Parameters:
    ///   - pages: the planned pages, in site order.
    ///   - baseURL: absolute site URL without a trailing slash.
    public static func sitemap(pages: [Page], baseURL: String) -> String {
        let newest = pages.first { $0.kind == .home }?.articles.map(lastModified).max()
            ?? pages.compactMap(\.article).map(lastModified).max()
        let base = XMLEscaping.escape(baseURL)
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        xml.reserveCapacity(pages.count * 100)
        // Pages of one explainer are consecutive: date each explainer once.
        var lastSlug: String?
        var lastDate = ""
        for page in pages where page.kind != .notFound {
            xml += "<url><loc>" + base + XMLEscaping.escape(page.url) + "</loc>"
            if let article = page.article {
                if article.slug != lastSlug {
                    lastSlug = article.slug
                    lastDate = lastModified(article).iso
                }
                xml += "<lastmod>" + lastDate + "</lastmod>"
            } else if page.kind == .home, let newest {
                xml += "<lastmod>" + newest.iso + "</lastmod>"
            }
            xml += "</url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }

    /// The article's `updated:` date if set, else its `date:`.
    static func lastModified(_ article: RenderedArticle) -> ArticleDate {
        article.frontMatter.updated ?? article.frontMatter.date
    }
}
