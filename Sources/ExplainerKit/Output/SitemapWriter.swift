/// Writes `sitemap.xml` (sitemaps.org protocol 0.9): every page except the 404 and search pages, with
/// absolute URLs (URIs: a slug beyond ASCII is percent-encoded) and, where the page belongs
/// to an explainer, when it was last modified (`FrontMatter.lastModified`: a date, or a date
/// and time when an entry of `updates:` gives one; an author page: their newest explainer's; a
/// topic's pages and the topics index: their newest listed explainer's, and a topic without a
/// listed explainer is not in it).
/// Only listed explainers' pages (`RenderedArticle.isListed`) are in it. On a multilingual
/// site each page in more than one language names them all (`Page.alternates`) as
/// `<xhtml:link rel="alternate" hreflang>`, and the site language's as `x-default`.
/// Pure and deterministic: no clock is read.
enum SitemapWriter {
    static let path = "sitemap.xml"

    /// - Parameters:
    ///   - pages: the planned pages, in site order.
    ///   - urls: the site's URLs (the pages' URLs are made absolute with its origin).
    ///   - entries: the `<url>` entries of one explainer's pages (consecutive in `pages`);
    ///     a cache may pass a memoised `entries(for:origin:)`.
    static func sitemap(
        pages: [Page], urls: SiteURLs,
        entries: ((_ explainerPages: ArraySlice<Page>) -> String)? = nil
    ) -> String {
        let newest =
            pages.lazy.filter { $0.kind == .home }.flatMap(\.articles).filter(\.isListed).map(\.frontMatter.lastModified).max()
            ?? pages.compactMap(\.article).filter(\.isListed).map(\.frontMatter.lastModified).max()
        let base = XMLEscaping.escape(urls.origin)
        // A multilingual site's pages name their translations (`xhtml:link`).
        let linksTranslations = pages.contains { !$0.alternates.isEmpty }
        var xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"\(linksTranslations ? " xmlns:xhtml=\"\(xhtmlNamespace)\"" : "")>

            """
        xml.reserveCapacity(pages.count * 100)
        var topicDates: [String: ArticleTimestamp?] = [:]
        var index = pages.startIndex
        while index < pages.endIndex {
            let page = pages[index]
            if let article = page.article {
                // Pages of one explainer are consecutive: one fragment for all of them.
                var end = index + 1
                while end < pages.endIndex, pages[end].article === article { end += 1 }
                if article.isListed {
                    xml += entries?(pages[index..<end]) ?? Self.entries(for: pages[index..<end], origin: urls.origin)
                }
                index = end
                continue
            }
            // A topic's pages are in it only when it lists a published explainer; every page of
            // a topic has its date, found once per topic.
            var topicDate: ArticleTimestamp?
            if page.kind == .topic, let topic = page.listedTopics.first {
                if let known = topicDates[topic.slug] {
                    topicDate = known
                } else {
                    topicDate = newestListed(topic.articles)
                    topicDates[topic.slug] = .some(topicDate)
                }
            }
            if page.kind != .notFound, page.kind != .search, page.kind != .topic || topicDate != nil {
                xml += "<url><loc>" + base + XMLEscaping.escape(URIEscaping.encodingNonASCII(page.url)) + "</loc>"
                var links = UTF8Builder(capacity: 0)
                appendAlternates(of: page, origin: urls.origin, to: &links)
                xml += links.string
                if page.kind == .home, let newest { xml += "<lastmod>" + newest.iso + "</lastmod>" }
                // The corrections page changes with its newest correction.
                if page.kind == .corrections, let latest = page.articles.compactMap(\.frontMatter.latestCorrection?.timestamp).max() {
                    xml += "<lastmod>" + latest.iso + "</lastmod>"
                }
                if page.kind == .author, let newest = page.articles.map(\.frontMatter.lastModified).max() {
                    xml += "<lastmod>" + newest.iso + "</lastmod>"
                }
                if let date = page.kind == .topics ? newestListed(page.listedTopics.flatMap(\.articles)) : topicDate {
                    xml += "<lastmod>" + date.iso + "</lastmod>"
                }
                xml += "</url>\n"
            }
            index += 1
        }
        xml += "</urlset>\n"
        return xml
    }

    /// The namespace of the alternates' `xhtml:link` elements.
    static let xhtmlNamespace = "http://www.w3.org/1999/xhtml"

    /// `page`'s translations, itself included, then the `x-default` one (the site's own
    /// language's), as `<xhtml:link rel="alternate" hreflang="de" href="…"/>`.
    static func appendAlternates(of page: Page, origin: String, to xml: inout UTF8Builder) {
        func link(_ hreflang: String, _ url: String) {
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"")
            XMLEscaping.append(hreflang, to: &xml)
            xml.append("\" href=\"")
            XMLEscaping.append(origin, to: &xml)
            XMLEscaping.append(URIEscaping.encodingNonASCII(url), to: &xml)
            xml.append("\"/>")
        }
        for alternate in page.alternates { link(alternate.language.identifier, alternate.url) }
        if let fallback = page.alternates.first(where: \.isDefault) { link("x-default", fallback.url) }
    }

    /// The newest `lastModified` of the listed explainers among `articles` (a topic page's
    /// `lastmod`: every page of a topic has its topic's).
    static func newestListed(_ articles: [RenderedArticle]) -> ArticleTimestamp? {
        articles.lazy.filter(\.isListed).map(\.frontMatter.lastModified).max()
    }

    /// The `<url>` entries of one explainer's pages, dated with its last modification; `origin`
    /// (`SiteURLs.origin`) makes their URLs absolute.
    static func entries(for pages: ArraySlice<Page>, origin: String) -> String {
        let date = pages.first?.article.map(\.frontMatter.lastModified.iso)
        var xml = UTF8Builder(capacity: pages.count * (origin.utf8.count + 80))
        for page in pages {
            // Escaping is per character: the URL's parts escaped one after the other.
            xml.append("<url><loc>")
            XMLEscaping.append(origin, to: &xml)
            XMLEscaping.append(URIEscaping.encodingNonASCII(page.url), to: &xml)
            xml.append("</loc>")
            appendAlternates(of: page, origin: origin, to: &xml)
            if let date {
                xml.append("<lastmod>")
                xml.append(string: date)
                xml.append("</lastmod>")
            }
            xml.append("</url>\n")
        }
        return xml.string
    }
}
