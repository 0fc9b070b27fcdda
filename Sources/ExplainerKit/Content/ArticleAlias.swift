/// An old path of an explainer (`aliases:` in front matter, e.g. `/russia-taliban-2025/` after
/// a headline and its slug changed): the build writes a redirect from it to the explainer.
struct ArticleAlias: Sendable, Hashable {
    /// The path as the site's root spells it, normalised by the decoder: `/old-slug/` or
    /// `/old-slug/history/`.
    var path: String
    /// Where the entry stands in the file, for errors (a clash with a page names it).
    var location: SourceLocation?
}
