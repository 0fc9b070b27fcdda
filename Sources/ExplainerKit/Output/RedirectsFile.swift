/// `_redirects` at the site's root: one `old new 301` line per alias, the syntax Netlify and
/// Cloudflare Pages read (paths from the host's root, so under a base path both carry it),
/// sorted, so the file is the same bytes whatever order the explainers come in. Written only
/// when some explainer has an alias; hosts that ignore it serve the redirect pages instead.
enum RedirectsFile {
    /// Its path in the output folder.
    static let path = "_redirects"

    /// The line of `redirect`, with its newline: `/old-slug/ /new-slug/ 301`.
    static func line(_ redirect: SiteRedirects.Redirect, urls: SiteURLs) -> String {
        "\(urls.siteURL(redirect.from)) \(urls.explainer(of: redirect.article.article)) 301\n"
    }

    /// The file made of `parts` (each one or more lines), its lines sorted.
    static func text(lines parts: [String]) -> String {
        let lines = parts.flatMap { $0.split(separator: "\n") }.sorted()
        return "# Written by Explainer from the explainers' `aliases:`: old address, new address, status.\n"
            + lines.map { $0 + "\n" }.joined()
    }
}
