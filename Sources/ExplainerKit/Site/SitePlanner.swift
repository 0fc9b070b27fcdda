/// The "plan" step: decides every page of the site, its URL and file, and the links between
/// pages. Pure: rendered articles in, pages out, in a fixed order.
public enum SitePlanner {
    /// How many of the newest explainers the 404 page suggests.
    public static let notFoundListLength = 10

    /// Every page of the site: the home pages, each explainer's pages (newest explainer first),
    /// and the 404 page. `explainerPages` plans one explainer's pages; a cache may pass a
    /// memoised version.
    public static func plan(
        site: SiteConfig, articles: [RenderedArticle],
        explainerPages: (RenderedArticle) -> [Page] = explainerPages
    ) -> [Page] {
        let newestFirst = articles.sorted {
            ($0.frontMatter.date, $1.slug) > ($1.frontMatter.date, $0.slug)
        }
        var pages = homePages(site: site, newestFirst: newestFirst)
        for article in newestFirst {
            pages += explainerPages(article)
        }
        pages.append(Page(kind: .notFound, url: "/404.html", file: "404.html", title: "Page not found",
                          description: "There is no page at this address.",
                          articles: Array(newestFirst.prefix(notFoundListLength))))
        return pages
    }

    /// The home pages: `/` lists the newest `site.homePageSize` explainers, `/page/2/` the next
    /// ones, and so on (always at least `/`).
    static func homePages(site: SiteConfig, newestFirst: [RenderedArticle]) -> [Page] {
        let size = site.homePageSize
        let count = max(1, (newestFirst.count + size - 1) / size)
        func url(_ number: Int) -> String { number == 1 ? "/" : "/page/\(number)/" }
        let description = site.description.isEmpty ? site.title : site.description
        return (1...count).map { number in
            Page(kind: .home, url: url(number), file: String(url(number).dropFirst()) + "index.html",
                 title: number == 1 ? site.title : "\(site.title), page \(number)",
                 description: number == 1 ? description : "\(description) (page \(number) of \(count))",
                 articles: Array(newestFirst[min(newestFirst.count, (number - 1) * size)..<min(newestFirst.count, number * size)]),
                 listing: count == 1 ? nil : ListingPosition(
                    number: number, count: count,
                    previousURL: number > 1 ? url(number - 1) : nil,
                    nextURL: number < count ? url(number + 1) : nil))
        }
    }

    /// The pages of one explainer in reading order: overview, sections, quotes, then the
    /// one-page view (which is not part of the reading order).
    public static func explainerPages(_ article: RenderedArticle) -> [Page] {
        let base = "/\(article.slug)/"
        let fm = article.frontMatter
        var stops: [(Page.Kind, RenderedSection?, PageLink)] = []
        stops.append((.overview, nil, PageLink(label: "Overview", title: fm.title, url: base, isCurrent: false,
                                               readingMinutes: WordCounter.minutes(forWords: article.lede.wordCount))))
        for section in article.sections {
            stops.append((.section, section, PageLink(label: section.label, title: section.heading.text,
                                                      url: base + section.key + "/", isCurrent: false,
                                                      readingMinutes: section.readingMinutes)))
        }
        if !article.quotes.isEmpty {
            stops.append((.quotes, nil, PageLink(label: "Quotes", title: "Quotes: \(fm.title)",
                                                 url: base + "quotes/", isCurrent: false, readingMinutes: nil)))
        }
        let links = stops.map(\.2)
        var pages: [Page] = []
        for (index, stop) in stops.enumerated() {
            let (kind, section, link) = stop
            var nav = links
            nav[index].isCurrent = true
            let description: String
            switch kind {
            case .section: description = section?.description ?? fm.summary
            case .quotes: description = "What was said: the quotations in \u{201C}\(fm.title)\u{201D}, with who said them."
            default: description = fm.summary
            }
            pages.append(Page(
                kind: kind, url: link.url, file: String(link.url.dropFirst()) + "index.html",
                title: link.title, description: description.isEmpty ? fm.summary : description,
                article: article, section: section, explainerPages: nav,
                previous: index > 0 ? links[index - 1] : nil,
                next: index + 1 < links.count ? links[index + 1] : nil))
        }
        pages.append(Page(
            kind: .all, url: base + "all/", file: String(base.dropFirst()) + "all/index.html",
            title: fm.title, description: fm.summary, article: article, explainerPages: links))
        return pages
    }
}
