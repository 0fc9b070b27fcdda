/// One name of an explainer's byline (`authors:`): a key of the site's authors file, checked
/// against it when the site is built.
struct AuthorReference: Sendable, Hashable {
    /// The key as written: `ana-diaz`.
    var key: String
    /// Where it stands in the file, for errors.
    var location: SourceLocation?
}
