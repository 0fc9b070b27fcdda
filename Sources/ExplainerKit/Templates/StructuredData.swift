/// JSON-LD for search engines: `NewsArticle` for explainer pages (`dateModified` is
/// `FrontMatter.lastModified`; each correction is a `CorrectionComment` under `correction`),
/// `WebSite` for the home page, `WebPage` for the corrections page.
///
/// Written straight to JSON text (`JSONText.Writer`), members in the order below.
enum StructuredData {
    static func jsonLD(for page: Page, urls: SiteURLs, site: SiteValues) -> String {
        let siteTitle = site.title
        let author = site.author
        let language = site.language
        var json = JSONText.Writer(capacity: 1024)
        switch page.kind {
        case .home:
            json.beginObject()
            json.key("@context"); json.string(literal: "https://schema.org")
            json.key("@type"); json.string(literal: "WebSite")
            json.key("name"); json.string(siteTitle)
            json.key("url"); json.string(urls.origin, urls.home())
            json.key("inLanguage"); json.string(language)
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
            json.key("author"); publisher()
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
        case .corrections:
            json.beginObject()
            json.key("@context"); json.string(literal: "https://schema.org")
            json.key("@type"); json.string(literal: "WebPage")
            json.key("name"); json.string(page.title)
            json.key("url"); json.string(urls.origin, page.url)
            json.key("inLanguage"); json.string(language)
            json.key("description"); json.string(page.description)
            json.key("isPartOf")
            json.beginObject()
            json.key("@type"); json.string(literal: "WebSite")
            json.key("name"); json.string(siteTitle)
            json.key("url"); json.string(urls.origin, urls.home())
            json.endObject()
            json.endObject()
        case .notFound:
            return ""
        }
        return json.text
    }

    /// The title's first 110 `Character`s (a title of at most 110 bytes has at most 110).
    static func headline(_ title: String) -> String {
        title.utf8.count <= 110 ? title : String(title.prefix(110))
    }
}
