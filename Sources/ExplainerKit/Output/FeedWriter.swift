/// Writes the Atom feeds (RFC 4287): the site's `feed.xml` and each topic's
/// `topics/<slug>/feed.xml`, one function for both (`Channel` says which), with one entry per
/// explainer, newest first, each with its byline's `<author>`s (the feed's own `<author>` is
/// the site's). An explainer's `<entry>` is the same in every feed it is in, so a cache
/// makes it once (`entry(for:urls:authors:)`).
///
/// Pure and deterministic: the feed's `updated` is the newest article date, never the clock,
/// so building twice gives the same bytes.
enum FeedWriter {
    static let path = "feed.xml"
    /// The feed's `updated` when the site has no explainer yet.
    static let epoch = "1970-01-01T00:00:00Z"

    /// What distinguishes one feed from another: its title and subtitle, its `<id>`, its own
    /// URL (`rel="self"`) and the page it is the feed of (`rel="alternate"`), all absolute.
    struct Channel: Sendable, Hashable {
        var title: String
        var subtitle: String
        var id: String
        var selfURL: String
        var alternateURL: String

        /// The site's feed, `feed.xml`: the home page's.
        static func site(_ site: SiteConfig, urls: SiteURLs) -> Channel {
            Channel(
                title: site.title, subtitle: site.description, id: urls.absolute(urls.home()),
                selfURL: urls.absolute(urls.feed), alternateURL: urls.absolute(urls.home()))
        }

        /// A topic's feed, `topics/<slug>/feed.xml`: the topic page's; its subtitle in the
        /// language of `strings` (the feed's space's).
        static func topic(_ topic: TopicLink, site: SiteConfig, urls: SiteURLs, strings: LocalizedStrings) -> Channel {
            let page = urls.absolute(urls.topic(topic.slug))
            return Channel(
                title: "\(topic.name) \u{2013} \(site.title)", subtitle: strings.text("topicFeedSubtitle", ["topic": topic.name]),
                id: page,
                selfURL: urls.absolute(urls.topicFeed(topic.slug)), alternateURL: page)
        }
    }

    /// - Parameters:
    ///   - articles: the listed explainers (`RenderedArticle.isListed`), in any order.
    ///   - site: the site configuration (language, author).
    ///   - channel: which feed (`Channel.site`, the default, or `Channel.topic`).
    ///   - urls: the site's URLs.
    ///   - entry: the `<entry>` of one explainer; a cache may pass a memoised `entry(for:urls:)`.
    static func feed(
        articles: [RenderedArticle], site: SiteConfig, channel: Channel? = nil, urls: SiteURLs,
        entry: ((RenderedArticle) -> String)? = nil
    ) -> String {
        let channel = channel ?? .site(site, urls: urls)
        let newestFirst = SitePlanner.newestFirst(articles)
        let updated = articles.map(\.frontMatter.lastModified).max()?.rfc3339 ?? epoch
        let author = site.author.isEmpty ? site.title : site.author
        var xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom"\(site.language.isEmpty ? "" : " xml:lang=\"\(XMLEscaping.escape(site.language))\"")>
            <title>\(XMLEscaping.escape(channel.title))</title>

            """
        if !channel.subtitle.isEmpty { xml += "<subtitle>\(XMLEscaping.escape(channel.subtitle))</subtitle>\n" }
        xml += """
            <id>\(XMLEscaping.escape(URIEscaping.encodingNonASCII(channel.id)))</id>
            <link rel="self" type="application/atom+xml" href="\(XMLEscaping.escape(URIEscaping.encodingNonASCII(channel.selfURL)))"/>
            <link rel="alternate" type="text/html" href="\(XMLEscaping.escape(URIEscaping.encodingNonASCII(channel.alternateURL)))"/>
            <updated>\(updated)</updated>
            <author><name>\(XMLEscaping.escape(author))</name></author>

            """
        for article in newestFirst {
            xml += entry?(article) ?? Self.entry(for: article, urls: urls)
        }
        xml += "</feed>\n"
        return xml
    }

    /// One explainer's `<entry>`; `authors` resolves its byline.
    static func entry(for article: RenderedArticle, urls: SiteURLs, authors: SiteAuthors = .empty) -> String {
        let fm = article.frontMatter
        var xml = UTF8Builder(capacity: 256 + fm.summary.utf8.count)
        let page = urls.explainer(article.slug)
        // Escaping is per character: the URL's parts escaped one after the other.
        func url() {
            XMLEscaping.append(urls.origin, to: &xml)
            XMLEscaping.append(page, to: &xml)
        }
        xml.append("<entry>\n<title>")
        XMLEscaping.append(fm.title, to: &xml)
        xml.append("</title>\n<id>")
        url()
        xml.append("</id>\n<link rel=\"alternate\" type=\"text/html\" href=\"")
        url()
        xml.append("\"/>\n<published>")
        xml.append(string: fm.date.rfc3339)
        xml.append("</published>\n<updated>")
        xml.append(string: fm.lastModified.rfc3339)
        xml.append("</updated>\n")
        for author in authors.resolve(fm.authors) {
            xml.append("<author><name>")
            XMLEscaping.append(author.name, to: &xml)
            xml.append("</name><uri>")
            XMLEscaping.append(urls.origin, to: &xml)
            XMLEscaping.append(URIEscaping.encodingNonASCII(urls.author(author.key)), to: &xml)
            xml.append("</uri></author>\n")
        }
        for tag in fm.tags {
            xml.append("<category term=\"")
            XMLEscaping.append(tag, to: &xml)
            xml.append("\"/>\n")
        }
        xml.append("<summary>")
        XMLEscaping.append(fm.summary, to: &xml)
        xml.append("</summary>\n</entry>\n")
        return xml.string
    }
}
