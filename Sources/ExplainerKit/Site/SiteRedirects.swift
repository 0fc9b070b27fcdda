/// The site's redirects: every explainer's `aliases:` checked against the site (a full URL
/// must be on the site's base URL; no alias may be the explainer's own address) and turned
/// into a redirect from the old path to the explainer's overview. Made once per build, after
/// loading: `SitePlanner.claimPaths` claims each redirect page's path (one owner per path),
/// and the builder writes the pages (`RedirectPage`) and `_redirects` (`RedirectsFile`).
struct SiteRedirects {
    /// One redirect: an old path of an explainer.
    struct Redirect {
        /// The old path from the site's root (without the base path): `/old-slug/`.
        var from: String
        /// The explainer it leads to.
        var article: RenderedArticle
        /// Where the entry stands in the explainer's file.
        var location: SourceLocation?

        /// The redirect page's file in the output folder: `old-slug/index.html`.
        var file: String { String(from.dropFirst()) + "index.html" }

        /// Who owns its path, for `PathClaims`.
        var owner: PathOwner { .alias(path: from, file: article.article.sourcePath, location: location) }
    }

    /// Every redirect, explainer by explainer in the order given, each one's in the order written.
    private(set) var all: [Redirect] = []
    /// The aliases that cannot be (another host, outside the base path, the explainer's own address).
    private(set) var problems: [Diagnostic] = []

    /// The redirects of `articles`, on the site at `urls`.
    init(articles: [RenderedArticle], urls: SiteURLs) {
        for article in articles {
            for alias in article.frontMatter.aliases {
                switch Self.path(of: alias, urls: urls) {
                case .success(let from) where from == "/\(article.article.folder)/":
                    problem(
                        alias, of: article, "The alias `\(from)` is this explainer's own address.",
                        hint: "Remove it: an alias is an address the explainer had before, e.g. its old slug.")
                case .success(let from): all.append(Redirect(from: from, article: article, location: alias.location))
                case .failure(let failure):
                    problem(alias, of: article, failure.message, hint: "Write the old path from the site's root, e.g. `/old-slug/`.")
                }
            }
        }
    }

    private mutating func problem(_ alias: ArticleAlias, of article: RenderedArticle, _ message: String, hint: String) {
        problems.append(
            Diagnostic(
                file: article.article.sourcePath, line: alias.location?.line, column: alias.location?.column, message: message,
                hint: hint))
    }

    /// The path of `alias` from the site's root: a path as it is; a full URL's path below the
    /// base URL's, which it must be on.
    static func path(of alias: ArticleAlias, urls: SiteURLs) -> Result<String, Failure> {
        guard let origin = alias.origin else { return .success(alias.path) }
        let written = origin + alias.path
        guard origin == urls.origin else {
            return .failure(
                Failure("The alias `\(written)` is on another host than the site's base URL, \(urls.baseURL)/."))
        }
        guard alias.path.hasPrefix(urls.basePath + "/") else {
            return .failure(Failure("The alias `\(written)` is not below the site's base URL, \(urls.baseURL)/."))
        }
        let from = String(alias.path.dropFirst(urls.basePath.count))
        guard from != "/" else { return .failure(Failure("The alias `\(written)` is the site's home page.")) }
        return .success(from)
    }

    /// Why an alias cannot be: the message of its error.
    struct Failure: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    /// Claims every redirect page's path (and its gzip copy in production) in `claims`, after
    /// everything else: the error of a clash is the alias's, naming what has the path.
    static func claim(_ redirects: [Redirect], in claims: inout PathClaims, production: Bool) -> [Diagnostic] {
        redirects.compactMap { claims.claim($0.file, by: $0.owner, gzip: production) }
    }

    /// The redirect pages and `_redirects` (only when there is a redirect), each through
    /// `memo` with a key holding what it shows: the site (title, language), the base URL,
    /// the explainer (slug) and, as its part, the title the page shows or its `_redirects`
    /// lines. (Its words come from `translations`, which the memo's environment holds.)
    func files(site: SiteConfig, urls: SiteURLs, translations: Translations = .embedded, memo: some BuildMemo) -> [OutputFile] {
        guard !all.isEmpty else { return [] }
        var files: [OutputFile] = []
        for redirect in all {
            let key = SiteFileKey(
                path: redirect.file, site: site, baseURL: urls.baseURL, articles: [redirect.article],
                parts: [redirect.article.frontMatter.title])
            files.append(
                memo.siteFile(key) {
                    OutputFile(path: redirect.file, text: RedirectPage.html(redirect, site: site, urls: urls, translations: translations))
                })
        }
        // One part per explainer: its lines.
        var articles: [RenderedArticle] = []
        var parts: [String] = []
        for redirect in all {
            let line = RedirectsFile.line(redirect, urls: urls)
            if articles.last === redirect.article {
                parts[parts.count - 1] += line
            } else {
                articles.append(redirect.article)
                parts.append(line)
            }
        }
        let key = SiteFileKey(path: RedirectsFile.path, site: site, baseURL: urls.baseURL, articles: articles, parts: parts)
        files.append(memo.siteFile(key) { OutputFile(path: RedirectsFile.path, text: RedirectsFile.text(lines: parts)) })
        return files
    }
}
