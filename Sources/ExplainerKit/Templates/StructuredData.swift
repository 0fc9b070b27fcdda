/// JSON-LD for search engines: `NewsArticle` for explainer pages (its `author` the byline's
/// `Person`s, or the site's organisation without one; `dateModified` is
/// `FrontMatter.lastModified`; each correction is a `CorrectionComment` under `correction`),
/// `WebSite` for the home page, `WebPage` for the corrections page, `ProfilePage` for an author
/// page, `CollectionPage` for the topics index and a topic's pages.
///
/// Written straight to JSON text (`JSONText.Writer`), members in the order below.
enum StructuredData {
    /// - Parameter authors: the explainer's byline (for an author page: the author).
    static func jsonLD(for page: Page, urls: SiteURLs, site: SiteValues, authors: [SiteAuthor] = []) -> String {
        let siteTitle = site.title
        let author = site.author
        let language = site.language
        var json = JSONText.Writer(capacity: 1024)
        /// Opens a page's object: its schema.org type, name, absolute URL and language.
        func beginPage(_ type: StaticString, name: String, url: String) {
            json.beginObject()
            json.key("@context"); json.string(literal: "https://schema.org")
            json.key("@type"); json.string(literal: type)
            json.key("name"); json.string(name)
            json.key("url"); json.string(urls.origin, url)
            json.key("inLanguage"); json.string(language)
        }
        switch page.kind {
        case .home:
            beginPage("WebSite", name: siteTitle, url: urls.home())
            json.key("description"); json.string(page.description)
            json.endObject()
        case .overview, .section, .quotes, .all:
            guard let article = page.article else { return "" }
            let fm = article.frontMatter
            func publisher() {
                json.beginObject()
                json.key("@type"); json.string(literal: "Organization")
                json.key("name"); json.string(author.isEmpty ? siteTitle : author)
                json.key("url"); json.string(urls.origin, urls.home())
                json.endObject()
            }
            json.beginObject()
            json.key("@context"); json.string(literal: "https://schema.org")
            json.key("@type"); json.string(literal: "NewsArticle")
            json.key("headline"); json.string(headline(page.title))
            json.key("description"); json.string(page.description)
            json.key("url"); json.string(urls.origin, page.url)
            json.key("mainEntityOfPage"); json.string(urls.origin, page.url)
            json.key("datePublished"); json.string(fm.date.iso)
            json.key("dateModified"); json.string(fm.lastModified.iso)
            json.key("inLanguage"); json.string(language)
            if let lead = article.leadImage, !lead.crops.isEmpty {
                // The three crops Google asks for (16:9, 4:3, 1:1).
                json.key("image")
                json.beginArray()
                for crop in lead.crops { json.string(urls.origin, urls.media(article.slug, crop.path)) }
                json.endArray()
            }
            json.key("keywords")
            json.beginArray()
            for tag in fm.tags { json.string(tag) }
            json.endArray()
            json.key("isPartOf")
            json.beginObject()
            json.key("@type"); json.string(literal: "CreativeWorkSeries")
            json.key("name"); json.string(fm.title)
            json.key("url"); json.string(urls.origin, urls.explainer(article.slug))
            json.endObject()
            json.key("author")
            if authors.isEmpty {
                publisher()
            } else {
                json.beginArray()
                for author in authors { person(author, urls: urls, into: &json) }
                json.endArray()
            }
            json.key("publisher"); publisher()
            let corrections = fm.corrections
            if !corrections.isEmpty {
                // Newest first, as the log lists them.
                json.key("correction")
                json.beginArray()
                for correction in corrections {
                    json.beginObject()
                    json.key("@type"); json.string(literal: "CorrectionComment")
                    json.key("text"); json.string(correction.text)
                    json.key("datePublished"); json.string(correction.timestamp.iso)
                    json.endObject()
                }
                json.endArray()
            }
            json.endObject()
        case .author:
            guard let author = authors.first else { return "" }
            beginPage("ProfilePage", name: page.title, url: page.url)
            json.key("mainEntity"); person(author, urls: urls, into: &json)
            json.endObject()
        case .corrections, .topic, .topics:
            // The topic pages list explainers: schema.org's page of a collection.
            beginPage(page.kind == .corrections ? "WebPage" : "CollectionPage", name: page.title, url: page.url)
            json.key("description"); json.string(page.description)
            json.key("isPartOf")
            json.beginObject()
            json.key("@type"); json.string(literal: "WebSite")
            json.key("name"); json.string(siteTitle)
            json.key("url"); json.string(urls.origin, urls.home())
            json.endObject()
            json.endObject()
        case .notFound, .authors, .search:
            return ""
        }
        return json.text
    }

    /// An author as a schema.org `Person`: name, the URL of their page on the site, `jobTitle`
    /// (their role) and, as `sameAs`, their own pages.
    private static func person(_ author: SiteAuthor, urls: SiteURLs, into json: inout JSONText.Writer) {
        json.beginObject()
        json.key("@type"); json.string(literal: "Person")
        json.key("name"); json.string(author.name)
        json.key("url"); json.string(urls.origin, urls.author(author.key))
        if let role = author.role { json.key("jobTitle"); json.string(role) }
        let elsewhere = (author.url.map { [$0] } ?? []) + author.links.map(\.url)
        if !elsewhere.isEmpty {
            json.key("sameAs")
            json.beginArray()
            for url in elsewhere { json.string(url) }
            json.endArray()
        }
        json.endObject()
    }

    /// The title's first 110 `Character`s (a title of at most 110 bytes has at most 110).
    static func headline(_ title: String) -> String {
        title.utf8.count <= 110 ? title : String(title.prefix(110))
    }
}
