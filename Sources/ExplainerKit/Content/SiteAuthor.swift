/// One person of the site's authors file (`Content/authors.yml`): what a byline, an author
/// page and the structured data say of them.
struct SiteAuthor: Sendable, Hashable {
    /// The key explainers name in `authors:`, a slug: also the author page's slug
    /// (`/authors/ana-diaz/`).
    var key: String
    /// `name:` (required): `Ana Díaz`.
    var name: String
    /// `role:`: `Chief correspondent` (schema.org `jobTitle`).
    var role: String?
    /// `url:`: the author's own page elsewhere (absolute `http(s)` URL).
    var url: String?
    /// `bio:`: a sentence or two, plain text.
    var bio: String?
    /// `links:`: further pages of theirs (`{ text, url }`), in the order written.
    var links: [ExternalLink] = []
    /// Where the author's key stands in the file, for errors.
    var location: SourceLocation?
}
