/// A `sections:` entry of front matter: the page slug for the H2 heading that starts a section.
struct SectionBinding: Sendable, Hashable {
    /// The page's slug, e.g. `history` (its URL is `/<article>/history/`).
    var key: String
    /// The exact text of the H2 heading, e.g. `Afghanistan's historical context`.
    var heading: String
    /// Where the entry stands in the file, for errors.
    var location: SourceLocation?

    init(key: String, heading: String, location: SourceLocation? = nil) {
        self.key = key
        self.heading = heading
        self.location = location
    }
}
