/// Writes `sitemap.xml` (sitemaps.org protocol 0.9): every page except the 404 page, with
/// absolute URLs and, where the page belongs to an explainer, the date it was last updated.
/// Pure and deterministic: no clock is read.
public enum SitemapWriter {
    public static let path = "sitemap.xml"

    /// - Parameters:
    ///   - pages: the planned pages, in site order.
    ///   - baseURL: absolute site URL without a trailing slash.
    public static func sitemap(pages: [Page], baseURL: String) -> String {
        let newest = pages.compactMap(\.article).map(lastModified).max()
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">

            """
        for page in pages where page.kind != .notFound {
            xml += "<url><loc>\(XMLEscaping.escape(baseURL + page.url))</loc>"
            let date = page.article.map(lastModified) ?? (page.kind == .home ? newest : nil)
            if let date { xml += "<lastmod>\(date.iso)</lastmod>" }
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
