/// The page at an explainer's old path (`aliases:`): a minimal HTML document that sends the
/// reader on at once, without JavaScript (`<meta http-equiv="refresh">`), tells search
/// engines where the page is now (`rel=canonical`, absolute) and not to index this one
/// (`noindex`), and shows a link for a browser that does not follow the refresh. Not a
/// themed page: it has no stylesheet, no search body (`data-pagefind-body`), and it is in
/// neither the sitemap nor a feed. It is written in the explainer's language (`lang`, `dir`
/// and its few words from the translation tables: `redirectTitle`, `redirectText`…).
enum RedirectPage {
    /// The HTML of `redirect`'s page on the site at `urls`, its words from `translations`.
    static func html(
        _ redirect: SiteRedirects.Redirect, site: SiteConfig, urls: SiteURLs, translations: Translations = .embedded
    ) -> String {
        let language = PageContext.language(listing: nil, article: redirect.article, site: site)
        let strings = translations.strings(for: language)
        let target = urls.explainer(of: redirect.article.article)
        let absolute = HTMLEscaping.escape(urls.absolute(target))
        let href = HTMLEscaping.escape(target)
        let title = HTMLEscaping.escape(redirect.article.frontMatter.title)
        // Each text is escaped before its placeholders are filled with HTML: a URL or a title
        // of the other direction is isolated (`<bdi>`) from the words around it.
        func text(_ key: String, _ values: [String: String]) -> String {
            LocalizedStrings.fill(HTMLEscaping.escape(strings.text(key)), values)
        }
        let heading = HTMLEscaping.escape(strings.text("redirectHeading"))
        let pageTitle = text("redirectTitle", ["title": title])
        let description = text("redirectDescription", ["url": absolute])
        let body = text("redirectText", ["title": "<a href=\"\(href)\"><bdi>\(title)</bdi></a>", "url": "<bdi>\(absolute)</bdi>"])
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(language.identifier))" dir="\(language.direction)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLEscaping.escape(ContentSecurityPolicy.site.text))">
            <meta http-equiv="refresh" content="0; url=\(href)">
            <title>\(pageTitle) – \(HTMLEscaping.escape(site.title))</title>
            <meta name="description" content="\(description)">
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(absolute)">
            </head>
            <body>
            <main>
            <h1>\(heading)</h1>
            <p>\(body)</p>
            </main>
            </body>
            </html>

            """
    }
}
