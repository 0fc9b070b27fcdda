/// The page at an explainer's old path (`aliases:`): a minimal HTML document that sends the
/// reader on at once, without JavaScript (`<meta http-equiv="refresh">`), tells search
/// engines where the page is now (`rel=canonical`, absolute) and not to index this one
/// (`noindex`), and shows a link for a browser that does not follow the refresh. Not a
/// themed page: it has no stylesheet, no search body (`data-pagefind-body`), and it is in
/// neither the sitemap nor a feed.
enum RedirectPage {
    /// The HTML of `redirect`'s page on the site at `urls`.
    static func html(_ redirect: SiteRedirects.Redirect, site: SiteConfig, urls: SiteURLs) -> String {
        let target = urls.explainer(of: redirect.article.article)
        let absolute = HTMLEscaping.escape(urls.absolute(target))
        let href = HTMLEscaping.escape(target)
        let title = HTMLEscaping.escape(redirect.article.frontMatter.title)
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLEscaping.escape(site.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="\(HTMLEscaping.escape(ContentSecurityPolicy.site.text))">
            <meta http-equiv="refresh" content="0; url=\(href)">
            <title>Moved: \(title) – \(HTMLEscaping.escape(site.title))</title>
            <meta name="description" content="This page has moved to \(absolute).">
            <meta name="robots" content="noindex">
            <link rel="canonical" href="\(absolute)">
            </head>
            <body>
            <main>
            <h1>This page has moved</h1>
            <p><a href="\(href)">\(title)</a> is now at \(absolute).</p>
            </main>
            </body>
            </html>

            """
    }
}
