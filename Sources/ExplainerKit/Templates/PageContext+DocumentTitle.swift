extension PageContext {
    /// The page's `<title>`: its title (a section page's label, `SectionLabel`; its heading is
    /// the page's `<h1>`), then its explainer's, then the site's, each named once (a title that
    /// already holds the explainer's, as the quotes page's `Quotes: X`, is not followed by it
    /// again); the home page is the site's title alone.
    static func documentTitle(_ page: Page, siteTitle: String) -> String {
        var title = page.kind == .section ? page.section?.label ?? page.title : page.title
        if let article = page.article, page.kind != .overview, page.kind != .all {
            let explainer = article.frontMatter.title
            if !explainer.isEmpty && !title.contains(explainer) { title += " \u{2013} " + explainer }
        }
        if page.kind != .home { title += " \u{2013} " + siteTitle }
        return title
    }
}
