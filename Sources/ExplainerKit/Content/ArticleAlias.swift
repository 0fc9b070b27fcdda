/// An old path of an explainer (`aliases:` in front matter, e.g. `/russia-taliban-2025/` after
/// a headline and its slug changed): the build writes a redirect from it to the explainer.
struct ArticleAlias: Sendable, Hashable {
    /// The path as the site's root spells it, normalised by the decoder: `/old-slug/` or
    /// `/old-slug/history/`. For an alias written as a full URL (`origin` set), the path from
    /// the host's root, base path included, until `SiteRedirects` checks it against the site.
    var path: String
    /// Where the entry stands in the file, for errors (a clash with a page names it).
    var location: SourceLocation?
    /// For an alias written as a full URL (`https://example.org/old-slug/`), its
    /// `scheme://host[:port]` in lower case: it must be the site's own (`SiteRedirects`).
    var origin: String? = nil
}
