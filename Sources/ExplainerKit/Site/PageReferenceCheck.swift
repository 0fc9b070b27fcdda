/// Checks, once every page is planned, that each link and image an article writes to a path of
/// the site (`/other/`, `/x/risks/`, `/assets/style.css`, `other.md`) leads to something the
/// build makes: a page, a generated file, an asset, or a bundle file with its variants. A
/// reference to anything else is an error at its file, line and column, naming the nearest
/// path that exists. Pure.
struct PageReferenceCheck {
    /// Every path of the site from its root, without the base path: `/`, `/x/`, `/x/index.html`.
    private(set) var paths: Set<String> = []

    /// The site's paths: its pages' files (each folder's `index.html` also as the folder), the
    /// generated files, the assets (by their source name and their name in the output, which
    /// production fingerprints), and every file an explainer publishes from its bundle.
    init(pages: [Page], assets: [String], articles: [RenderedArticle]) {
        paths.reserveCapacity(pages.count * 2 + assets.count + 8)
        func add(_ file: String) {
            paths.insert("/" + file)
            if file == "index.html" || file.hasSuffix("/index.html") { paths.insert("/" + file.dropLast("index.html".count)) }
        }
        for page in pages { add(page.file) }
        for file in [FeedWriter.path, SitemapWriter.path, RobotsWriter.path] { add(file) }
        for asset in assets { add(asset) }
        for article in articles {
            for output in article.media { add(output.path) }
        }
    }

    /// Whether the site has `path` (`/x/`; also `/x` for the folder `/x/`, which servers
    /// redirect), percent escapes decoded.
    func contains(_ path: String) -> Bool {
        let decoded = URLResolver.percentDecoded(path) ?? path
        return paths.contains(decoded) || (!decoded.hasSuffix("/") && paths.contains(decoded + "/"))
    }

    /// The errors of `articles`' references to paths the site does not have. The nearest
    /// existing path is named for the first few (finding it compares with every path).
    func problems(of articles: [RenderedArticle]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var sorted: [String]?
        for article in articles {
            for reference in article.siteReferences where !contains(reference.path) {
                var hint = "Link to a page that exists (its address from the site's root, e.g. `/\(article.slug)/`), or remove the link."
                if let source = reference.articleSource {
                    // An explainer whose `slug:` is not its name's: its page is elsewhere.
                    let named = articles.first {
                        $0.article.contentPath == source
                            || (source.hasSuffix("/") && $0.article.contentPath == source + ContentNames.bundleIndex)
                    }
                    hint =
                        named.map {
                            "\($0.article.sourcePath) sets `slug: \($0.slug)`: link to its page from the site's root, `/\($0.slug)/`."
                        }
                        ?? "`\(source)` is no explainer that is built (missing, or a draft left out): correct the link, or remove it."
                } else if out.count < 10 {
                    let candidates = sorted ?? paths.sorted()
                    sorted = candidates
                    if let near = EditDistance.nearest(to: reference.path, in: candidates) { hint = "Did you mean `\(near)`?" }
                }
                out.append(
                    Diagnostic(
                        file: article.article.sourcePath, line: reference.location.line, column: reference.location.column,
                        message: "`\(reference.path)` is not a page or file of this site.", hint: hint))
            }
        }
        return out
    }
}
