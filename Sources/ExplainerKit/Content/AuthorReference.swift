import Yams

/// One name of an explainer's byline (`authors:`): a key of the site's authors file, checked
/// against it when the site is built.
struct AuthorReference: Sendable, Hashable {
    /// The key as written: `ana-diaz`.
    var key: String
    /// Where it stands in the file, for errors.
    var location: SourceLocation?
}

extension AuthorReference {
    /// Reads `authors:` of the front matter: one key (`authors: ana-diaz`) or a list of them,
    /// each a slug, each once. Whether the site's authors file has them is checked when the
    /// site is built (`SiteAuthors.problems`).
    static func decode(_ fields: inout YAMLFields) -> [AuthorReference] {
        guard
            let items = fields.listItems(
                "authors", what: "an author key or a list of them",
                hint: "Write `authors: ana-diaz` or `authors: [ana-diaz, ben-lee]` (keys of Content/\(SiteAuthors.fileName)).")
        else { return [] }
        var references: [AuthorReference] = []
        for item in items {
            guard let key = fields.string(item, key: "authors item", what: "ana-diaz") else { continue }
            guard Slug.isValid(key) else {
                fields.error(
                    at: item, "`\(key)` is not an author key: keys are slugs.",
                    hint:
                        "Write the key from Content/\(SiteAuthors.fileName), e.g. `\(Slug.make(key).isEmpty ? "ana-diaz" : Slug.make(key))`."
                )
                continue
            }
            guard !references.contains(where: { $0.key == key }) else {
                fields.error(at: item, "The author `\(key)` is named twice.", hint: "Name each author once.")
                continue
            }
            references.append(AuthorReference(key: key, location: fields.location(item)))
        }
        return references
    }
}
